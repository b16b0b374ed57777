// Effect status on a date: the one place the rule lives. Both stores feed it facts, keep the
// summary it computes, and filter with the predicate it builds; neither re-implements it.
//   IN_EFFECT          nothing loaded ends it by that date
//   SUPERSEDED         a document issued by then replaces, repeals, stops or ends it (whole)
//   PARTLY_SUPERSEDED  an ending names only a part (Điều, khoản, điểm)
//   NOT_YET_ISSUED     the date is before its issue date
//   NOT_YET_IN_EFFECT  issued, but its own effective date is later (Chưa có hiệu lực)
//   EXPIRED            its own text sets an end, and that end has passed (not a repeal)
import type { DocumentNode, EffectSummary, EvidenceRow, RelationType } from '../store/model.js';
import { addDays } from './dates.js';

export const EFFECT_STATUSES = [
  'IN_EFFECT',
  'SUPERSEDED',
  'PARTLY_SUPERSEDED',
  'NOT_YET_ISSUED',
  'NOT_YET_IN_EFFECT',
  'EXPIRED',
] as const;
export type EffectStatusValue = (typeof EFFECT_STATUSES)[number];

type Dates = Pick<DocumentNode, 'issuedOn' | 'issuedNotBefore' | 'effectiveFrom'>;
type OwnDates = Dates & Pick<DocumentNode, 'expiresOn'>;

/** The relation types a document's effect status is judged on: what ends it, wholly or in part. */
export const ENDING_TYPES = ['SUPERSEDES', 'AMENDS'] as const satisfies readonly RelationType[];

/** An incoming SUPERSEDES or AMENDS assertion, with what is known of the documents behind it. */
export interface EndingFact {
  row: EvidenceRow;
  /** The ending (or amending) document. */
  from: Dates | null;
  /** The document that asserts it (often the same as from). */
  source: Dates | null;
}

/** When an ending takes effect: exact, or a window [date, certainBy] when dates are unknown. */
export interface EndingWindow {
  /** The date used: exact, or the earliest it can be. Null only when nothing bounds it. */
  date: string | null;
  exact: boolean;
  /** From this date on the ending is certain: the text asserting it existed by then. */
  certainBy: string | null;
}

export function endingWindow(fact: EndingFact): EndingWindow {
  const { row, from, source } = fact;
  const exact = row.effectiveFrom ?? from?.effectiveFrom ?? from?.issuedOn ?? null;
  if (exact) return { date: exact, exact: true, certainBy: exact };
  // A third document saying "X was replaced" proves it happened by that document's date.
  const certainBy = row.source !== row.from ? (source?.issuedOn ?? null) : null;
  return { date: from?.issuedNotBefore ?? certainBy, exact: false, certainBy };
}

const isEnding = (f: EndingFact) => f.row.type === 'SUPERSEDES';
const isWhole = (f: EndingFact) => isEnding(f) && !f.row.scope;
const startOf = (doc: Dates) => doc.issuedOn ?? doc.issuedNotBefore ?? null;

/** An ending with no date at all counts from the target's own start: presumed, never exact. */
function endingDate(doc: Dates, w: EndingWindow): string {
  return w.date ?? startOf(doc) ?? '0001-01-01';
}

/** The dates that decide status on any date; stored on the document so filters need no walk. */
export function summarise(doc: OwnDates, facts: readonly EndingFact[]): EffectSummary {
  let whole: { date: string; exact: boolean } | null = null;
  let partlyEndsOn: string | null = null;
  for (const f of facts) {
    if (!isEnding(f)) continue;
    const w = endingWindow(f);
    const date = endingDate(doc, w);
    if (isWhole(f)) {
      if (!whole || date < whole.date || (date === whole.date && w.exact)) whole = { date, exact: w.exact };
    } else if (partlyEndsOn === null || date < partlyEndsOn) {
      partlyEndsOn = date;
    }
  }
  const expiredFrom = doc.expiresOn ? addDays(doc.expiresOn, 1) : null;
  const supersededFirst = whole && (!expiredFrom || whole.date <= expiredFrom);
  const start = startOf(doc);
  return {
    startsOn: start,
    startPresumed: !doc.issuedOn,
    effectiveFrom: doc.effectiveFrom && (!start || doc.effectiveFrom > start) ? doc.effectiveFrom : null,
    endsOn: supersededFirst ? whole!.date : expiredFrom,
    endKind: supersededFirst ? 'SUPERSEDED' : expiredFrom ? 'EXPIRED' : null,
    endPresumed: supersededFirst ? !whole!.exact : false,
    partlyEndsOn,
  };
}

export function sameEffect(a: EffectSummary, b: EffectSummary): boolean {
  return (
    a.startsOn === b.startsOn &&
    a.startPresumed === b.startPresumed &&
    a.effectiveFrom === b.effectiveFrom &&
    a.endsOn === b.endsOn &&
    a.endKind === b.endKind &&
    a.endPresumed === b.endPresumed &&
    a.partlyEndsOn === b.partlyEndsOn
  );
}

/** Status on a date from the summary alone. */
export function statusOn(s: EffectSummary, date: string): EffectStatusValue {
  if (s.startsOn && date < s.startsOn) return 'NOT_YET_ISSUED';
  if (s.endsOn && date >= s.endsOn) return s.endKind ?? 'SUPERSEDED';
  if (s.effectiveFrom && date < s.effectiveFrom) return 'NOT_YET_IN_EFFECT';
  if (s.partlyEndsOn && date >= s.partlyEndsOn) return 'PARTLY_SUPERSEDED';
  return 'IN_EFFECT';
}

/** "In effect on a date" means wholly or partly in effect. */
export const IN_EFFECT_VALUES: readonly EffectStatusValue[] = ['IN_EFFECT', 'PARTLY_SUPERSEDED'];

// ---- the same rule as date windows, so a store can filter and count without computing per row ----

/**
 * A document's life as the dates its status changes, each on or after the one before:
 * NOT_YET_ISSUED until `issued`, NOT_YET_IN_EFFECT until `effective`, IN_EFFECT until `partly`,
 * PARTLY_SUPERSEDED until `ended`, then SUPERSEDED or EXPIRED (`superseded` or `expired`, the
 * other null). A null date is a change that never comes; `issued` is '' (before every date)
 * when nothing bounds the start. Stored on the document, so a store answers "status on a date"
 * by comparing dates, and counts it from two range indexes (#{from ≤ date} − #{until ≤ date}).
 */
export interface EffectTimeline {
  issued: string;
  effective: string;
  partly: string | null;
  ended: string | null;
  superseded: string | null;
  expired: string | null;
}
export type TimelineField = keyof EffectTimeline;
export const TIMELINE_FIELDS = ['issued', 'effective', 'partly', 'ended', 'superseded', 'expired'] as const satisfies readonly TimelineField[];

const later = (a: string, b: string | null) => (b !== null && b > a ? b : a);
const earlier = (a: string, b: string | null) => (b !== null && b < a ? b : a);

/** The timeline of a summary; statusOn and the windows below agree on every date (a test proves it). */
export function timeline(s: EffectSummary): EffectTimeline {
  const issued = s.startsOn ?? '';
  const ended = s.endsOn === null ? null : later(issued, s.endsOn);
  const effective = earlier(later(issued, s.effectiveFrom), ended);
  const partly = s.partlyEndsOn === null ? ended : earlier(later(effective, s.partlyEndsOn), ended);
  const expired = ended !== null && s.endKind === 'EXPIRED' ? ended : null;
  return { issued, effective, partly, ended, superseded: ended !== null && !expired ? ended : null, expired };
}

/** Documents whose timeline has reached `from` (null: always) and not yet `until` (null: never ends). */
export interface StatusWindow {
  from: TimelineField | null;
  until: TimelineField | null;
}

// The stages in order; SUPERSEDED and EXPIRED share the last (`ended`) and split it by kind.
const STAGES: { value: EffectStatusValue; from: TimelineField | null; until: TimelineField | null }[] = [
  { value: 'NOT_YET_ISSUED', from: null, until: 'issued' },
  { value: 'NOT_YET_IN_EFFECT', from: 'issued', until: 'effective' },
  { value: 'IN_EFFECT', from: 'effective', until: 'partly' },
  { value: 'PARTLY_SUPERSEDED', from: 'partly', until: 'ended' },
];

/** The windows of a set of statuses, disjoint; adjacent stages merge ("in effect" is one window). */
export function statusWindows(values: readonly EffectStatusValue[]): StatusWindow[] {
  const asked = new Set(values);
  const windows: StatusWindow[] = [];
  let open: StatusWindow | null = null;
  for (const stage of STAGES) {
    if (!asked.has(stage.value)) open = null;
    else if (open) open.until = stage.until;
    else windows.push((open = { from: stage.from, until: stage.until }));
  }
  const superseded = asked.has('SUPERSEDED');
  const expired = asked.has('EXPIRED');
  if (superseded && expired) {
    if (open) open.until = null;
    else windows.push({ from: 'ended', until: null });
  } else if (superseded) windows.push({ from: 'superseded', until: null });
  else if (expired) windows.push({ from: 'expired', until: null });
  return windows;
}

/** Documents with one of `values` on `on`: one of the windows holds on that date. */
export interface StatusFilter {
  on: string;
  windows: StatusWindow[];
}
/** Every filter must hold (inEffectOn together with status on another date). */
export type StatusPredicate = StatusFilter[];

/** Documents whose status on `date` is one of `values`; mirrors statusOn exactly (a test proves it). */
export function statusPredicate(values: readonly EffectStatusValue[], date: string): StatusPredicate {
  return [{ on: date, windows: statusWindows(values) }];
}

/** Whether a window holds on a date for a timeline (each store makes this comparison in its own form: columns, Cypher). */
export function inWindow(t: EffectTimeline, w: StatusWindow, on: string): boolean {
  const from = w.from === null ? '' : t[w.from];
  const until = w.until === null ? null : t[w.until];
  return from !== null && from <= on && (until === null || until > on);
}

/** Evaluate a predicate against one summary. */
export function matches(s: EffectSummary, predicate: StatusPredicate): boolean {
  const t = timeline(s);
  return predicate.every((f) => f.windows.some((w) => inWindow(t, w, f.on)));
}

// ---- a status with its reasons, for one document ----

export interface EffectReason {
  kind: 'ISSUED' | 'NOT_YET_ISSUED' | 'NOT_YET_IN_EFFECT' | 'ENDED' | 'PARTLY_ENDED' | 'ENDS_LATER' | 'AMENDED' | 'EXPIRED' | 'EXPIRES';
  date: string | null;
  presumed: boolean;
  /** The assertion behind it, for ENDED / PARTLY_ENDED / ENDS_LATER / AMENDED. */
  row: EvidenceRow | null;
  message: string;
}

export interface EffectReport {
  value: EffectStatusValue;
  asOf: string;
  /** Some date it rests on is a bound, not a known date. */
  presumed: boolean;
  reasons: EffectReason[];
}

/** A document's status on a date, and why. Agrees with statusOn(summarise(...)) on the value. */
export function explain(doc: OwnDates, facts: readonly EndingFact[], asOf: string): EffectReport {
  const summary = summarise(doc, facts);
  const value = statusOn(summary, asOf);
  const reasons: EffectReason[] = [];
  let presumed = false;
  const start = startOf(doc);
  if (value === 'NOT_YET_ISSUED') {
    reasons.push({ kind: 'NOT_YET_ISSUED', date: start, presumed: false, row: null, message: `not issued before ${start}` });
  } else if (start) {
    const bound = !doc.issuedOn;
    presumed ||= bound;
    reasons.push({ kind: 'ISSUED', date: start, presumed: bound, row: null, message: bound ? `issued on or after ${start} (latest date its text mentions)` : `issued on ${start}` });
  }
  if (value === 'NOT_YET_IN_EFFECT') {
    reasons.push({ kind: 'NOT_YET_IN_EFFECT', date: summary.effectiveFrom, presumed: false, row: null, message: `in effect from ${summary.effectiveFrom}` });
  }
  // one reason per relation (its earliest assertion), however many sentences assert it
  const byRelation = new Map<string, EndingFact>();
  for (const f of facts) {
    const key = `${f.row.from}|${f.row.type}|${f.row.to}|${f.row.scope ?? ''}`;
    const held = byRelation.get(key);
    if (!held || endingDate(doc, endingWindow(f)) < endingDate(doc, endingWindow(held))) byRelation.set(key, f);
  }
  for (const f of byRelation.values()) {
    const w = endingWindow(f);
    const date = endingDate(doc, w);
    const uncertain = !w.exact && !(w.certainBy && asOf >= w.certainBy);
    const by = `${f.row.from}${f.row.kind ? ` (${f.row.kind})` : ''}`;
    if (f.row.type === 'AMENDS') {
      if (date <= asOf) reasons.push({ kind: 'AMENDED', date, presumed: !w.exact, row: f.row, message: `amended by ${f.row.from}${f.row.scope ? `, ${f.row.scope}` : ''}` });
      continue;
    }
    if (date > asOf) {
      reasons.push({ kind: 'ENDS_LATER', date, presumed: !w.exact, row: f.row, message: `ended by ${by} from ${date}` });
      continue;
    }
    const partial = !!f.row.scope;
    if (value !== 'NOT_YET_ISSUED') presumed ||= uncertain;
    reasons.push({
      kind: partial ? 'PARTLY_ENDED' : 'ENDED',
      date,
      presumed: uncertain,
      row: f.row,
      message: `${partial ? `${f.row.scope} ended` : 'ended'} by ${by}${w.exact ? ` on ${date}` : ` no earlier than ${date}`}`,
    });
  }
  if (doc.expiresOn) {
    const passed = asOf > doc.expiresOn;
    reasons.push({ kind: passed ? 'EXPIRED' : 'EXPIRES', date: doc.expiresOn, presumed: false, row: null, message: `${passed ? 'expired' : 'in effect until'} ${doc.expiresOn} by its own terms` });
  }
  return { value, asOf, presumed, reasons };
}

/** The assertions that have ended it (wholly or partly) by a date. */
export function endedBy(doc: Dates, facts: readonly EndingFact[], asOf: string): EvidenceRow[] {
  return facts.filter((f) => isEnding(f) && endingDate(doc, endingWindow(f)) <= asOf).map((f) => f.row);
}
