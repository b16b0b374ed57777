// Batched load into the embedded store, chunk by chunk, with where each chunk's time goes: how load
// time grows with the store, and a fingerprint of the graph it built. Runs the loader and store of
// any checkout (--root), so two versions can be measured side by side on the same extractions.
//   npx tsx scripts/bench/load-chunks.ts --docs 30000 [--root <checkout>] [--data <dir>] [--every 10]
// Extractions are cached in bench-out/extractions-<docs>-<seed>.v8 (extraction is not what is measured).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { Command } from 'commander';
import { startAllocationProfile } from './alloc-profile.js';
import { startProfile } from './cpu-profile.js';

const here = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const opts = new Command()
  .option('--docs <n>', 'corpus size', (v) => parseInt(v, 10), 30_000)
  .option('--seed <n>', 'corpus seed', (v) => parseInt(v, 10), 1)
  .option('--chunk <n>', 'documents per batch', (v) => parseInt(v, 10), 1000)
  .option('--root <dir>', 'checkout whose loader and store to run', here)
  .option('--data <dir>', 'DATA_DIR of the store (emptied first)')
  .option('--every <n>', 'print a line every n chunks', (v) => parseInt(v, 10), 10)
  .option('--no-fingerprint', 'skip hashing the graph at the end')
  .option('--reopen', 'then close the store, open it again from its files and fingerprint that')
  .option('--profile <file>', 'CPU profile of the load loop only (.cpuprofile)')
  .option('--alloc <file>', 'bytes allocated by function during the load loop, dead objects included (a text summary)')
  .parse()
  .opts<{ docs: number; seed: number; chunk: number; root: string; data?: string; every: number; fingerprint: boolean; reopen?: boolean; profile?: string; alloc?: string }>();

type Item = { file: string; text: string; extraction: unknown };
const now = () => performance.now() / 1000;

async function extractions(): Promise<Item[]> {
  const cache = path.join(here, 'bench-out', `extractions-${opts.docs}-${opts.seed}.v8`);
  if (existsSync(cache)) return deserialize(readFileSync(cache)) as Item[];
  const { Corpus } = await import(path.join(here, 'graph-loaders/generate/corpus.ts'));
  const { safeExtract } = await import(path.join(here, 'graph-loaders/load.ts'));
  const items: Item[] = [];
  for (const doc of new Corpus({ docs: opts.docs, seed: opts.seed }).documents()) {
    const extraction = safeExtract(doc.text, doc.file);
    if (!('error' in extraction)) items.push({ file: doc.file, text: doc.text, extraction });
  }
  mkdirSync(path.dirname(cache), { recursive: true });
  writeFileSync(cache, serialize(items));
  return items;
}

/** Time every call of obj[name] into sums[label]; rows counted when the result is an array. */
function watch(obj: Record<string, unknown>, name: string, label: string, sums: Map<string, { s: number; rows: number }>): void {
  const original = obj[name] as (...a: unknown[]) => unknown;
  if (typeof original !== 'function') return;
  obj[name] = function (this: unknown, ...args: unknown[]) {
    const t0 = now();
    const add = (v: unknown) => {
      const s = sums.get(label) ?? { s: 0, rows: 0 };
      s.s += now() - t0;
      if (Array.isArray(v)) s.rows += v.length;
      sums.set(label, s);
      return v;
    };
    const out = original.apply(this, args);
    return out instanceof Promise ? out.then(add) : add(out);
  };
}

const items = await extractions();
const root = path.resolve(opts.root);
const { prepareBatch } = await import(path.join(root, 'graph-loaders/prepare.ts'));
const { EmbeddedStore } = await import(path.join(root, 'services/store/embedded/index.ts'));
const dataDir = opts.data ?? path.join(here, 'bench-out', `data-chunks-${process.pid}`);
rmSync(dataDir, { recursive: true, force: true });
const store = await EmbeddedStore.open({ dataDir });
const sums = new Map<string, { s: number; rows: number }>();
watch(store, 'candidates', 'candidates', sums);
watch(store, 'undatedEvidence', 'undated', sums);
const inner = store as unknown as Record<string, Record<string, unknown>>;
watch(inner.persistence, 'commit', 'journal', sums);
watch(inner.persistence, 'writeSnapshot', 'snapshot', sums);
watch(inner.state, 'apply', 'memapply', sums);

console.log(`root ${root} · ${items.length} docs · chunk ${opts.chunk}`);
console.log('docs      chunk s  prep s  apply s | candidates s (rows/chunk)  undated s (rows/chunk) | journal snapshot memapply | rel/s so far  rss MB');
const stopProfile = opts.profile ? await startProfile(1000) : null;
const stopAlloc = opts.alloc ? await startAllocationProfile() : null;
const started = now();
let evidence = 0;
let window = { t: 0, prep: 0, apply: 0, n: 0 };
let last = new Map<string, { s: number; rows: number }>();
const firstLast: { first?: number; last?: number } = {};
for (let i = 0; i < items.length; i += opts.chunk) {
  const chunk = items.slice(i, i + opts.chunk);
  // the loader reads files as it goes: texts already loaded should not weigh on the collector
  items.fill(null as unknown as Item, i, i + opts.chunk);
  const t0 = now();
  const batch = await prepareBatch(chunk, store);
  const t1 = now();
  await store.applyBatch(batch);
  const t2 = now();
  evidence += batch.evidence.length;
  window = { t: window.t + t2 - t0, prep: window.prep + t1 - t0, apply: window.apply + t2 - t1, n: window.n + 1 };
  const k = i / opts.chunk + 1;
  if (k === 1) firstLast.first = t2 - t0;
  firstLast.last = t2 - t0;
  if (k % opts.every === 0 || i + opts.chunk >= items.length) {
    const d = (label: string) => {
      const a = sums.get(label) ?? { s: 0, rows: 0 };
      const b = last.get(label) ?? { s: 0, rows: 0 };
      return { s: a.s - b.s, rows: (a.rows - b.rows) / window.n };
    };
    const f = (x: number) => x.toFixed(2).padStart(6);
    const c = d('candidates');
    const u = d('undated');
    console.log(
      `${String(Math.min(i + opts.chunk, items.length)).padStart(7)} ${f(window.t / window.n)} ${f(window.prep / window.n)} ${f(window.apply / window.n)}  | ${f(c.s / window.n)} (${Math.round(c.rows)})  ${f(u.s / window.n)} (${Math.round(u.rows)}) | ${f(d('journal').s / window.n)} ${f(d('snapshot').s / window.n)} ${f(d('memapply').s / window.n)} | ${Math.round(evidence / (now() - started))}  ${Math.round(process.memoryUsage().rss / 1e6)}`,
    );
    last = new Map([...sums].map(([key, v]) => [key, { ...v }]));
    window = { t: 0, prep: 0, apply: 0, n: 0 };
  }
}
const total = now() - started;
await stopProfile?.(opts.profile!);
await stopAlloc?.(opts.alloc!);
const totals = [...sums].map(([k, v]) => `${k} ${v.s.toFixed(1)} s`).join(', ');
console.log(`total ${total.toFixed(1)} s · ${Math.round(items.length / total)} docs/s · ${Math.round(evidence / total)} rel/s (evidence rows ${evidence}) · first chunk ${firstLast.first?.toFixed(2)} s, last ${firstLast.last?.toFixed(2)} s`);
console.log(`  ${totals}`);
for (let g = 0; g < 3; g++) (globalThis as { gc?: () => void }).gc?.();
const mem = process.memoryUsage();
console.log(`  rss after load ${Math.round(mem.rss / 1e6)} MB, heap ${Math.round(mem.heapUsed / 1e6)} of ${Math.round(mem.heapTotal / 1e6)} MB, buffers ${Math.round(mem.arrayBuffers / 1e6)} MB`);

/** The whole graph, updatedAt replaced by the rank of its commit (times differ from run to run, which commit touched a document must not). */
async function fingerprint(of: typeof store): Promise<string> {
  const dump = await of.dump();
  const stamps = [...new Set(dump.documents.map((d: { updatedAt?: string | null }) => d.updatedAt ?? ''))].sort();
  const rank = new Map(stamps.map((s, i) => [s, i]));
  const docs = createHash('sha256');
  for (const d of dump.documents) docs.update(JSON.stringify({ ...d, updatedAt: rank.get(d.updatedAt ?? '') }) + '\n');
  const rows = createHash('sha256');
  for (const r of dump.evidence) rows.update(JSON.stringify(r) + '\n');
  const { documentsCsv, relationsCsv } = await import(path.join(root, 'services/export/csv.ts'));
  const csv = createHash('sha256');
  for await (const s of documentsCsv(of, { asOf: '2026-01-01' })) csv.update(s);
  for await (const s of relationsCsv(of, { asOf: '2026-01-01' })) csv.update(s);
  return `documents ${dump.documents.length} ${docs.digest('hex').slice(0, 16)} · evidence ${dump.evidence.length} ${rows.digest('hex').slice(0, 16)} · csv ${csv.digest('hex').slice(0, 16)} · commits ${stamps.length}`;
}

if (opts.fingerprint) console.log(`fingerprint: ${await fingerprint(store)}`);
if (opts.reopen) {
  // What a restart replays (snapshot, then journal) must be the graph the load built.
  await store.close();
  const t0 = now();
  const again = await EmbeddedStore.open({ dataDir });
  const from = (again as { searchFrom?: string }).searchFrom;
  console.log(`reopened in ${(now() - t0).toFixed(1)} s${from ? ` (full-text index from the ${from})` : ''}; fingerprint: ${await fingerprint(again)}`);
  await again.close();
} else await store.close();
if (!opts.data) rmSync(dataDir, { recursive: true, force: true });
