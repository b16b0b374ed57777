// The embedded store's status filter (bitsets over effect columns) against the domain's rule:
// every combination of summary dates, every status and date, as statusOn says.
import { expect, it } from 'vitest';
import { EFFECT_STATUSES, IN_EFFECT_VALUES, statusOn, statusPredicate } from '../../services/domain/effect.js';
import { isSet, StatusColumns } from '../../services/store/embedded/status-filter.js';
import type { DocumentNode, EffectSummary } from '../../services/store/model.js';
import { doc } from '../support/fixtures.js';

it('selects, from columns, exactly the documents statusOn gives the status asked', () => {
  const pick = [null, '2020-01-01', '2022-06-15', '2025-01-01'];
  // first 64 documents with no dates at all: whole words that one clause fills
  const docs: DocumentNode[] = Array.from({ length: 64 }, (_, i) => doc(`${i}-CT/TW`));
  for (const startsOn of pick)
    for (const effectiveFrom of pick)
      for (const endsOn of pick)
        for (const endKind of ['SUPERSEDED', 'EXPIRED'] as const)
          for (const partlyEndsOn of pick) {
            const effect: EffectSummary = { startsOn, startPresumed: false, effectiveFrom, endsOn, endKind: endsOn ? endKind : null, endPresumed: false, partlyEndsOn };
            docs.push(doc(`${docs.length}-NQ/TW`, { effect }));
          }
  // 577 documents: bitset words of 32 and a last word of one; an ambiguous placeholder is never listed
  docs.splice(100, 0, doc('ambiguous', { ambiguous: true }));
  const byId = new Map(docs.map((d) => [d.id, d]));
  const columns = new StatusColumns(docs.map((d) => d.id), (id) => byId.get(id)!);
  const asked = ['2019-12-31', '2020-01-01', '2021-01-01', '2022-06-15', '2023-01-01', '2025-01-01', '2026-01-01'];
  let checked = 0;
  for (const date of asked) {
    for (const values of [...EFFECT_STATUSES.map((v) => [v]), IN_EFFECT_VALUES]) {
      const bits = columns.select(statusPredicate(values, date));
      const listed = new Set(columns.listed(bits, true));
      docs.forEach((d, i) => {
        const expected = values.includes(statusOn(d.effect!, date));
        if (!d.ambiguous) expect(isSet(bits, i), `${values} on ${date} for ${JSON.stringify(d.effect)}`).toBe(expected);
        expect(listed.has(i)).toBe(expected && !d.ambiguous);
        checked++;
      });
    }
  }
  expect(checked).toBeGreaterThan(20_000);
});
