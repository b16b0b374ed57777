// Score extraction output against a gold file, as tests/fixtures/score_extraction.py does:
//   tsx graph-loaders/score-cli.ts GOLD.jsonl PRED.jsonl [--verbose] [--self-only] [--min-recall R] [--min-precision P]
//        [--min-relation A] [--min-identity I] [--min-strong S] [--min-supersedes-precision Q]
// Prints the same report; the last line is the one-line summary. Exit 1 when a minimum is not met.
import { readFileSync } from 'node:fs';
import { formatReport, parseJsonl, scoreExtraction } from './score.js';

function main(argv: string[]): number {
  const positional: string[] = [];
  const mins: Record<string, number> = {};
  let verbose = false;
  let selfOnly = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--verbose') verbose = true;
    else if (a === '--self-only') selfOnly = true;
    else if (a.startsWith('--min-')) mins[a.slice(6)] = Number(argv[++i]);
    else positional.push(a);
  }
  if (positional.length !== 2) {
    console.error('usage: score-cli GOLD.jsonl PRED.jsonl [--verbose] [--self-only] [--min-recall R] ...');
    return 2;
  }
  const gold = parseJsonl(readFileSync(positional[0], 'utf8'));
  const pred = parseJsonl(readFileSync(positional[1], 'utf8'));
  const report = scoreExtraction(gold, pred, { selfOnly });
  console.log(formatReport(report, verbose));
  const f = report.figures;
  const short =
    f.recall < (mins['recall'] ?? 0) ||
    f.precision < (mins['precision'] ?? 0) ||
    f.relation < (mins['relation'] ?? 0) ||
    f.identity < (mins['identity'] ?? 0) ||
    f.strong < (mins['strong'] ?? 0) ||
    f.supersedesPrecision < (mins['supersedes-precision'] ?? 0);
  return short ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
