// Effect summaries for the status tests: every combination of a few dates for each field, and
// the dates to ask about (before, on and between them).
import type { EffectSummary } from '../../services/store/model.js';

const PICK = [null, '2020-01-01', '2022-06-15', '2025-01-01'];

export const ASKED = ['2019-12-31', '2020-01-01', '2021-01-01', '2022-06-15', '2023-01-01', '2025-01-01', '2026-01-01'];

export function everySummary(): EffectSummary[] {
  const out: EffectSummary[] = [];
  for (const startsOn of PICK)
    for (const effectiveFrom of PICK)
      for (const endsOn of PICK)
        for (const endKind of ['SUPERSEDED', 'EXPIRED'] as const)
          for (const partlyEndsOn of PICK) out.push({ startsOn, startPresumed: false, effectiveFrom, endsOn, endKind: endsOn ? endKind : null, endPresumed: false, partlyEndsOn });
  return out;
}
