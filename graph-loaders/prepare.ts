// One chunk of extractions → one graph batch: resolve its references against the chunk and the
// store, then re-resolve the stored undated references whose candidates this chunk changes.
// Re-resolution is driven by what changes: citing 45-NQ/TW for the thousandth time re-reads
// nothing, while the chunk that first brings a 45-NQ/TW document re-resolves every undated
// reference to it, once (keysToReread). The candidate look-up itself still reads every document
// of each symbol a chunk names, nationwide, which is what now grows with the store (BENCHMARKS.md).
import { buildBatch, stubNode, type LoadedDocument } from './batch.js';
import { fuller, mergeStub } from '../services/store/stubs.js';
import { symbolKey } from './ids.js';
import { candidateKeys, candidatesOf, lookupKey, mergeCandidates, resolveExtractions, resolveTarget } from './resolve.js';
import type { Candidate, CitingContext } from './resolve-types.js';
import type { Extraction, ReferenceTarget } from './types.js';
import type { GraphBatch } from '../services/store/model.js';
import { localKey } from '../services/store/keys.js';
import type { Store } from '../services/store/port.js';

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
  const external = await store.candidates(keys);
  const resolved = resolveExtractions(extractions, external);
  const loaded: LoadedDocument[] = items.map((l, i) => ({ file: l.file, text: l.text, extraction: resolved[i] }));
  const batch = buildBatch(loaded);
  const known = [...external, ...own];
  await reresolve(batch, store, keysToReread(own, external, known, new Set(extractions.map((e) => e.document.id))), known, new Set(keys));
  return batch;
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
function keysToReread(own: readonly Candidate[], external: readonly Candidate[], known: readonly Candidate[], documents: ReadonlySet<string>): string[] {
  const held = new Map(external.map((c) => [c.id, c]));
  const datedBefore = datedCounts(external);
  const datedAfter = datedCounts(known);
  const keys = new Set<string>();
  for (const c of own) {
    const how = change(c, held.get(c.id), documents.has(c.id));
    if (how === 'none') continue;
    for (const k of candidateKeys(c)) {
      const after = datedAfter.get(k) ?? 0;
      if (how === 'ranking' && after < 2 && !k.startsWith('#')) continue;
      // a reference never counts its own text (resolve.ts): for it the symbol may have one candidate fewer
      const before = datedBefore.get(k) ?? 0;
      const whole = k.startsWith('#') || !c.locality || !c.issuedOn || (before <= 2 && after >= 2 && after > before);
      if (whole) keys.add(k);
      else keys.add(localKey(k, c.locality)).add(localKey(k, null));
    }
  }
  return [...keys].sort();
}

function datedCounts(candidates: readonly Candidate[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of mergeCandidates(candidates)) if (c.issuedOn) for (const k of candidateKeys(c)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

async function reresolve(batch: GraphBatch, store: Store, keys: readonly string[], known: Candidate[], fetched: Set<string>): Promise<void> {
  if (!keys.length) return;
  const reloaded = new Set(batch.documents.map((d) => d.id));
  const rows = (await store.undatedEvidence(keys)).filter((row) => !reloaded.has(row.source));
  const refs = rows.map((row) => ({ row, to: parseRef(row.toRef, row.toHow), from: parseRef(row.fromRef, row.fromHow) }));
  // Short forms are filed under "#<number>", which the first lookup did not read: fetch those now.
  const missing = new Set<string>();
  for (const r of refs) for (const side of [r.to, r.from]) if (side && !fetched.has(lookupKey(side.ref))) missing.add(lookupKey(side.ref));
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
