// Two checkouts measured in turns, for the side-by-side scripts (compare.ts, extract-compare.ts):
// each run is a new process of the calling script with `--child <checkout>`, and every other round
// runs the sides in reverse, so that neither always runs first on a machine whose load drifts.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Command } from 'commander';

export interface Side {
  name: string;
  root: string;
}

/** This checkout (the script's own), then the other one when given. */
export function sidesOf(script: string, against?: string): Side[] {
  const own = { name: 'this checkout', root: path.resolve(script, '../../..') };
  return against ? [own, { name: path.resolve(against), root: path.resolve(against) }] : [own];
}

/** Run each side `rounds` times, alternating; `seen` gets the last two lines each run printed. */
export function alternate(script: string, sides: Side[], rounds: number, args: string[], seen: (side: Side, round: number, said: string, line: string) => void): void {
  for (let round = 0; round < rounds; round++) {
    for (const side of round % 2 ? [...sides].reverse() : sides) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', script, '--child', side.root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
      const [said, line] = out.trim().split('\n').slice(-2);
      seen(side, round, said, line);
    }
  }
}

/** The options every side-by-side script takes: the other checkout, rounds, and the child's own. */
export function sideOptions(cmd: Command): Command {
  return cmd
    .option('--against <dir>', 'the other checkout (with node_modules)')
    .option('--rounds <n>', 'runs of each side, alternating', (v) => parseInt(v, 10), 2)
    .option('--child <dir>', 'internal: run one side');
}
