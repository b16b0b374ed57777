// Stage 5, resolve: a reference → the document it names. A symbol alone is not an identity (08-NQ/TU
// of 2013 and of 2022 are two resolutions), so:
//   - a dated reference links to exactly symbol@date ("dated");
//   - an undated one links to the only candidate ("only-candidate"), or to the one its context picks
//     ("context": the term khóa XII vs XIII, the issuer and its locality, the year — a text cannot name
//     a document issued after it — and the subject words against the candidate's title);
//   - with no candidate it stays an undated stub ("no-candidate");
//   - otherwise it becomes an explicit ambiguous reference that lists its candidates. Never a silent merge.
// Everything resolveTarget needs travels in ReferenceTarget + CitingContext, so the store can
// re-resolve old undated references when new candidates arrive.
import { ambiguousId, documentId, symbolKey } from './ids.js';
import { CENTRAL_PARTY_CODES, CENTRAL_TERMS, LOCAL_ISSUER_CODES, canonicalTerm } from './lexicon.js';
import { foldKey, memo, provinceIn } from './normalise.js';
import { fuller } from '../services/store/stubs.js';
import { typeNameOfSymbol } from './type-codes.js';
import { parseShortPlaceholder, symbolParts } from './references.js';
import type { Candidate, CitingContext, ResolvedExtraction, ResolvedRelation, ResolvedTarget } from './resolve-types.js';
import type { Extraction, ReferenceTarget } from './types.js';

/** A reference that names its document outright (its full symbol and a date): it reads no candidates. */
export function isDated(ref: ReferenceTarget): boolean {
  return !!ref.date && !ref.unresolved;
}

/** A short form's placeholder ("Nghị quyết số 35 của Quốc hội" → 35/?/QH), parsed; null for any other reference. */
function shortFormOf(ref: ReferenceTarget): ReturnType<typeof parseShortPlaceholder> {
  return ref.unresolved ? parseShortPlaceholder(ref.symbol) : null;
}

/** Keys under which a reference's candidates are found: the symbol key, or "#<number>" for a short form. */
export function lookupKey(ref: ReferenceTarget): string {
  const short = shortFormOf(ref);
  return short ? `#${short.number}` : symbolKey(ref.symbol);
}

/** Keys under which a candidate is filed (its symbol key and "#<number>" for short forms). */
export function candidateKeys(c: Candidate): string[] {
  const n = /^\d+/.exec(c.symbol)?.[0];
  return n ? [symbolKey(c.symbol), `#${n}`] : [symbolKey(c.symbol)];
}

/** Does a full symbol fit a short form ("Nghị quyết số 35 của Quốc hội" → 35/2021/QH15)? */
export function shortFormMatches(shortSymbol: string, candidate: { symbol: string; type?: string | null }): boolean {
  const s = parseShortPlaceholder(shortSymbol);
  if (!s) return false;
  const p = symbolParts(candidate.symbol);
  if (p.number !== s.number) return false;
  if (s.issuerCode && (!p.issuerCode || !(p.issuerCode === s.issuerCode || (s.issuerCode === 'QH' && p.issuerCode === 'QH')))) return false;
  if (s.typeCode) {
    if (p.typeCode) {
      if (p.typeCode !== s.typeCode && !(s.typeCode === 'L' && !p.typeCode)) return false;
    } else if (p.assembly) {
      if (s.typeCode !== 'NQ' && s.typeCode !== 'L') return false;
      if (candidate.type && s.typeCode === 'NQ' && /^Luật/.test(candidate.type)) return false;
      if (candidate.type && s.typeCode === 'L' && /^Nghị quyết/.test(candidate.type)) return false;
    } else return false;
  }
  return true;
}

// A chunk scores and places the same issuers and titles over and over (every candidate of a symbol, for every reference to it)
const folded = memo(foldKey, 100_000);

function fk(s: string | null | undefined): string {
  return s ? folded(s) : '';
}

const STOP_WORDS = new Set(['ve', 'viec', 'va', 'cua', 'cac', 'trong', 'den', 'nam', 'tai', 'cho', 'voi', 'mot', 'so', 'the', 'nhung']);
/** The words of a title or subject that tell documents apart (shared between calls: read only). */
const wordsOf = memo((s: string) => new Set(fk(s).split(/[^a-z0-9]+/).filter((w) => w.length > 1 && !STOP_WORDS.has(w))) as ReadonlySet<string>, 100_000);

function words(s: string | null | undefined): ReadonlySet<string> {
  return wordsOf(s ?? '');
}

function termOfDate(date: string, table: Record<string, [string, string]>): string | null {
  for (const [term, [a, b]] of Object.entries(table)) if (date >= a && date < b) return term;
  return null;
}

/** The locality a reference is confined to: its issuer's province, or the citing text's for a local issuer code. */
export function referenceLocality(ref: ReferenceTarget, citing: CitingContext): string | null {
  const fromIssuer = ref.issuer ? provinceIn(fk(ref.issuer)) : null;
  if (fromIssuer) return fromIssuer;
  const p = symbolParts(ref.symbol);
  if (p.issuerCode && LOCAL_ISSUER_CODES.has(p.issuerCode)) return citing.locality ?? null;
  return null;
}

const DESCRIBED = ['type', 'issuer', 'term', 'locality', 'title'] as const;

/**
 * One candidate per id, merged the way the store merges stubs, so the result does not depend on
 * the order texts arrive in: a loaded document's own identity wins whole; descriptions from
 * references merge field by field, the fuller value winning.
 */
export function mergeCandidates(list: readonly Candidate[]): Candidate[] {
  const byId = new Map<string, Candidate>();
  // only a candidate that merges with another is copied: the rest are returned as given
  let copies: Set<Candidate> | null = null;
  for (const c of list) {
    const old = byId.get(c.id);
    if (!old || (c.document && !old.document)) byId.set(c.id, c);
    else if (!old.document && !c.document) {
      const mine = copies?.has(old) ? old : { ...old };
      for (const f of DESCRIBED) mine[f] = fuller(old[f] ?? null, c[f] ?? null);
      byId.set(c.id, mine);
      (copies ??= new Set()).add(mine);
    }
  }
  return byId.size === list.length ? [...list] : [...byId.values()];
}

/** Why a candidate cannot be the document the reference names, or null. */
function incompatible(ref: ReferenceTarget, citing: CitingContext, c: Candidate, central: boolean, loc: string | null): string | null {
  const citingDate = citing.issuedOn ?? null;
  if (citingDate && c.issuedOn && c.issuedOn > citingDate) return 'issued after the citing text';
  const refTerm = ref.term ? canonicalTerm(ref.term) : null;
  if (refTerm) {
    const cTerm = c.term ? canonicalTerm(c.term) : null;
    if (cTerm && cTerm !== refTerm) return 'another term';
    if (!cTerm && central && c.issuedOn) {
      const t = termOfDate(c.issuedOn, CENTRAL_TERMS);
      if (t && t !== refTerm) return 'date outside the term';
    }
  }
  if (loc && c.locality && c.locality !== loc) return 'another locality';
  return null;
}

function score(ref: ReferenceTarget, c: Candidate): number {
  let s = 0;
  if (ref.term && c.term && canonicalTerm(ref.term) === canonicalTerm(c.term)) s += 2;
  if (ref.issuer && c.issuer) {
    const a = fk(ref.issuer);
    const b = fk(c.issuer);
    if (a && b && (a.includes(b) || b.includes(a))) s += 1;
  }
  if (ref.subject && c.title) {
    const a = words(ref.subject);
    const b = words(c.title);
    if (a.size) {
      let hit = 0;
      for (const w of a) if (b.has(w)) hit++;
      const r = hit / Math.min(a.size, 12);
      if (r >= 0.5) s += 3 * r;
    }
  }
  return s;
}

/** Resolve one reference against candidates (the batch's documents and dated references, and the store's). */
export function resolveTarget(ref: ReferenceTarget, citing: CitingContext, candidates: readonly Candidate[]): ResolvedTarget {
  if (isDated(ref)) return { id: documentId(ref.symbol, ref.date), symbol: ref.symbol, date: ref.date, how: 'dated' };
  const short = shortFormOf(ref);
  const key = symbolKey(ref.symbol);
  return resolveAmong(ref, citing, mergeCandidates(candidates.filter((c) => (short ? shortFormMatches(ref.symbol, c) : symbolKey(c.symbol) === key))), short !== null);
}

/**
 * resolveTarget over what indexCandidates filed under the reference's lookupKey, from a pool
 * merged one per id, less the candidate `exclude` (the citing text itself): under a symbol's key
 * every candidate is of that symbol and there once, so neither the filter nor the merge is needed
 * (a look-up per candidate per reference in a load), and the excluded one is skipped, not filtered out.
 */
export function resolveFiled(ref: ReferenceTarget, citing: CitingContext, filed: readonly Candidate[], exclude: string | null = null): ResolvedTarget {
  if (isDated(ref)) return resolveTarget(ref, citing, []);
  if (shortFormOf(ref)) return resolveTarget(ref, citing, exclude === null ? filed : filed.filter((c) => c.id !== exclude));
  return resolveAmong(ref, citing, filed, false, exclude);
}

/** The document among a reference's candidates (of its symbol, or fitting its short form; one per id), never `exclude`. */
function resolveAmong(ref: ReferenceTarget, citing: CitingContext, pool: readonly Candidate[], short: boolean, exclude: string | null = null): ResolvedTarget {
  const noCandidate: ResolvedTarget = { id: documentId(ref.symbol, null), symbol: ref.symbol, date: null, how: 'no-candidate' };
  if (!pool.length) return noCandidate;
  if (short) {
    // a short form names a full symbol: first decide which symbol, then which document
    const symbols = [...new Set(pool.map((c) => c.symbol))];
    if (symbols.length > 1) {
      return { id: ambiguousId(ref.symbol), symbol: ref.symbol, date: null, how: 'ambiguous', candidates: pool.map((c) => c.id).sort() };
    }
    const full: ReferenceTarget = { ...ref, symbol: symbols[0], unresolved: false };
    const r = resolveTarget(full, citing, pool);
    if (r.how === 'no-candidate') return { ...r, how: 'context' };
    return r.how === 'only-candidate' ? { ...r, how: 'context' } : r;
  }
  const p = symbolParts(ref.symbol);
  const central = !!p.party && !!p.issuerCode && CENTRAL_PARTY_CODES.has(p.issuerCode);
  const loc = referenceLocality(ref, citing);
  // one pass: dated candidates, those of them that fit, and the first undated one
  let dated = 0;
  let undated = 0;
  let firstUndated: Candidate | null = null;
  const fits: Candidate[] = [];
  for (const c of pool) {
    if (c.id === exclude) continue;
    if (!c.issuedOn) {
      undated++;
      firstUndated ??= c;
      continue;
    }
    dated++;
    if (!incompatible(ref, citing, c, central, loc)) fits.push(c);
  }
  if (!fits.length) {
    // nothing dated fits: an undated stub of the same symbol (from the store) is the reference itself
    return undated === 1 ? { id: firstUndated!.id, symbol: ref.symbol, date: null, how: 'only-candidate' } : noCandidate;
  }
  const pick = (c: Candidate, how: ResolvedTarget['how']): ResolvedTarget => ({ id: c.id, symbol: c.symbol, date: c.issuedOn, how });
  if (fits.length === 1) return pick(fits[0], dated === 1 ? 'only-candidate' : 'context');
  const scored = fits.map((c) => ({ c, s: score(ref, c) })).sort((a, b) => b.s - a.s);
  if (scored[0].s > 0 && scored[0].s > scored[1].s + 0.5) return pick(scored[0].c, 'context');
  return { id: ambiguousId(ref.symbol), symbol: ref.symbol, date: null, how: 'ambiguous', candidates: fits.map((c) => c.id).sort() };
}

/** What is known of a text as the citing side of its references. */
export function citingContextOf(e: Extraction): CitingContext {
  return {
    issuedOn: e.document.issuedOn,
    issuedNotBefore: e.document.issuedNotBefore ?? null,
    locality: e.document.locality ?? null,
    issuer: e.document.issuer,
  };
}

/** A candidate made from a reference that carries its date. */
export function candidateFromTarget(t: ReferenceTarget, citing: CitingContext): Candidate | null {
  if (!isDated(t)) return null;
  return {
    id: documentId(t.symbol, t.date),
    symbol: t.symbol,
    issuedOn: t.date,
    type: t.type ?? typeNameOfSymbol(t.symbol),
    issuer: t.issuer ?? null,
    term: t.term ?? null,
    locality: referenceLocality(t, citing),
    title: t.subject ?? null,
  };
}

/** The document a text identifies, as a candidate (only when it has a number). */
export function candidateFromIdentity(e: Extraction): Candidate | null {
  const d = e.document;
  if (!d.symbol) return null;
  return { id: d.id, symbol: d.symbol, issuedOn: d.issuedOn, type: d.type, issuer: d.issuer, term: d.term ?? null, locality: d.locality ?? null, title: d.title, document: true };
}

/** A text's own identity and every dated reference it makes, with issuer/term/title hints. */
export function candidatesOf(e: Extraction): Candidate[] {
  const out: Candidate[] = [];
  const own = candidateFromIdentity(e);
  if (own) out.push(own);
  const citing = citingContextOf(e);
  for (const r of e.relations) {
    for (const t of [r.from, r.to]) {
      if (!t || t.dateSource === 'resolved') continue;
      const c = candidateFromTarget(t, citing);
      if (c) out.push(c);
    }
  }
  return mergeCandidates(out);
}

/** Candidates (merged, one per id) by every key they are filed under (candidateKeys), as references look them up (lookupKey). */
export function indexCandidates(pool: readonly Candidate[]): Map<string, Candidate[]> {
  const byKey = new Map<string, Candidate[]>();
  for (const c of pool) {
    for (const k of candidateKeys(c)) {
      const list = byKey.get(k);
      if (list) list.push(c);
      else byKey.set(k, [c]);
    }
  }
  return byKey;
}

function applyResolution(t: ReferenceTarget, r: ResolvedTarget): ReferenceTarget {
  if (r.how !== 'only-candidate' && r.how !== 'context') return t;
  const out: ReferenceTarget = { ...t };
  if (t.unresolved && r.symbol && r.symbol !== t.symbol) {
    out.symbol = r.symbol;
    out.unresolved = false;
  }
  if (!t.date && r.date) {
    out.date = r.date;
    out.dateSource = 'resolved';
  }
  return out;
}

/**
 * Resolve a batch of extractions against each other and against external candidates (from the
 * store). Fills fromId/toId and the resolutions, and, where context picked a document, the date
 * (and the full symbol of a short form) in the relation's from/to.
 */
export function resolveExtractions(extractions: Extraction[], external: Candidate[] = []): ResolvedExtraction[] {
  return resolveWithIndex(extractions, indexCandidates(mergeCandidates([...external, ...extractions.flatMap((e) => candidatesOf(e))])));
}

/** resolveExtractions over candidates already merged and indexed (indexCandidates), for a caller that reuses the index. */
export function resolveWithIndex(extractions: Extraction[], index: ReadonlyMap<string, readonly Candidate[]>): ResolvedExtraction[] {
  return extractions.map((e) => {
    const citing = citingContextOf(e);
    const selfId = e.document.id;
    const self: ResolvedTarget = { id: selfId, symbol: e.document.symbol, date: e.document.issuedOn, how: 'self' };
    const resolveSide = (t: ReferenceTarget): ResolvedTarget => {
      const own = e.document.symbol && !t.unresolved && symbolKey(t.symbol) === symbolKey(e.document.symbol) && !!t.date && t.date === e.document.issuedOn;
      if (own) return self;
      // a text is never its own candidate; a dated reference reads none
      return resolveFiled(t, citing, isDated(t) ? [] : (index.get(lookupKey(t)) ?? []), selfId);
    };
    const relations: ResolvedRelation[] = e.relations.map((r) => {
      const toResolution = resolveSide(r.to);
      const fromResolution = r.from ? resolveSide(r.from) : self;
      return {
        ...r,
        from: r.from ? applyResolution(r.from, fromResolution) : null,
        to: applyResolution(r.to, toResolution),
        fromId: fromResolution.id,
        toId: toResolution.id,
        toWritten: r.to,
        fromWritten: r.from,
        fromResolution,
        toResolution,
      };
    });
    return { ...e, relations };
  });
}
