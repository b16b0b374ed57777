// Extraction CPU of this checkout against another checkout's, alternating, on the same generated
// texts: for a change to the loader whose effect is smaller than the machine's run-to-run spread.
//   git worktree add /tmp/before <commit> && ln -s "$PWD/node_modules" /tmp/before/node_modules
//   npx tsx scripts/bench/extract-compare.ts --against /tmp/before --docs 30000
//   npx tsx scripts/bench/extract-compare.ts --docs 30000 --profile bench-out/profiles/extract.cpuprofile
// Each side runs in its own process, generates the corpus with this checkout's generator (same
// seed, same texts), extracts the first --warm documents untimed (the JIT), then times the rest.
// Each side also hashes every extraction: the two checkouts must extract the same, byte for byte.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { Corpus } from '../../graph-loaders/generate/corpus.js';
import { alternate, sideOptions, sidesOf } from './alternate.js';
import { startProfile } from './cpu-profile.js';

const HERE = fileURLToPath(import.meta.url);

interface Opts {
  against?: string;
  docs: number;
  warm: number;
  rounds: number;
  profile?: string;
  child?: string;
}

/** One side: that checkout's extractText over the texts; prints the hash, then MB and CPU seconds. */
async function child(root: string, o: Opts): Promise<void> {
  const { extractText } = await import(path.join(root, 'graph-loaders/extract.ts'));
  const texts: { text: string; file: string }[] = [];
  for (const d of new Corpus({ docs: o.docs, seed: 1 }).documents()) texts.push({ text: d.text, file: d.file });
  for (let i = 0; i < Math.min(o.warm, texts.length); i++) extractText(texts[i].text, texts[i].file);
  const timed = texts.slice(o.warm);
  const bytes = timed.reduce((n, t) => n + Buffer.byteLength(t.text, 'utf8'), 0);
  const stop = o.profile ? await startProfile() : null;
  const hash = createHash('sha256');
  const before = process.cpuUsage();
  // hashed as they come (a few % of the time, the same on both sides) so that no extraction is kept
  for (const t of timed) hash.update(JSON.stringify(extractText(t.text, t.file))).update('\n');
  const used = process.cpuUsage(before);
  await stop?.(o.profile!);
  const line = { mb: bytes / 1048576, docs: timed.length, cpu: (used.user + used.system) / 1e6 };
  process.stdout.write(`${hash.digest('hex').slice(0, 16)}\n${JSON.stringify(line)}\n`);
}

function options(): Opts {
  return sideOptions(new Command())
    .description("extraction CPU of this checkout against another checkout's, alternating, same texts")
    .option('--docs <n>', 'generated documents', (v) => parseInt(v, 10), 30000)
    .option('--warm <n>', 'documents extracted before timing', (v) => parseInt(v, 10), 5000)
    .option('--profile <file>', 'write a CPU profile of the timed part (this checkout, one run)')
    .parse()
    .opts<Opts>();
}

const o = options();
if (o.child) await child(o.child, o);
else {
  const sides = sidesOf(HERE, o.against);
  const results = new Map<string, number[]>();
  const hashes = new Set<string>();
  const args = ['--docs', String(o.docs), '--warm', String(o.warm), ...(o.profile ? ['--profile', o.profile] : [])];
  alternate(HERE, sides, o.profile ? 1 : o.rounds, args, (side, round, hash, json) => {
    const r = JSON.parse(json) as { mb: number; docs: number; cpu: number };
    results.set(side.name, [...(results.get(side.name) ?? []), r.mb / r.cpu]);
    hashes.add(hash);
    process.stderr.write(`[extract-compare] round ${round + 1}: ${side.name}: ${r.docs} documents, ${r.mb.toFixed(1)} MB in ${r.cpu.toFixed(2)} CPU s = ${(r.mb / r.cpu).toFixed(1)} MB/s; extractions ${hash}\n`);
  });
  console.log(hashes.size === 1 ? `Every side and round extracted the same: ${[...hashes][0]}` : `EXTRACTIONS DIFFER: ${[...hashes].join(' ')}`);
  for (const s of sides) {
    const v = results.get(s.name)!;
    console.log(`${s.name}: ${Math.min(...v).toFixed(1)}–${Math.max(...v).toFixed(1)} MB/s per CPU-second`);
  }
}
