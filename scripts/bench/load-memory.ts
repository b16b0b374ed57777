// Where a loading process's memory goes: the V8 heap in use and committed, the stores' buffers and
// the rest, at the end of a load (or of an open, to set beside it), before and after a full GC,
// and the peak. Run with the flags to compare (as `npm run load` passes them, or others):
//   node --expose-gc --max-semi-space-size=64 --import tsx scripts/bench/load-memory.ts --data <new dir> <folders...>
//   node --expose-gc --import tsx scripts/bench/load-memory.ts --data <DATA_DIR> --open
import v8 from 'node:v8';
import { Command } from 'commander';
import { loadPaths } from '../../graph-loaders/load.js';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import { gc } from './open-store.js';

const cli = new Command()
  .description("a load's (or an open's) memory at its end, by kind, before and after a full GC")
  .requiredOption('--data <dir>', 'the embedded store folder: a new one to load into, or one to --open')
  .option('--open', 'open the store as a restarted server does, instead of loading')
  .option('--chunk <n>', "files per batch (the load command's --chunk)", (v) => parseInt(v, 10), 5000)
  .argument('[paths...]', 'files or folders to load')
  .parse();
const o = cli.opts<{ data: string; open?: boolean; chunk: number }>();
if (!o.open && !cli.args.length) cli.error('give the files or folders to load, or --open');

const mb = (n: number) => String(Math.round(n / 1e6)).padStart(10);
function show(label: string): void {
  const m = process.memoryUsage();
  const h = v8.getHeapStatistics();
  // what is neither heap nor buffers: code, the extraction worker's heap, the allocator's free lists
  const other = m.rss - h.total_heap_size - m.arrayBuffers;
  console.log(`${label.padEnd(10)}${[m.rss, h.used_heap_size, h.total_heap_size, m.arrayBuffers, other].map((n) => ` ${mb(n)}`).join('')}`);
}

const started = performance.now();
const store = await EmbeddedStore.open({ dataDir: o.data });
if (!o.open) {
  const s = await loadPaths(cli.args, store, { chunkSize: o.chunk });
  console.log(`loaded ${s.documents} documents, ${s.relations} relations`);
}
console.log(`${o.open ? 'opened' : 'loaded'} in ${((performance.now() - started) / 1000).toFixed(0)} s; MB:`);
console.log(`${''.padEnd(10)}${['RSS', 'heap used', 'committed', 'buffers', 'other'].map((h) => h.padStart(11)).join('')}`);
show('before GC');
if (!(globalThis as { gc?: unknown }).gc) console.log('(run with --expose-gc for the figures after a full GC)');
gc();
show('after GC');
console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1e3)} MB`);
await store.close();
