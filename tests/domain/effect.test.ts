// The status rule, on its own: summaries, the filter predicate that mirrors it, and the reasons.
import { describe, expect, it } from 'vitest';
import { EFFECT_STATUSES, endedBy, endingWindow, explain, matches, statusOn, statusPredicate, statusWindows, summarise, timeline, TIMELINE_FIELDS, type EndingFact, type TimelineField } from '../../services/domain/effect.js';
import { ev } from '../support/fixtures.js';
import { ASKED, everySummary } from '../support/summaries.js';

const dates = (doc: Partial<{ issuedOn: string | null; issuedNotBefore: string | null; effectiveFrom: string | null; expiresOn: string | null }>) => ({
  issuedOn: null,
  issuedNotBefore: null,
  effectiveFrom: null,
  expiresOn: null,
  ...doc,
});

function fact(type: 'SUPERSEDES' | 'AMENDS', from: Parameters<typeof dates>[0] | null, fields: Parameters<typeof ev>[3] = {}, source?: Parameters<typeof dates>[0]): EndingFact {
  const row = ev('ENDER', type, 'TARGET', fields);
  return { row, from: from ? dates(from) : null, source: source ? dates(source) : row.source === row.from && from ? dates(from) : null };
}

describe('summaries and status on a date', () => {
  it('ends a document on the date its ending document was issued, and not before', () => {
    const doc = dates({ issuedOn: '2013-05-16' });
    const s = summarise(doc, [fact('SUPERSEDES', { issuedOn: '2026-03-01' })]);
    expect(statusOn(s, '2013-05-15')).toBe('NOT_YET_ISSUED');
    expect(statusOn(s, '2020-01-01')).toBe('IN_EFFECT');
    expect(statusOn(s, '2026-02-28')).toBe('IN_EFFECT');
    expect(statusOn(s, '2026-03-01')).toBe('SUPERSEDED');
    expect(s.endPresumed).toBe(false);
  });

  it('uses the effective date an ending text gives', () => {
    const s = summarise(dates({ issuedOn: '2019-01-01' }), [fact('SUPERSEDES', { issuedOn: '2024-11-30' }, { effectiveFrom: '2025-07-01' })]);
    expect(statusOn(s, '2025-06-30')).toBe('IN_EFFECT');
    expect(statusOn(s, '2025-07-01')).toBe('SUPERSEDED');
  });

  it('reasons with bounds when the ending document has no date, and says so', () => {
    const doc = dates({ issuedOn: '2024-02-15' });
    const undated = fact('SUPERSEDES', { issuedNotBefore: '2026-02-11' });
    const report = explain(doc, [undated], '2026-11-01');
    expect(report.value).toBe('SUPERSEDED');
    expect(report.presumed).toBe(true);
    expect(explain(doc, [undated], '2025-06-01')).toMatchObject({ value: 'IN_EFFECT' });
    // a third document saying it happened bounds it from above: certain from that date on
    const asserted = fact('SUPERSEDES', { issuedNotBefore: '2026-02-11' }, { source: 'THIRD' }, { issuedOn: '2026-05-01' });
    expect(endingWindow(asserted)).toEqual({ date: '2026-02-11', exact: false, certainBy: '2026-05-01' });
    expect(explain(doc, [asserted], '2026-06-01').presumed).toBe(false);
    expect(explain(doc, [asserted], '2026-03-01').presumed).toBe(true);
  });

  it('keeps a partial ending apart from a whole one, and an amendment ends nothing', () => {
    const doc = dates({ issuedOn: '2021-09-29' });
    const partial = fact('SUPERSEDES', { issuedOn: '2024-03-01' }, { scope: 'Điều 5' });
    const amended = fact('AMENDS', { issuedOn: '2024-05-01' });
    const s = summarise(doc, [partial, amended]);
    expect(statusOn(s, '2024-06-01')).toBe('PARTLY_SUPERSEDED');
    const report = explain(doc, [partial, amended], '2024-06-01');
    expect(report.reasons.map((r) => r.kind)).toEqual(['ISSUED', 'PARTLY_ENDED', 'AMENDED']);
    expect(statusOn(summarise(doc, [amended]), '2030-01-01')).toBe('IN_EFFECT');
  });

  it('tells expiry by its own term from a repeal, whichever comes first', () => {
    const plan = dates({ issuedOn: '2025-01-10', expiresOn: '2025-12-31' });
    expect(statusOn(summarise(plan, []), '2026-01-01')).toBe('EXPIRED');
    const stoppedEarly = summarise(plan, [fact('SUPERSEDES', { issuedOn: '2025-06-01' })]);
    expect(statusOn(stoppedEarly, '2026-01-01')).toBe('SUPERSEDED');
    const stoppedLate = summarise(plan, [fact('SUPERSEDES', { issuedOn: '2026-06-01' })]);
    expect(statusOn(stoppedLate, '2026-07-01')).toBe('EXPIRED');
  });

  it('is not yet in effect between issue and its own effective date', () => {
    const law = dates({ issuedOn: '2024-06-29', effectiveFrom: '2025-01-01' });
    const s = summarise(law, []);
    expect(statusOn(s, '2024-07-01')).toBe('NOT_YET_IN_EFFECT');
    expect(statusOn(s, '2025-01-01')).toBe('IN_EFFECT');
  });

  it('lists what ended it by a date', () => {
    const doc = dates({ issuedOn: '2013-05-16' });
    const f = fact('SUPERSEDES', { issuedOn: '2026-03-01' });
    expect(endedBy(doc, [f], '2026-01-01')).toEqual([]);
    expect(endedBy(doc, [f], '2026-03-01')).toEqual([f.row]);
  });
});

describe('the filter predicate', () => {
  it('selects exactly the documents statusOn gives that status, for every status and date', () => {
    // every combination of a few dates for each field, against every asked date
    let checked = 0;
    for (const s of everySummary()) {
      for (const date of ASKED) {
        const status = statusOn(s, date);
        for (const v of EFFECT_STATUSES) {
          expect(matches(s, statusPredicate([v], date)), `${v} on ${date} for ${JSON.stringify(s)}`).toBe(status === v);
          checked++;
        }
        expect(matches(s, statusPredicate(['IN_EFFECT', 'PARTLY_SUPERSEDED'], date))).toBe(status === 'IN_EFFECT' || status === 'PARTLY_SUPERSEDED');
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('selects, for every set of statuses, what statusOn gives; counted as #reached(from) − #reached(until)', () => {
    let checked = 0;
    for (let mask = 1; mask < 1 << EFFECT_STATUSES.length; mask++) {
      const values = EFFECT_STATUSES.filter((_, i) => mask & (1 << i));
      const windows = statusWindows(values);
      for (const s of everySummary()) {
        const t = timeline(s);
        for (const date of ASKED) {
          const member = values.includes(statusOn(s, date));
          expect(matches(s, statusPredicate(values, date)), `${values} on ${date} for ${JSON.stringify(s)}`).toBe(member);
          // what the Neo4j store's count adds up per document, from its range indexes
          const reached = (f: TimelineField | null) => (f === null ? 1 : t[f] !== null && t[f]! <= date ? 1 : 0);
          const counted = windows.reduce((n, w) => n + reached(w.from) - (w.until ? reached(w.until) : 0), 0);
          expect(counted, `count of ${values} on ${date} for ${JSON.stringify(s)}`).toBe(member ? 1 : 0);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100_000);
  });

  it('merges adjacent statuses into one window: "in effect" is one', () => {
    expect(statusWindows(['IN_EFFECT', 'PARTLY_SUPERSEDED'])).toEqual([{ from: 'effective', until: 'ended' }]);
    expect(statusWindows(['NOT_YET_ISSUED', 'SUPERSEDED'])).toEqual([{ from: null, until: 'issued' }, { from: 'superseded', until: null }]);
    expect(statusWindows(['PARTLY_SUPERSEDED', 'SUPERSEDED', 'EXPIRED'])).toEqual([{ from: 'partly', until: null }]);
  });

  it('orders a timeline: each date on or after the one before', () => {
    for (const s of everySummary()) {
      const t = timeline(s);
      const dates = TIMELINE_FIELDS.slice(0, 4).map((f) => t[f]);
      for (let i = 1; i < dates.length; i++) if (dates[i] !== null) expect(dates[i]! >= dates[i - 1]!, JSON.stringify(t)).toBe(true);
      expect(t.superseded === null || t.expired === null).toBe(true);
    }
  });
});
