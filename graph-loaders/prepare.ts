// One chunk of extractions → one graph batch: resolve its references against the chunk and the
// store, then re-resolve the stored undated references whose candidates this chunk changes.
// Re-resolution is driven by what changes: citing 45-NQ/TW for the thousandth time re-reads
// nothing, while the chunk that first brings a 45-NQ/TW document re-resolves every undated
// reference to it, once (keysToReread), and only those written on or after the new candidate's date.
// The candidate look-up reads, for a reference confined to a locality, that locality's documents of
// the symbol, not the country's (scopesOf); short forms ("#<number>") are still read whole.
import { buildBatch, stubNode, type LoadedDocument } from './batch.js';
import { fuller, mergeStub } from '../services/store/stubs.js';
import { symbolKey } from './ids.js';
import { candidateKeys, candidatesOf, citingContextOf, lookupKey, mergeCandidates, referenceLocality, resolveExtractions, resolveTarget, shortFormMatches } from './resolve.js';
import type { Candidate, CitingContext } from './resolve-types.js';
import type { Extraction, ReferenceTarget } from './types.js';
import type { DocumentNode, GraphBatch } from '../services/store/model.js';
import { candidateOfNode, localKey } from '../services/store/keys.js';
import type { CandidateScope, Store } from '../services/store/port.js';

export interface PrepareItem {
  file: string;
  text: string;
  extraction: Extraction;
}

/** Resolve a chunk against itself and the store; re-resolve stored undated references it gives new candidates. */
export async function prepareBatch(items: readonly PrepareItem[], store: Store): Promise<GraphBatch> {
  const extractions = items.map((l) => l.extraction);
  const own = extractions.flatMap((e) => candidatesOf(e));
  const keys = lookupKeysOf(extractions, own);
  const scopes = scopesOf(extractions, own, keys);
  // what the store holds of the documents the chunk names, whatever their locality: they merge with the chunk's descriptions
  const ids = [...new Set(own.map((c) => c.id))];
  const [scoped, held] = await Promise.all([store.candidates(scopes), store.getDocuments(ids)]);
  const external = withHeld(scoped, held);
  const resolved = resolveExtractions(extractions, external);
  const loaded: LoadedDocument[] = items.map((l, i) => ({ file: l.file, text: l.text, extraction: resolved[i] }));
  const batch = buildBatch(loaded);
  const known = [...external, ...own];
  const fetched = new Map(scopes.map((s) => (typeof s === 'string' ? [s, null] : [s.key, new Set(s.localities)])));
  await reresolve(batch, store, keysToReread(own, external, known, new Set(extractions.map((e) => e.document.id))), known, fetched);
  return batch;
}

/**
 * What the chunk needs of each key's candidates. An undated reference confined to a locality can
 * only fit candidates of that locality or of none (resolve.ts, incompatible); the others count only
 * as "more than one dated candidate", which the store's sample of them tells (port.ts, candidates).
 * A chunk's own candidates add their localities too: the stored references they re-open are of
 * those localities (keysToReread). A key any reference needs nationwide is read whole.
 */
function scopesOf(extractions: readonly Extraction[], own: readonly Candidate[], keys: readonly string[]): (string | CandidateScope)[] {
  const localities = new Map<string, Set<string> | null>();
  const need = (key: string, locality: string | null) => {
    const held = localities.get(key);
    if (held === null) return;
    if (locality === null || key.startsWith('#')) localities.set(key, null);
    else if (held) held.add(locality);
    else localities.set(key, new Set([locality]));
  };
  for (const e of extractions) {
    const citing = citingContextOf(e);
    for (const r of e.relations) {
      // a dated reference names symbol@date and reads no candidates (resolve.ts, resolveTarget)
      for (const t of [r.to, r.from]) if (t && !(t.date && !t.unresolved)) need(lookupKey(t), referenceLocality(t, citing));
    }
  }
  // (one without a locality re-opens references of any locality: those are fetched for when read, in reresolve)
  for (const c of own) if (c.locality) need(symbolKey(c.symbol), c.locality);
  return keys.map((key) => {
    const held = localities.get(key);
    return held === null ? key : { key, localities: held ? [...held].sort() : [] };
  });
}

/** The store's candidates with those of the documents the chunk names, once each. */
function withHeld(scoped: readonly Candidate[], held: readonly (DocumentNode | null)[]): Candidate[] {
  const out = [...scoped];
  const seen = new Set(scoped.map((c) => c.id));
  for (const d of held) {
    const c = d && !seen.has(d.id) ? candidateOfNode(d) : null;
    if (c) out.push(c);
  }
  return out;
}

/**
 * Keys to look documents up by: what the chunk's references are filed under (a symbol key, or
 * "#<number>" for a short form such as "Nghị quyết số 35 của Quốc hội"), and the symbol key of
 * every document the chunk names, to tell which of them are new.
 */
export function lookupKeysOf(extractions: readonly Extraction[], own: readonly Candidate[]): string[] {
  const keys = new Set<string>();
  for (const c of own) keys.add(symbolKey(c.symbol));
  for (const e of extractions) {
    for (const r of e.relations) {
      keys.add(lookupKey(r.to));
      if (r.from) keys.add(lookupKey(r.from));
    }
  }
  return [...keys].sort();
}

/** Fields that decide whether a candidate fits a reference at all (resolve.ts, incompatible). */
const DECIDING = ['symbol', 'issuedOn', 'type', 'term', 'locality'] as const;
/** Fields that only rank candidates that fit (resolve.ts, score). */
const RANKING = ['issuer', 'title'] as const;

/** How the chunk changes what the store knows of a candidate. */
function change(c: Candidate, held: Candidate | undefined, isDocument: boolean): 'none' | 'ranking' | 'deciding' {
  if (!held) return 'deciding';
  // a re-loaded document must match exactly; a referenced one changes only by what it adds to the
  // stored stub (fields merge as stubs do, the fuller value winning)
  const same = (f: (typeof DECIDING)[number] | (typeof RANKING)[number]) => {
    const a = held[f] ?? null;
    const b = c[f] ?? null;
    return isDocument ? a === b : fuller(a, b) === a;
  };
  if (!DECIDING.every(same)) return 'deciding';
  return RANKING.every(same) ? 'none' : 'ranking';
}

/**
 * The keys (keys.ts, refKeys) of the stored undated references that may now resolve differently.
 * A candidate of a known locality can only fit references from that locality or from none; a new
 * one, or one whose deciding fields changed, re-opens those; a changed title or issuer only matters
 * where two dated candidates compete (resolve.ts, score). When a symbol gets its second dated
 * candidate (its third, counting the citing text itself), every reference to it is re-read, since
 * "only-candidate" becomes "context". A short form ("#<number>") is always re-read whole: its rows
 * are few. This keeps a chunk that adds one more 24/QĐ-UBND from re-reading every province's
 * references to that symbol, and one that adds a longer title to 45-NQ/TW from re-reading every
 * undated reference to it.
 */
/** Why stored references under a key are re-read: the earliest date of the candidates that re-open it (null: any date), and for a short form's key, the candidates themselves. */
interface Reopened {
  since: string | null;
  candidates: Candidate[];
}

function keysToReread(own: readonly Candidate[], external: readonly Candidate[], known: readonly Candidate[], documents: ReadonlySet<string>): Map<string, Reopened> {
  const held = new Map(external.map((c) => [c.id, c]));
  const merged = new Map(mergeCandidates(known).map((c) => [c.id, c]));
  const datedBefore = datedCounts(external);
  const datedAfter = datedCounts(known);
  const keys = new Map<string, Reopened>();
  const reopen = (key: string, since: string | null, c: Candidate) => {
    const was = keys.get(key);
    if (!was) return keys.set(key, { since, candidates: [c] });
    was.since = was.since === null || since === null ? null : was.since < since ? was.since : since;
    was.candidates.push(c);
  };
  for (const c of own) {
    const how = change(c, held.get(c.id), documents.has(c.id));
    if (how === 'none') continue;
    for (const k of candidateKeys(c)) {
      const after = datedAfter.get(k) ?? 0;
      if (how === 'ranking' && after < 2 && !k.startsWith('#')) continue;
      // a reference never counts its own text (resolve.ts): for it the symbol may have one candidate fewer
      const before = datedBefore.get(k) ?? 0;
      const counted = before <= 2 && after >= 2 && after > before;
      const whole = k.startsWith('#') || !c.locality || !c.issuedOn || counted;
      // A dated candidate cannot fit a reference written before its date (resolve.ts, incompatible), so
      // unless the number of dated candidates changes what a reference reads ("only-candidate" becomes
      // "context"), or a short form lists symbols of any date, references from earlier texts keep theirs.
      const since = k.startsWith('#') || counted || !c.issuedOn ? null : c.issuedOn;
      if (whole) {
        reopen(k, since, c);
        // a short form reads a candidate by its symbol and type: as the chunk describes it, as stored, and merged
        if (k.startsWith('#')) for (const v of [held.get(c.id), merged.get(c.id)]) if (v) reopen(k, since, v);
      } else {
        reopen(localKey(k, c.locality), since, c);
        reopen(localKey(k, null), since, c);
      }
    }
  }
  return keys;
}

/**
 * Whether a re-read row may now resolve differently: one of its references is filed under a
 * re-opened key, written on or after the candidates that re-opened it, or (a short form) fits one
 * of them (resolve.ts, shortFormMatches); a short form that fits none keeps its candidates. The
 * store returns rows by key and date; this also applies the short-form test, which it cannot.
 */
function mayChange(sides: readonly ({ ref: ReferenceTarget; citing: CitingContext } | null)[], reopened: ReadonlyMap<string, Reopened>): boolean {
  for (const side of sides) {
    if (!side) continue;
    const key = lookupKey(side.ref);
    if (key.startsWith('#')) {
      if (reopened.get(key)?.candidates.some((c) => shortFormMatches(side.ref.symbol, c))) return true;
      continue;
    }
    const written = side.citing.issuedOn ?? null;
    for (const k of [key, localKey(key, referenceLocality(side.ref, side.citing))]) {
      const why = reopened.get(k);
      if (why && (why.since === null || written === null || written >= why.since)) return true;
    }
  }
  return false;
}

function datedCounts(candidates: readonly Candidate[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of mergeCandidates(candidates)) if (c.issuedOn) for (const k of candidateKeys(c)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

/**
 * Re-resolve the stored references under these keys. `fetched` says which candidates the first
 * look-up read: every one of a key (null), or those of some localities.
 */
async function reresolve(batch: GraphBatch, store: Store, reopened: ReadonlyMap<string, Reopened>, known: Candidate[], fetched: ReadonlyMap<string, ReadonlySet<string> | null>): Promise<void> {
  if (!reopened.size) return;
  const keys = [...reopened.keys()].sort();
  const since = new Map<string, string>();
  for (const [k, why] of reopened) if (why.since !== null) since.set(k, why.since);
  const reloaded = new Set(batch.documents.map((d) => d.id));
  const rows = (await store.undatedEvidence(keys, since)).filter((row) => !reloaded.has(row.source));
  const refs = rows.map((row) => ({ row, to: parseRef(row.toRef, row.toHow), from: parseRef(row.fromRef, row.fromHow) })).filter((r) => mayChange([r.to, r.from], reopened));
  // Keys the first look-up did not read (short forms are filed under "#<number>"), or read only for
  // other localities: fetch all their candidates now.
  const missing = new Set<string>();
  for (const r of refs) {
    for (const side of [r.to, r.from]) {
      if (!side) continue;
      const key = lookupKey(side.ref);
      const scope = fetched.get(key);
      if (scope === null) continue;
      const locality = scope ? referenceLocality(side.ref, side.citing) : null;
      if (scope === undefined || locality === null || !scope.has(locality)) missing.add(key);
    }
  }
  const pool = missing.size ? [...known, ...(await store.candidates([...missing].sort()))] : known;
  const byKey = indexByKey(pool);
  const stubs = new Map(batch.stubs.map((s, i) => [s.id, i]));
  for (const { row, to, from } of refs) {
    const repoint: GraphBatch['repoint'][number] = { key: row.key };
    for (const [side, parsed] of [['to', to], ['from', from]] as const) {
      if (!parsed) continue;
      const { ref, citing } = parsed;
      // as at first resolution, a text is never its own candidate
      const target = resolveTarget(ref, citing, (byKey.get(lookupKey(ref)) ?? []).filter((c) => c.id !== row.source));
      const how = side === 'to' ? row.toHow : row.fromHow;
      const same = target.id === row[side];
      // Still ambiguous: its stub gets the candidates that arrived since, as a load of all files at once would list.
      if (same && target.how === how && target.how !== 'ambiguous') continue;
      if (!same || target.how !== how) {
        repoint[side] = target.id;
        repoint[side === 'to' ? 'toHow' : 'fromHow'] = target.how;
      }
      // several rows may land on one ambiguous stub, each with its own candidates: merge, never drop
      const stub = stubNode(target, ref);
      const at = stubs.get(stub.id);
      if (at === undefined) {
        stubs.set(stub.id, batch.stubs.length);
        batch.stubs.push(stub);
      } else batch.stubs[at] = mergeStub(batch.stubs[at], stub) ?? batch.stubs[at];
    }
    if (repoint.to || repoint.from) batch.repoint.push(repoint);
  }
}

function parseRef(json: string | null, how: string | null): { ref: ReferenceTarget; citing: CitingContext } | null {
  if (!json || how === 'dated') return null;
  return JSON.parse(json) as { ref: ReferenceTarget; citing: CitingContext };
}

/** Candidates by look-up key, one per id, merged as resolveExtractions merges them. */
function indexByKey(candidates: readonly Candidate[]): Map<string, Candidate[]> {
  const byKey = new Map<string, Candidate[]>();
  for (const c of mergeCandidates(candidates)) {
    for (const k of candidateKeys(c)) {
      const list = byKey.get(k);
      if (list) list.push(c);
      else byKey.set(k, [c]);
    }
  }
  return byKey;
}
