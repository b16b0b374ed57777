// One chunk of extractions → one graph batch: resolve its references against the chunk and the
// store, then re-resolve the stored undated references whose candidates this chunk changes.
// Re-resolution is driven by what changes: citing 45-NQ/TW for the thousandth time re-reads
// nothing, while the chunk that first brings a 45-NQ/TW document re-resolves every undated
// reference to it, once (keysToReread), and only those written on or after the new candidate's date.
// The candidate look-up reads, for a reference confined to a locality, that locality's documents of
// the symbol, not the country's (scopesOf); short forms ("#<number>") are read whole, except a stored
// one already ambiguous between symbols, which only gains the chunk's new candidates (stillAmbiguous).
import { buildBatch, stubNode, type LoadedDocument } from './batch.js';
import { fuller, mergeStub } from '../services/store/stubs.js';
import { ambiguousId, symbolKey } from './ids.js';
import { candidateKeys, candidatesOf, citingContextOf, indexCandidates, isDated, lookupKey, mergeCandidates, referenceLocality, resolveFiled, resolveWithIndex, shortFormMatches } from './resolve.js';
import type { Candidate, CitingContext, ResolvedTarget } from './resolve-types.js';
import type { Extraction, ReferenceTarget } from './types.js';
import type { DocumentNode, EvidenceRow, GraphBatch } from '../services/store/model.js';
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
  const [scoped, named] = await Promise.all([store.candidates(scopes), store.getDocuments(ids)]);
  const external = withHeld(scoped, named);
  // merged and indexed once: resolution, the re-opened keys and re-resolution all read this pool
  const pool = mergeCandidates([...external, ...own]);
  const candidates: Pool = { pool, byId: new Map(pool.map((c) => [c.id, c])), byKey: indexCandidates(pool) };
  const resolved = resolveWithIndex(extractions, candidates.byKey);
  const loaded: LoadedDocument[] = items.map((l, i) => ({ file: l.file, text: l.text, extraction: resolved[i] }));
  const batch = buildBatch(loaded);
  const fetched = new Map(scopes.map((s) => (typeof s === 'string' ? [s, null] : [s.key, new Set(s.localities)])));
  const held = new Map(external.map((c) => [c.id, c])); // what the store knew before this chunk
  await reresolve(batch, store, keysToReread(own, held, candidates, new Set(extractions.map((e) => e.document.id))), candidates, fetched, held);
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
      for (const t of [r.to, r.from]) if (t && !isDated(t)) need(lookupKey(t), referenceLocality(t, citing));
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

function keysToReread(own: readonly Candidate[], held: ReadonlyMap<string, Candidate>, { byId: merged, byKey }: Pool, documents: ReadonlySet<string>): Map<string, Reopened> {
  // dated candidates of a key, after this chunk and before it (what the store held); an id's date never changes
  const counts = new Map<string, { before: number; after: number }>();
  const dated = (k: string) => {
    let n = counts.get(k);
    if (!n) {
      n = { before: 0, after: 0 };
      for (const c of byKey.get(k) ?? []) {
        if (!c.issuedOn) continue;
        n.after++;
        if (held.has(c.id)) n.before++;
      }
      counts.set(k, n);
    }
    return n;
  };
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
      const after = dated(k).after;
      if (how === 'ranking' && after < 2 && !k.startsWith('#')) continue;
      // a reference never counts its own text (resolve.ts): for it the symbol may have one candidate fewer
      const before = dated(k).before;
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

/**
 * Re-resolve the stored references under these keys. `fetched` says which candidates the first
 * look-up read: every one of a key (null), or those of some localities.
 */
async function reresolve(batch: GraphBatch, store: Store, reopened: ReadonlyMap<string, Reopened>, { pool, byId: merged, byKey: known }: Pool, fetched: ReadonlyMap<string, ReadonlySet<string> | null>, held: ReadonlyMap<string, Candidate>): Promise<void> {
  if (!reopened.size) return;
  const keys = [...reopened.keys()].sort();
  const since = new Map<string, string>();
  for (const [k, why] of reopened) if (why.since !== null) since.set(k, why.since);
  const reloaded = new Set(batch.documents.map((d) => d.id));
  const rows = (await store.undatedEvidence(keys, since)).filter((row) => !reloaded.has(row.source));
  const refs = rows.map((row) => ({ row, to: parseRef(row.toRef, row.toHow), from: parseRef(row.fromRef, row.fromHow) })).filter((r) => mayChange([r.to, r.from], reopened));
  const growing = await stillAmbiguous(refs, reopened, held, merged, () => store.fileHashes(batch.files.map((f) => f.file)));
  // Keys the first look-up did not read (short forms are filed under "#<number>"), or read only for
  // other localities: fetch all their candidates now.
  const missing = new Set<string>();
  for (const r of refs) {
    for (const side of [r.to, r.from]) {
      if (!side || growing.has(side)) continue;
      const key = lookupKey(side.ref);
      const scope = fetched.get(key);
      if (scope === null) continue;
      const locality = scope ? referenceLocality(side.ref, side.citing) : null;
      if (scope === undefined || locality === null || !scope.has(locality)) missing.add(key);
    }
  }
  const byKey = missing.size ? indexCandidates(mergeCandidates([...pool, ...(await store.candidates([...missing].sort()))])) : known;
  const stubs = new Map(batch.stubs.map((s, i) => [s.id, i]));
  for (const { row, to, from } of refs) {
    const repoint: GraphBatch['repoint'][number] = { key: row.key };
    for (const [side, parsed] of [['to', to], ['from', from]] as const) {
      if (!parsed) continue;
      const { ref, citing } = parsed;
      // as at first resolution, a text is never its own candidate
      const target = growing.has(parsed)
        ? ambiguousWith(ref, reopened.get(lookupKey(ref))!.candidates.map((c) => merged.get(c.id) ?? c).filter((c) => c.id !== row.source))
        : resolveFiled(ref, citing, byKey.get(lookupKey(ref)) ?? [], row.source);
      if (!target) continue;
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

type Side = { ref: ReferenceTarget; citing: CitingContext };

/** A chunk's candidates, merged (one per id), by id and by look-up key (resolve.ts, indexCandidates). */
interface Pool {
  pool: readonly Candidate[];
  byId: ReadonlyMap<string, Candidate>;
  byKey: ReadonlyMap<string, readonly Candidate[]>;
}

/**
 * The stored short forms that name two symbols or more and stay ambiguous whatever this chunk
 * adds: a short form is ambiguous as soon as its candidates carry two symbols, and adding
 * candidates cannot undo that. Their stubs only gain the chunk's candidates (the stub merge keeps
 * the ones listed before), so "#<number>", every document of that number, need not be read again;
 * reading it for every such reference made each chunk's cost grow with the corpus. Only while
 * candidates are added: none that re-opened the key stops fitting (a stub of a law that learns it
 * is a "Luật" leaves "Nghị quyết số 35"), and the chunk replaces no stored file (a replaced text
 * takes its candidates away).
 */
async function stillAmbiguous(
  refs: readonly { row: EvidenceRow; to: Side | null; from: Side | null }[],
  reopened: ReadonlyMap<string, Reopened>,
  held: ReadonlyMap<string, Candidate>,
  merged: ReadonlyMap<string, Candidate>,
  storedFiles: () => Promise<ReadonlyMap<string, unknown>>,
): Promise<Set<Side>> {
  const out = new Set<Side>();
  for (const { row, to, from } of refs) {
    for (const [side, target, how] of [[to, row.to, row.toHow], [from, row.from, row.fromHow]] as const) {
      // the short form's own stub: two symbols or more (one symbol ambiguous among its dates is the symbol's stub)
      if (!side || how !== 'ambiguous' || target !== ambiguousId(side.ref.symbol)) continue;
      const key = lookupKey(side.ref);
      const why = reopened.get(key);
      if (!why || !key.startsWith('#')) continue;
      const fits = (c: Candidate | undefined) => !!c && shortFormMatches(side.ref.symbol, c);
      if (why.candidates.some((c) => fits(held.get(c.id)) && !fits(merged.get(c.id) ?? c))) continue;
      out.add(side);
    }
  }
  if (out.size && (await storedFiles()).size) return new Set();
  return out;
}

/** An ambiguous short form's target with the candidates that fit it, or null when none does. */
function ambiguousWith(ref: ReferenceTarget, candidates: readonly Candidate[]): ResolvedTarget | null {
  const ids = [...new Set(candidates.filter((c) => shortFormMatches(ref.symbol, c)).map((c) => c.id))].sort();
  return ids.length ? { id: ambiguousId(ref.symbol), symbol: ref.symbol, date: null, how: 'ambiguous', candidates: ids } : null;
}

function parseRef(json: string | null, how: string | null): { ref: ReferenceTarget; citing: CitingContext } | null {
  if (!json || how === 'dated') return null;
  return JSON.parse(json) as { ref: ReferenceTarget; citing: CitingContext };
}
