// The embedded store's status filter alone (StatusColumns.select for "in effect on <date>"), over
// N documents with generated effect summaries, for any checkout (--root): two versions side by side.
//   npx tsx scripts/bench/status-filter.ts --docs 1000000 [--root <checkout>] [--dates 50]
import path from 'node:path';
import { Command } from 'commander';

const opts = new Command()
  .option('--docs <n>', 'documents', (v) => parseInt(v, 10), 1_000_000)
  .option('--dates <n>', 'dates asked, each once', (v) => parseInt(v, 10), 50)
  .option('--root <dir>', 'checkout whose filter to run', path.resolve(import.meta.dirname, '../..'))
  .parse()
  .opts<{ docs: number; dates: number; root: string }>();

const root = path.resolve(opts.root);
const { StatusColumns } = await import(path.join(root, 'services/store/embedded/status-filter.ts'));
const { IN_EFFECT_VALUES, statusPredicate } = await import(path.join(root, 'services/domain/effect.ts'));

// deterministic summaries: a start for most, an effective date for some, endings for a third
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
const date = (from: number, span: number) => new Date(Date.UTC(from + Math.floor(rand() * span), Math.floor(rand() * 12), 1 + Math.floor(rand() * 28))).toISOString().slice(0, 10);
const ids: string[] = [];
const docs = new Map<string, unknown>();
for (let i = 0; i < opts.docs; i++) {
  const startsOn = rand() < 0.97 ? date(1990, 35) : null;
  const ended = rand() < 0.35;
  const effect = {
    startsOn,
    startPresumed: false,
    effectiveFrom: rand() < 0.2 ? date(1990, 36) : null,
    endsOn: ended ? date(1995, 32) : null,
    endKind: ended ? (rand() < 0.9 ? 'SUPERSEDED' : 'EXPIRED') : null,
    endPresumed: false,
    partlyEndsOn: rand() < 0.05 ? date(1995, 32) : null,
  };
  const id = `doc-${String(i).padStart(8, '0')}`;
  ids.push(id);
  docs.set(id, { id, ambiguous: false, stub: false, effect });
}
const t0 = performance.now();
const columns = new StatusColumns(ids, (id: string) => docs.get(id));
const built = performance.now() - t0;
const asked = Array.from({ length: opts.dates }, (_, i) => `${2000 + (i % 26)}-${String(1 + (i % 12)).padStart(2, '0')}-15`);
let selected = 0;
const times: number[] = [];
for (const d of asked) {
  const t = performance.now();
  const bits: Uint32Array = columns.select(statusPredicate(IN_EFFECT_VALUES, d));
  selected += columns.listed(bits, true).length;
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const ms = (x: number) => x.toFixed(1);
console.log(`root ${root} · ${opts.docs} documents · columns built in ${ms(built)} ms`);
console.log(`in effect on a new date (${opts.dates} dates): p50 ${ms(times[times.length >> 1])} ms · min ${ms(times[0])} · max ${ms(times.at(-1)!)} · ${Math.round(selected / opts.dates)} documents a date`);
