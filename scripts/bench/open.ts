// How long a restarted server takes to open an embedded store folder, with its full-text index file
// and without it (rebuilt from the texts), alternating in one run; each open in a new process so
// that neither inherits the other's heap. Leaves the folder as it found it.
//   node --expose-gc node_modules/.bin/tsx scripts/bench/open.ts --data <DATA_DIR> [--rounds 3]
import { execFileSync } from 'node:child_process';
import { readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';

const opts = new Command()
  .requiredOption('--data <dir>', 'an embedded store folder (DATA_DIR) with a snapshot')
  .option('--rounds <n>', 'opens of each kind', (v) => parseInt(v, 10), 3)
  .option('--child', 'internal: open once and print one JSON line')
  .parse()
  .opts<{ data: string; rounds: number; child?: boolean }>();

if (opts.child) {
  const { openMeasured } = await import('./open-store.js');
  const { store, seconds, memory } = await openMeasured(opts.data);
  const docs = (await store.stats()).documents;
  console.log(JSON.stringify({ from: store.searchFrom, seconds, rssMb: (memory.rss - memory.rssEmpty) / 1e6, heapMb: memory.heapUsed / 1e6, docs }));
  await store.close();
} else {
  const indexFile = readdirSync(opts.data).find((n) => /^search-\d+\.bin$/.test(n));
  if (!indexFile) throw new Error(`${opts.data}: no search-<seq>.bin beside the snapshot (written by a compaction of this code)`);
  const file = path.join(opts.data, indexFile);
  const open = () => JSON.parse(execFileSync(process.execPath, [...process.execArgv, '--expose-gc', process.argv[1], '--child', '--data', opts.data], { encoding: 'utf8' }).trim().split('\n').pop()!);
  console.log('round  from   open s  RSS over empty MB  heap MB  documents');
  for (let r = 1; r <= opts.rounds; r++) {
    for (const withFile of [true, false]) {
      if (!withFile) renameSync(file, `${file}.aside`);
      try {
        const o = open();
        console.log(`${String(r).padStart(5)}  ${o.from.padEnd(5)} ${o.seconds.toFixed(1).padStart(7)}  ${Math.round(o.rssMb).toString().padStart(17)}  ${Math.round(o.heapMb).toString().padStart(7)}  ${o.docs}`);
      } finally {
        if (!withFile) renameSync(`${file}.aside`, file);
      }
    }
  }
}
