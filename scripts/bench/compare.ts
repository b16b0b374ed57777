// CPU per GraphQL request of this checkout's API against another checkout's, alternating, on the
// same data: for a change whose effect is smaller than the machine's run-to-run spread.
//   git worktree add /tmp/before <commit> && ln -s "$PWD/node_modules" /tmp/before/node_modules
//   npx tsx scripts/bench/compare.ts --against /tmp/before --store embedded --docs 3000
//   NEO4J_URI=bolt://127.0.0.1:7693 npx tsx scripts/bench/compare.ts --against /tmp/before --store neo4j --docs 10000 --neo4j-pid-file .neo4j/neo4j.pid
// With --store neo4j the database must already hold a graph (say, one `npm run bench` left), and
// --docs must be its corpus size (the chain scenario's starts come from that generated corpus).
// With --neo4j-pid-file the Neo4j server's CPU per request is measured as well (from /proc; only
// this script should be sending it queries).
// Each side also hashes every answer it gave: the two checkouts must answer the same, byte for byte.
// Each side runs in its own process, importing its checkout's server; requests go through
// app.inject one at a time, so the figure is the API's own CPU, without the network or queueing.
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { alternate, sideOptions, sidesOf } from './alternate.js';
import { cpuSecondsOf, pidOfFile } from './machine.js';
import { OURS } from './queries.js';

const HERE = fileURLToPath(import.meta.url);
// the bench's own requests (queries.ts), with the same variables
const QUERIES = { document: OURS.document, page20: OURS.page20, chain20: OURS.chain20 };

interface Opts {
  against?: string;
  store: 'embedded' | 'neo4j';
  docs: number;
  requests: number;
  rounds: number;
  neo4jPidFile?: string;
  child?: string;
}

/** One side: build that checkout's server over the data, run each scenario, print CPU ms per request. */
async function child(root: string, o: Opts): Promise<void> {
  const load = (p: string) => import(path.join(root, p));
  const { loadConfig } = await load('services/config.ts');
  const { buildServer } = await load('services/server.ts');
  const { encodeCursor } = await load('services/store/cursor.ts');
  const env = { ...process.env, LOG_LEVEL: 'error', RATE_LIMIT_MAX: '0', SAMPLE_CORPUS: 'false' };
  const config = loadConfig(env);
  let store;
  if (o.store === 'neo4j') {
    if (!config.neo4j) throw new Error('--store neo4j needs NEO4J_URI');
    store = await (await load('services/store/neo4j/index.ts')).Neo4jStore.open(config.neo4j);
  } else {
    store = await (await load('services/store/embedded/index.ts')).EmbeddedStore.open({ dataDir: mkdtempSync(path.join(tmpdir(), 'compare-')) });
    const { Corpus } = await load('graph-loaders/generate/corpus.ts');
    const { loadCorpus } = await load('scripts/bench/stages/load.ts');
    await loadCorpus(store, new Corpus({ docs: o.docs, seed: 1 }), { chunk: 1000, baselineDocs: 0, baselineSeconds: 0 });
  }
  const app = await buildServer(config, store);
  const ids: string[] = (await store.findDocuments({ includeStubs: false }, 500, null)).items.map((i: { id: string }) => i.id);
  const { Corpus } = await load('graph-loaders/generate/corpus.ts');
  // the bench's chain starts (stages/pools.ts): chains of the generated corpus, once generated
  const corpus = new Corpus({ docs: o.docs, seed: 1 });
  for (const _ of corpus.documents());
  const chainIds: string[] = corpus.chains().filter((c: { length: number }) => c.length >= 21).slice(0, 50).map((c: { id: string }) => c.id);
  const neo4jPid = o.neo4jPidFile ? pidOfFile(o.neo4jPidFile) : null;
  const out: Record<string, number> = {};
  const answers: Record<string, string> = {};
  for (const [name, query] of Object.entries(QUERIES)) {
    if (name === 'chain20' && !chainIds.length) continue;
    const run = async (count: number, bodies: string[] = []) => {
      const before = process.cpuUsage();
      const neo4jBefore = cpuSecondsOf(neo4jPid);
      for (let i = 0; i < count; i++) {
        const id = ids[i % ids.length];
        const variables = name === 'document' ? { id } : name === 'chain20' ? { id: chainIds[i % chainIds.length] } : { after: encodeCursor({ id }) };
        const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
        if (res.statusCode !== 200 || JSON.parse(res.body).errors) throw new Error(`${name}: ${res.body.slice(0, 300)}`);
        bodies.push(res.body);
      }
      const used = process.cpuUsage(before);
      const neo4jAfter = cpuSecondsOf(neo4jPid);
      return { api: (used.user + used.system) / 1000 / count, neo4j: neo4jBefore !== null && neo4jAfter !== null ? ((neo4jAfter - neo4jBefore) * 1000) / count : null };
    };
    await run(Math.min(100, o.requests)); // warm-up: the JIT, the caches
    const bodies: string[] = [];
    const { api, neo4j } = await run(o.requests, bodies);
    answers[name] = `${bodies.length} answers, sha256 ${createHash('sha256').update(bodies.join('\n')).digest('hex').slice(0, 16)}`;
    out[name] = api;
    if (neo4j !== null) out[`${name} (Neo4j)`] = neo4j;
  }
  await app.close();
  await store.close();
  process.stdout.write(`${JSON.stringify(answers)}\n${JSON.stringify(out)}\n`);
}

function options(): Opts {
  return sideOptions(new Command())
    .description("CPU per GraphQL request of this checkout's API against another checkout's, alternating")
    .option('--store <kind>', 'embedded (loads a generated corpus) or neo4j (reads NEO4J_URI as it is)', 'embedded')
    .option('--docs <n>', 'generated documents for the embedded store', (v) => parseInt(v, 10), 3000)
    .option('--requests <n>', 'measured requests per scenario', (v) => parseInt(v, 10), 300)
    .option('--neo4j-pid-file <file>', "with --store neo4j: the server's pid file, to measure its CPU per request too")
    .parse()
    .opts<Opts>();
}

const o = options();
if (o.child) await child(o.child, o);
else {
  if (!o.against) throw new Error('--against <dir> is required');
  const sides = sidesOf(HERE, o.against);
  const results = new Map<string, Record<string, number>[]>();
  const answers = new Set<string>();
  const args = ['--store', o.store, '--docs', String(o.docs), '--requests', String(o.requests), ...(o.neo4jPidFile ? ['--neo4j-pid-file', o.neo4jPidFile] : [])];
  alternate(HERE, sides, o.rounds, args, (side, round, said, line) => {
    results.set(side.name, [...(results.get(side.name) ?? []), JSON.parse(line)]);
    answers.add(said);
    process.stderr.write(`[compare] round ${round + 1}: ${side.name} ${line}\n[compare] answers: ${said}\n`);
  });
  console.log(answers.size === 1 ? `Every side and round gave the same answers: ${[...answers][0]}\n` : `ANSWERS DIFFER between sides or rounds:\n${[...answers].join('\n')}\n`);
  console.log(`| CPU per request (${o.store}) | ${sides.map((s) => s.name).join(' | ')} |`);
  console.log(`|---|${sides.map(() => '---').join('|')}|`);
  for (const name of Object.keys(results.get(sides[0].name)![0])) {
    const cells = sides.map((s) => {
      const v = results.get(s.name)!.map((r) => r[name]);
      return `${Math.min(...v).toFixed(2)}–${Math.max(...v).toFixed(2)} ms`;
    });
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
}
