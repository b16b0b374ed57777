// Mercurius loaders: every per-document field that needs the store is batched per request, so a
// page of documents with their relations costs a fixed number of store calls. The documents those
// calls bring back are remembered (documents.ts): a relation's ends then need no call at all.
import type { MercuriusLoaders } from 'mercurius';
import { symbolKey } from '../../graph-loaders/ids.js';
import { ENDING_TYPES, endedBy, explain, type EndingFact } from '../domain/effect.js';
import { today } from '../domain/dates.js';
import type { DocumentNode, RelationType } from '../store/model.js';
import { groupRelations } from '../store/model.js';
import type { ChainStep } from '../store/port.js';
import type { ApiContext, ChainLinkView } from './context.js';
import { chainWalks, type ChainDirection } from './prefetch.js';

type Q<P = Record<string, unknown>> = { obj: DocumentNode; params: P };

/** Run one store call per distinct parameter set, and hand each query its part. */
async function byParams<P, R>(queries: Q<P>[], call: (ids: string[], params: P) => Promise<R[]>): Promise<R[]> {
  const groups = new Map<string, { params: P; indexes: number[] }>();
  queries.forEach((q, i) => {
    const key = JSON.stringify(q.params ?? {});
    const g = groups.get(key) ?? { params: q.params, indexes: [] };
    g.indexes.push(i);
    groups.set(key, g);
  });
  const out = new Array<R>(queries.length);
  for (const { params, indexes } of groups.values()) {
    const results = await call(
      indexes.map((i) => queries[i].obj.id),
      params,
    );
    indexes.forEach((i, k) => (out[i] = results[k]));
  }
  return out;
}

/** Incoming SUPERSEDES and AMENDS with their documents, in one store call: the facts a status is judged on. */
export async function endingFacts(ctx: ApiContext, ids: string[]): Promise<EndingFact[][]> {
  const { rows, documents } = await ctx.store.evidenceWithDocuments(ids, 'IN', ENDING_TYPES, ctx.documents.fields);
  ctx.documents.remember(documents);
  const docs = new Map(documents.map((d) => [d.id, d]));
  return rows.map((list) => list.map((row) => ({ row, from: docs.get(row.from) ?? null, source: docs.get(row.source) ?? null })));
}

/** Per id, what a root resolver read ahead (prefetch.ts), and the rest in one store call. */
async function readAheadOr<T>(ids: string[], take: (id: string) => T | undefined, read: (missing: string[]) => Promise<T[]>): Promise<T[]> {
  const out = ids.map(take);
  const missing = ids.filter((_, i) => out[i] === undefined);
  if (missing.length) {
    const found = await read(missing);
    let k = 0;
    out.forEach((v, i) => (out[i] = v ?? found[k++]));
  }
  return out as T[];
}

/** Relations of many documents, with the documents they name remembered for the request. */
async function relationsOf(ctx: ApiContext, queries: Q<Types>[], direction: 'IN' | 'OUT') {
  const rows = await byParams(queries, async (ids, p) => {
    const types = p.types ?? undefined;
    return readAheadOr(ids, (id) => ctx.relations.take(id, direction, types), async (missing) => {
      const found = await ctx.store.evidenceWithDocuments(missing, direction, types, ctx.documents.fields);
      ctx.documents.remember(found.documents);
      return found.rows;
    });
  });
  return rows.map(groupRelations);
}

/** Chain walks of many documents: those a root resolver read ahead, the rest in one store call. */
function chainsOf(ctx: ApiContext, ids: string[], direction: 'IN' | 'OUT', maxDepth: number): Promise<ChainStep[][]> {
  return readAheadOr(ids, (id) => ctx.relations.takeChain(id, direction, maxDepth), async (missing) => {
    const found = await ctx.store.chains(missing, direction, maxDepth, ctx.documents.fields);
    for (const steps of found) ctx.documents.remember(steps.map((s) => s.document));
    return found;
  });
}

type AsOf = { asOf?: string | null };
type Types = { types?: RelationType[] | null };
type Chain = { direction: ChainDirection; maxDepth: number };

export function makeLoaders(): MercuriusLoaders<ApiContext> {
  return {
    Document: {
      outgoing: (queries: Q<Types>[], ctx: ApiContext) => relationsOf(ctx, queries, 'OUT'),
      incoming: (queries: Q<Types>[], ctx: ApiContext) => relationsOf(ctx, queries, 'IN'),
      async effect(queries: Q<AsOf>[], ctx: ApiContext) {
        const facts = await endingFacts(
          ctx,
          queries.map((q) => q.obj.id),
        );
        return queries.map((q, i) => explain(q.obj, facts[i], q.params.asOf ?? today()));
      },
      async endedBy(queries: Q<AsOf>[], ctx: ApiContext) {
        const facts = await endingFacts(
          ctx,
          queries.map((q) => q.obj.id),
        );
        return queries.map((q, i) => groupRelations(endedBy(q.obj, facts[i], q.params.asOf ?? today())));
      },
      async supersessionChain(queries: Q<Chain>[], ctx: ApiContext) {
        return byParams(queries, async (ids, p) => {
          const walks = chainWalks(p.direction);
          const results = await Promise.all(walks.map(([dir]) => chainsOf(ctx, ids, dir, p.maxDepth)));
          return ids.map((_, i) =>
            walks.flatMap(([, direction], w) =>
              results[w][i].map<ChainLinkView>((s) => ({ documentId: s.id, depth: s.depth, direction, via: groupRelations(s.via)[0], truncated: s.truncated })),
            ),
          );
        });
      },
      async sameSymbol(queries: Q[], ctx: ApiContext) {
        const keys = queries.map((q) => q.obj.symbolKey ?? (q.obj.symbol ? symbolKey(q.obj.symbol) : ''));
        const unique = [...new Set(keys.filter(Boolean))];
        const found = await ctx.store.documentsBySymbol(unique, ctx.documents.fields);
        const byKey = new Map(unique.map((k, i) => [k, found[i]]));
        return queries.map((q, i) => (byKey.get(keys[i]) ?? []).filter((d) => d.id !== q.obj.id));
      },
      async text(queries: Q[], ctx: ApiContext) {
        return ctx.store.texts(queries.map((q) => q.obj.id));
      },
    },
  } as unknown as MercuriusLoaders<ApiContext>;
}
