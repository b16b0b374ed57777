// The whole `load` command on a folder of files (read, extract, resolve, write), this checkout
// against another, alternating: what a user waits for, where the bench's load figures leave
// extraction out. Each run is the checkout's built CLI into a new embedded store.
//   git worktree add /tmp/before <commit> && ln -s "$PWD/node_modules" /tmp/before/node_modules
//   (cd /tmp/before && npm run build) && npm run build
//   npx tsx scripts/bench/load-files.ts --docs 50000 --against /tmp/before [--chunk 500] [--rounds 2]
//   NEO4J_URI=bolt://127.0.0.1:7693 NEO4J_PASSWORD=… npx tsx scripts/bench/load-files.ts --neo4j …   (EMPTIES that Neo4j before each run)
// The corpus is generated once into bench-out/corpus-<docs> (or give --corpus <dir>). Both sides
// must report the same summary (documents, relations, unresolved references).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { loadConfig } from '../../services/config.js';
import { sidesOf, type Side } from './alternate.js';
import { loadFlags } from './load-flags.js';

const HERE = fileURLToPath(import.meta.url);
const ROOT = path.resolve(HERE, '../../..');

const o = new Command()
  .description('the load command on files, end to end, this checkout against another, alternating')
  .option('--docs <n>', 'generated documents (written once to bench-out/corpus-<docs>)', (v) => parseInt(v, 10), 50_000)
  .option('--corpus <dir>', 'a folder of texts to load instead')
  .option('--chunk <n>', "files per batch (the load command's --chunk)", (v) => parseInt(v, 10))
  .option('--against <dir>', 'the other checkout, built (npm run build)')
  .option('--rounds <n>', 'runs of each side, alternating', (v) => parseInt(v, 10), 2)
  .option('--neo4j', 'load into the Neo4j of NEO4J_URI and NEO4J_PASSWORD, emptied before each run')
  .option('--cold', "empty the OS page cache before each run (root only), so files come from disk as on a first load")
  .parse()
  .opts<{ docs: number; corpus?: string; chunk?: number; against?: string; rounds: number; neo4j?: boolean; cold?: boolean }>();

/** Linux: written pages to disk, then clean pages, dentries and inodes dropped (needs root). */
function dropPageCache(): void {
  execFileSync('sync');
  writeFileSync('/proc/sys/vm/drop_caches', '3\n');
}

function corpus(): string {
  if (o.corpus) return path.resolve(o.corpus);
  const dir = path.join(ROOT, 'bench-out', `corpus-${o.docs}`);
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    process.stderr.write(`[load-files] generating ${o.docs} documents into ${dir}\n`);
    execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'graph-loaders/generate/cli.ts'), '--docs', String(o.docs), '--out', dir, '--force'], { stdio: 'inherit' });
  }
  return path.join(dir, 'texts');
}

interface Run {
  summary: string;
  wall: number;
  cpu: number;
  maxRssMb: number;
}

async function run(side: Side, texts: string): Promise<Run> {
  const cli = path.join(side.root, 'dist/services/cli/main.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build in ${side.root}`);
  const data = mkdtempSync(path.join(os.tmpdir(), 'load-files-'));
  try {
    // the flags of that checkout's `npm run load`, and the usage printed at exit
    const args = [...loadFlags(side.root), '--import', path.join(path.dirname(HERE), 'usage-at-exit.mjs'), cli, 'load', texts, ...(o.chunk ? ['--chunk', String(o.chunk)] : [])];
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: data };
    if (o.neo4j) await emptyNeo4j();
    else delete env.NEO4J_URI;
    if (o.cold) dropPageCache();
    const r = spawnSync(process.execPath, args, { env, encoding: 'utf8', maxBuffer: 64 << 20 });
    // a load with file errors exits 1 but still prints its summary
    const usage = r.stderr.split('\n').reverse().find((l) => l.startsWith('usage '));
    if (!usage || (r.status !== 0 && r.status !== 1)) throw new Error(`the load of ${side.name} failed (exit ${r.status}):\n${r.stderr.slice(-2000)}`);
    return { summary: r.stdout.trim().split('\n')[0], ...JSON.parse(usage.slice(6)) };
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

/** Every node of the benchmark's Neo4j deleted (the store's own clear; the schema stays). */
async function emptyNeo4j(): Promise<void> {
  const { neo4j } = loadConfig();
  if (!neo4j) throw new Error('--neo4j needs NEO4J_URI (and NEO4J_PASSWORD)');
  const { Neo4jStore } = await import('../../services/store/neo4j/index.js');
  const store = await Neo4jStore.open(neo4j);
  try {
    await store.clear();
  } finally {
    await store.close();
  }
}

const texts = corpus();
const sides = sidesOf(HERE, o.against);
const runs = new Map<string, Run[]>();
const summaries = new Set<string>();
for (let round = 0; round < o.rounds; round++) {
  for (const side of round % 2 ? [...sides].reverse() : sides) {
    const r = await run(side, texts);
    runs.set(side.name, [...(runs.get(side.name) ?? []), r]);
    summaries.add(r.summary);
    process.stderr.write(`[load-files] round ${round + 1}: ${side.name}: ${r.wall.toFixed(1)} s wall, ${r.cpu.toFixed(1)} CPU s (${(r.cpu / r.wall).toFixed(2)} cores), peak RSS ${r.maxRssMb.toFixed(0)} MB\n`);
  }
}
console.log(summaries.size === 1 ? `Every side and round: ${[...summaries][0]}` : `SUMMARIES DIFFER:\n${[...summaries].join('\n')}`);
const best = (name: string) => Math.min(...runs.get(name)!.map((r) => r.wall));
for (const s of sides) {
  const rs = runs.get(s.name)!;
  const walls = rs.map((r) => r.wall);
  console.log(`${s.name}: ${Math.min(...walls).toFixed(1)}–${Math.max(...walls).toFixed(1)} s wall, ${Math.min(...rs.map((r) => r.cpu)).toFixed(1)}–${Math.max(...rs.map((r) => r.cpu)).toFixed(1)} CPU s, peak RSS ${Math.max(...rs.map((r) => r.maxRssMb)).toFixed(0)} MB`);
}
if (sides.length === 2) console.log(`best wall time, ${sides[1].name} / this checkout: ${(best(sides[1].name) / best(sides[0].name)).toFixed(2)}×`);
