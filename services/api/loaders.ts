// Mercurius loaders: every field that needs the store is batched per request, so a page of
// documents with their relations and targets costs a fixed number of store calls.
import type { MercuriusLoaders } from 'mercurius';
import { symbolKey } from '../../graph-loaders/ids.js';
import { endedBy, explain, type EndingFact } from '../domain/effect.js';
import { today } from '../domain/dates.js';
import type { DocumentNode, EvidenceRow, Relation, RelationType } from '../store/model.js';
import { relationViews } from './views.js';
import type { ApiContext, ChainLinkView } from './context.js';

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

/** Documents by id for many queries, in one store call. */
async function documentsFor(ctx: ApiContext, ids: (string | null)[]): Promise<(DocumentNode | null)[]> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  const docs = await ctx.store.getDocuments(unique);
  const byId = new Map(unique.map((id, i) => [id, docs[i]]));
  return ids.map((id) => (id ? (byId.get(id) ?? null) : null));
}

/** Incoming SUPERSEDES and AMENDS with their documents: the facts a status is judged on. */
export async function endingFacts(ctx: ApiContext, ids: string[]): Promise<EndingFact[][]> {
  const rows = await ctx.store.evidenceOf(ids, 'IN', ['SUPERSEDES', 'AMENDS']);
  const related = await documentsFor(
    ctx,
    rows.flat().flatMap((r) => [r.from, r.source]),
  );
  const docs = new Map<string, DocumentNode>();
  for (const d of related) if (d) docs.set(d.id, d);
  return rows.map((list) => list.map((row) => ({ row, from: docs.get(row.from) ?? null, source: docs.get(row.source) ?? null })));
}

type AsOf = { asOf?: string | null };
type Types = { types?: RelationType[] | null };
type Chain = { direction: 'NEWER' | 'OLDER' | 'BOTH'; maxDepth: number };

export function makeLoaders(): MercuriusLoaders<ApiContext> {
  return {
    Document: {
      async outgoing(queries: Q<Types>[], ctx: ApiContext) {
        const rows = await byParams(queries, (ids, p) => ctx.store.evidenceOf(ids, 'OUT', p.types ?? undefined));
        return rows.map(relationViews);
      },
      async incoming(queries: Q<Types>[], ctx: ApiContext) {
        const rows = await byParams(queries, (ids, p) => ctx.store.evidenceOf(ids, 'IN', p.types ?? undefined));
        return rows.map(relationViews);
      },
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
        return queries.map((q, i) => relationViews(endedBy(q.obj, facts[i], q.params.asOf ?? today())));
      },
      async supersessionChain(queries: Q<Chain>[], ctx: ApiContext) {
        return byParams(queries, async (ids, p) => {
          const walks: [ 'IN' | 'OUT', 'NEWER' | 'OLDER'][] = [];
          if (p.direction !== 'OLDER') walks.push(['IN', 'NEWER']);
          if (p.direction !== 'NEWER') walks.push(['OUT', 'OLDER']);
          const results = await Promise.all(walks.map(([dir]) => ctx.store.chains(ids, dir, p.maxDepth)));
          return ids.map((_, i) =>
            walks.flatMap(([, direction], w) =>
              results[w][i].map<ChainLinkView>((s) => ({ documentId: s.id, depth: s.depth, direction, via: relationViews(s.via)[0], truncated: s.truncated })),
            ),
          );
        });
      },
      async candidates(queries: Q[], ctx: ApiContext) {
        const flat = queries.flatMap((q) => q.obj.candidates);
        const docs = await documentsFor(ctx, flat);
        let at = 0;
        return queries.map((q) => docs.slice(at, (at += q.obj.candidates.length)).filter(Boolean));
      },
      async sameSymbol(queries: Q[], ctx: ApiContext) {
        const keys = queries.map((q) => q.obj.symbolKey ?? (q.obj.symbol ? symbolKey(q.obj.symbol) : ''));
        const unique = [...new Set(keys.filter(Boolean))];
        const found = await ctx.store.documentsBySymbol(unique);
        const byKey = new Map(unique.map((k, i) => [k, found[i]]));
        return queries.map((q, i) => (byKey.get(keys[i]) ?? []).filter((d) => d.id !== q.obj.id));
      },
      async text(queries: Q[], ctx: ApiContext) {
        return ctx.store.texts(queries.map((q) => q.obj.id));
      },
    },
    Relation: {
      async from(queries: { obj: Relation }[], ctx: ApiContext) {
        return documentsFor(
          ctx,
          queries.map((q) => q.obj.from),
        );
      },
      async to(queries: { obj: Relation }[], ctx: ApiContext) {
        return documentsFor(
          ctx,
          queries.map((q) => q.obj.to),
        );
      },
    },
    Evidence: {
      async source(queries: { obj: EvidenceRow }[], ctx: ApiContext) {
        return documentsFor(
          ctx,
          queries.map((q) => (q.obj.curated ? null : q.obj.source)),
        );
      },
    },
    ChainLink: {
      async document(queries: { obj: ChainLinkView }[], ctx: ApiContext) {
        return documentsFor(
          ctx,
          queries.map((q) => q.obj.documentId),
        );
      },
    },
    Curation: {
      async from(queries: { obj: { from: string } }[], ctx: ApiContext) {
        return documentsFor(
          ctx,
          queries.map((q) => q.obj.from),
        );
      },
      async to(queries: { obj: { to: string } }[], ctx: ApiContext) {
        return documentsFor(
          ctx,
          queries.map((q) => q.obj.to),
        );
      },
    },
  } as unknown as MercuriusLoaders<ApiContext>;
}
