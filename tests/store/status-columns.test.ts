// The embedded store's status filter (bitsets over effect columns) against the domain's rule:
// every combination of summary dates, every status and date, as statusOn says.
import { expect, it } from 'vitest';
import { EFFECT_STATUSES, IN_EFFECT_VALUES, statusOn, statusPredicate } from '../../services/domain/effect.js';
import { isSet, StatusColumns } from '../../services/store/embedded/status-filter.js';
import type { DocumentNode } from '../../services/store/model.js';
import { doc } from '../support/fixtures.js';
import { ASKED, everySummary } from '../support/summaries.js';

it('selects, from columns, exactly the documents statusOn gives the status asked', () => {
  // first 64 documents with no dates at all: whole words that one clause fills
  const docs: DocumentNode[] = Array.from({ length: 64 }, (_, i) => doc(`${i}-CT/TW`));
  for (const effect of everySummary()) docs.push(doc(`${docs.length}-NQ/TW`, { effect }));
  // 577 documents: bitset words of 32 and a last word of one; an ambiguous placeholder is never listed
  docs.splice(100, 0, doc('ambiguous', { ambiguous: true }));
  const byId = new Map(docs.map((d) => [d.id, d]));
  const columns = new StatusColumns(docs.map((d) => d.id), (id) => byId.get(id)!);
  let checked = 0;
  for (const date of ASKED) {
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
