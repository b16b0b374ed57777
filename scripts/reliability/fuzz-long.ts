// The long fuzz: many more seeded inputs than CI runs, then the huge ones: a 200 MB file, a 60 MB
// text, a single line of 50 MB, 50 MB of one repeated reference, of random bytes and of NUL bytes.
// Every file goes through loadPaths (the path of `npm run load`) into an embedded store; each must
// get a clear per-file error or a correct result, within the per-file time limit, with bounded
// memory. Prints the figures (time, outcome, peak RSS of this process).
//   npx tsx scripts/reliability/fuzz-long.ts [--count 100000] [--seed 7] [--huge-only] [--no-huge]
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadPaths } from '../../graph-loaders/load.js';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import { corpusLines } from '../../tests/reliability/fuzz-inputs.js';
import { runFuzz } from '../../tests/reliability/support/fuzz-run.js';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const COUNT = arg('count', 100_000);
const SEED = arg('seed', 7);
const TIMEOUT_MS = arg('timeout-ms', 60_000);
const MB = 1024 * 1024;

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
const rssMb = () => Math.round(process.memoryUsage().rss / MB);
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);

/** Write whole copies of a chunk up to about `bytes` bytes (never cutting a character, never holding it all in memory). */
function writeRepeated(file: string, bytes: number, chunk: Buffer): void {
  const fd = openSync(file, 'w');
  for (let written = 0; written + chunk.length <= bytes || written === 0; written += chunk.length) writeSync(fd, chunk);
  closeSync(fd);
}

async function manyInputs(work: string): Promise<boolean> {
  const store = await EmbeddedStore.open({ dataDir: path.join(work, 'fuzz-data') });
  let ok = true;
  let done = 0;
  const totals = new Map<string, { loaded: number; refused: number; undecoded: number }>();
  try {
    for (let from = 0; from < COUNT; from += 10_000) {
      const count = Math.min(10_000, COUNT - from);
      peak = 0;
      const r = await runFuzz({ seed: SEED, from, count, dir: work, store, timeoutMs: TIMEOUT_MS });
      rmSync(path.join(work, `in-${from}`), { recursive: true, force: true });
      done += count;
      for (const [kind, k] of r.kinds) {
        const t = totals.get(kind) ?? { loaded: 0, refused: 0, undecoded: 0 };
        t.loaded += k.loaded;
        t.refused += k.refused;
        t.undecoded += k.undecoded;
        totals.set(kind, t);
      }
      log(`inputs ${from}–${from + count - 1}: ${r.ms} ms, ${r.summary.errors.length} refused, ${r.wrong.length} wrong, peak RSS ${Math.round(peak / MB)} MB`);
      for (const w of r.wrong.slice(0, 5)) log(`  WRONG ${w}`);
      if (r.wrong.length) ok = false;
    }
  } finally {
    await store.close();
  }
  console.log(`${done} inputs, seed ${SEED}; by kind:`);
  for (const [kind, t] of [...totals].sort()) console.log(`  ${kind.padEnd(18)} loaded ${String(t.loaded).padStart(6)}  refused ${String(t.refused).padStart(6)}  (undecodable ${t.undecoded})`);
  return ok;
}

interface HugeCase {
  name: string;
  make: (file: string) => void;
  /** What a correct outcome is. */
  expect: 'loaded' | 'refused' | 'either';
}

function hugeCases(): HugeCase[] {
  const lines = corpusLines();
  const text = Buffer.from(lines.join('\n') + '\n', 'utf8');
  const oneLine = Buffer.from(lines.join(' ') + ' ', 'utf8');
  const random = Buffer.alloc(MB);
  let s = 99;
  for (let i = 0; i < random.length; i++) random[i] = ((s = (s * 1103515245 + 12345) >>> 0) >>> 24) || 0x20; // no NUL: the decoder must judge the bytes themselves
  return [
    { name: '200 MB text file', make: (f) => writeRepeated(f, 200 * MB, text), expect: 'refused' },
    { name: '60 MB text, many lines', make: (f) => writeRepeated(f, 60 * MB, text), expect: 'loaded' },
    { name: '50 MB on a single line', make: (f) => writeRepeated(f, 50 * MB, oneLine), expect: 'loaded' },
    { name: '50 MB of one reference repeated', make: (f) => writeRepeated(f, 50 * MB, Buffer.from('Nghị quyết số 45-NQ/TW ngày 24/01/2019; ', 'utf8')), expect: 'refused' },
    { name: '50 MB of random bytes', make: (f) => writeRepeated(f, 50 * MB, random), expect: 'refused' },
    { name: '50 MB of NUL bytes', make: (f) => writeRepeated(f, 50 * MB, Buffer.alloc(MB)), expect: 'refused' },
  ];
}

async function huge(work: string): Promise<boolean> {
  let ok = true;
  console.log(`huge inputs (per-file time limit ${TIMEOUT_MS / 1000} s; file limit of the reader 64 MB):`);
  for (const c of hugeCases()) {
    const dir = mkdtempSync(path.join(work, 'huge-'));
    const file = path.join(dir, 'in', 'document.txt');
    mkdirSync(path.dirname(file));
    c.make(file);
    const store = await EmbeddedStore.open({ dataDir: path.join(dir, 'data') });
    peak = 0;
    const before = rssMb();
    const t0 = Date.now();
    let outcome: string;
    let loaded = false;
    try {
      const summary = await loadPaths([path.dirname(file)], store, { limits: { timeoutMs: TIMEOUT_MS } });
      loaded = summary.documents === 1;
      outcome = loaded ? `loaded: 1 document, ${summary.relations} relations` : `refused: ${summary.errors[0]?.error.slice(0, 160)}`;
      if (!loaded && summary.errors[0]?.file !== file) outcome += ' (ERROR DOES NOT NAME THE FILE)';
    } catch (err) {
      outcome = `CRASHED THE LOAD: ${(err as Error).message}`;
    } finally {
      await store.close();
    }
    const ms = Date.now() - t0;
    peak = Math.max(peak, process.memoryUsage().rss);
    const good = !outcome.startsWith('CRASHED') && !outcome.includes('DOES NOT NAME') && (c.expect === 'either' || (c.expect === 'loaded') === loaded);
    if (!good) ok = false;
    console.log(`  ${good ? 'ok  ' : 'FAIL'} ${c.name.padEnd(34)} ${String(ms).padStart(7)} ms  peak RSS ${Math.round(peak / MB)} MB (from ${before})  ${outcome}`);
    rmSync(dir, { recursive: true, force: true });
  }
  return ok;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'cg-fuzz-long-'));
try {
  const started = Date.now();
  const a = process.argv.includes('--huge-only') ? true : await manyInputs(work);
  const b = process.argv.includes('--no-huge') ? true : await huge(work);
  console.log(`${a && b ? 'PASS' : 'FAIL'}: long fuzz in ${Math.round((Date.now() - started) / 1000)} s`);
  process.exitCode = a && b ? 0 : 1;
} finally {
  clearInterval(sampler);
  rmSync(work, { recursive: true, force: true });
}
