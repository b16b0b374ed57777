// Benchmark of the per-file extraction (not a test): builds at least 50 MB of realistic text in memory
// by varying the sample corpus and the loader's test texts (numbers, dates, order of paragraphs), then
// times extractText on one core and prints MB/s and documents/s.
//   npm run bench:extract            (tsx graph-loaders/bench-extract.ts)
//   tsx graph-loaders/bench-extract.ts --mb 100
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractText } from './extract.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, here.endsWith(path.join('dist', 'graph-loaders')) ? '../..' : '..');

function readDir(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8'));
}

/** A small deterministic generator, so every run measures the same texts. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A variant of a text: numbers of symbols and days shifted, paragraphs rotated. */
function vary(text: string, rand: () => number): string {
  const shift = 1 + Math.floor(rand() * 900);
  let out = text.replace(/(\d{1,4})(?=-[A-Za-zĐđ]{1,5}\/)/g, (n) => String((+n + shift) % 9999 || 1));
  out = out.replace(/(\d{1,5})(?=\/(?:NQ|QĐ|CT|VP|ND|NĐ)-)/g, (n) => String((+n + shift) % 99999 || 1));
  out = out.replace(/\b(\d{1,2})\/(\d{1,2})\/(20\d\d)\b/g, (_, d, m, y) => `${((+d + shift) % 28) + 1}/${m}/${y}`);
  const paras = out.split(/\n\n/);
  if (paras.length > 6) {
    const k = 2 + Math.floor(rand() * (paras.length - 4));
    const body = paras.slice(2);
    out = [...paras.slice(0, 2), ...body.slice(k - 2), ...body.slice(0, k - 2)].join('\n\n');
  }
  return out;
}

/** Body paragraphs of the samples that name no document: prose to bring an abridged text to a real size. */
function fillerParagraphs(texts: string[]): string[] {
  const out: string[] = [];
  for (const t of texts)
    for (const p of t.split(/\n\s*\n/)) if (p.length > 300 && !/\d\s?[-\/]\s?[A-Za-zĐđ]{1,6}[\/-]/.test(p) && !/\d{1,5}\/\d{4}\//.test(p)) out.push(p.trim());
  return out;
}

/** An abridged test text grown to a real document's size: prose paragraphs inserted before its last part. */
function padded(text: string, filler: string[], rand: () => number): string {
  const target = 8000 + Math.floor(rand() * 30000);
  const paras = text.split(/\n\n/);
  const cut = Math.max(1, paras.length - 3);
  const extra: string[] = [];
  let size = text.length;
  while (size < target && filler.length) {
    const p = filler[Math.floor(rand() * filler.length)];
    extra.push(p);
    size += p.length + 2;
  }
  return [...paras.slice(0, cut), ...extra, ...paras.slice(cut)].join('\n\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const mbIdx = args.indexOf('--mb');
  const targetMb = mbIdx >= 0 ? Number(args[mbIdx + 1]) : 50;
  const samples = readDir(path.join(root, 'graph-loaders/sample-corpus'));
  const excerpts = readDir(path.join(root, 'tests/fixtures/loader-texts'));
  if (!samples.length) throw new Error('no sample texts found');
  const filler = fillerParagraphs(samples);
  const rand = rng(42);
  // the real samples as they are, and the loader's abridged test texts grown to real sizes
  const sources = [...samples, ...excerpts.map((t) => padded(t, filler, rand))];
  const docs: string[] = [];
  let bytes = 0;
  const target = targetMb * 1024 * 1024;
  for (let i = 0; bytes < target; i++) {
    const t = vary(sources[i % sources.length], rand);
    docs.push(t);
    bytes += Buffer.byteLength(t, 'utf8');
  }
  // warm up the JIT on a few documents
  for (let i = 0; i < Math.min(50, docs.length); i++) extractText(docs[i], `warm-${i}.txt`);
  let relations = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < docs.length; i++) relations += extractText(docs[i], `doc-${i}.txt`).relations.length;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const mb = bytes / (1024 * 1024);
  console.log(`extractText on one core: ${docs.length} documents, ${mb.toFixed(1)} MB (UTF-8), ${relations} relations`);
  console.log(`wall time ${seconds.toFixed(2)} s: ${(mb / seconds).toFixed(1)} MB/s, ${(docs.length / seconds).toFixed(0)} documents/s`);
  // On a shared machine the wall clock includes time other processes took; CPU time is this core's own work.
  console.log(`CPU time ${cpuSeconds.toFixed(2)} s: ${(mb / cpuSeconds).toFixed(1)} MB/s, ${(docs.length / cpuSeconds).toFixed(0)} documents/s per CPU-second`);
  // for comparison: the abridged test texts alone, 3 to 5 times denser in references than real documents
  if (excerpts.length) {
    const dense: string[] = [];
    let denseBytes = 0;
    for (let i = 0; denseBytes < 5 * 1024 * 1024; i++) {
      const t = vary(excerpts[i % excerpts.length], rand);
      dense.push(t);
      denseBytes += Buffer.byteLength(t, 'utf8');
    }
    const d0 = process.hrtime.bigint();
    for (let i = 0; i < dense.length; i++) extractText(dense[i], `dense-${i}.txt`);
    const ds = Number(process.hrtime.bigint() - d0) / 1e9;
    console.log(`abridged test texts alone (dense in references): ${(denseBytes / 1048576 / ds).toFixed(1)} MB/s, ${(dense.length / ds).toFixed(0)} documents/s`);
  }
}

main();
