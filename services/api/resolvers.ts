// Thin resolvers: check arguments, call the store and the domain, shape the answer. Fields
// that need the store for each document resolve through loaders.ts instead.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { GraphQLScalarType, Kind, type GraphQLResolveInfo } from 'graphql';
import type { IResolvers } from 'mercurius';
import { symbolKey } from '../../graph-loaders/ids.js';
import { ingestText } from '../../graph-loaders/load.js';
import { decodeBase64, ingestBytes } from '../../graph-loaders/ingest-file.js';
import { RELATION_TYPES } from '../../graph-loaders/types.js';
import { CURATION_SOURCE, curatedEvidenceKey } from '../domain/curation.js';
import { isIsoDate, today } from '../domain/dates.js';
import { EFFECT_STATUSES, IN_EFFECT_VALUES, statusOn, statusPredicate, type EffectStatusValue, type StatusPredicate } from '../domain/effect.js';
import type { Curation, DocumentNode, EvidenceRow, Relation, RelationType } from '../store/model.js';
import { emptyBatch, groupRelations, relationKey } from '../store/model.js';
import type { DocumentPage, DocumentQuery } from '../store/port.js';
import { requireWriter } from './auth.js';
import type { ApiContext, ChainLinkView } from './context.js';
import { badInput, notFound } from './errors.js';
import { chainWalks, selectedChain, selectedOutgoing } from './prefetch.js';
import { selectedFields } from './selection.js';

const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (v) => v,
  parseValue(v) {
    if (typeof v !== 'string' || !isIsoDate(v)) throw badInput(`not a date (YYYY-MM-DD): ${String(v).slice(0, 40)}`);
    return v;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || !isIsoDate(ast.value)) throw badInput('a Date must be a string YYYY-MM-DD');
    return ast.value;
  },
});

const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant, ISO 8601.',
  serialize: (v) => v,
  parseValue(v) {
    if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) throw badInput(`not a date-time: ${String(v).slice(0, 40)}`);
    return new Date(v).toISOString();
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || Number.isNaN(Date.parse(ast.value))) throw badInput('a DateTime must be an ISO 8601 string');
    return new Date(ast.value).toISOString();
  },
});

interface FilterInput {
  symbol?: string | null;
  type?: string | null;
  issuer?: string | null;
  issuedFrom?: string | null;
  issuedTo?: string | null;
  inEffectOn?: string | null;
  status?: EffectStatusValue | null;
  statusOn?: string | null;
  text?: string | null;
  includeStubs?: boolean | null;
  changedSince?: string | null;
}

const MAX_TEXT_FILTER = 200;

export function toQuery(filter: FilterInput | null | undefined): DocumentQuery {
  const f = filter ?? {};
  const q: DocumentQuery = {};
  if (f.symbol) q.symbolKey = symbolKey(f.symbol);
  if (f.type) q.type = f.type;
  if (f.issuer) q.issuer = f.issuer;
  if (f.issuedFrom) q.issuedFrom = f.issuedFrom;
  if (f.issuedTo) q.issuedTo = f.issuedTo;
  if (f.text) {
    if (f.text.length > MAX_TEXT_FILTER) throw badInput(`text filter longer than ${MAX_TEXT_FILTER} characters`);
    q.text = f.text;
  }
  if (f.includeStubs === false) q.includeStubs = false;
  if (f.changedSince) q.changedSince = f.changedSince;
  // every filter must hold: in effect on one date, and a status on another
  const predicate: StatusPredicate = [];
  if (f.inEffectOn) predicate.push(...statusPredicate(IN_EFFECT_VALUES, f.inEffectOn));
  if (f.status) predicate.push(...statusPredicate([f.status], f.statusOn ?? today()));
  else if (f.statusOn) throw badInput('statusOn needs status');
  if (predicate.length) q.status = predicate;
  return q;
}

/** Where a page's documents sit under `documents`. */
const PAGE_DOCUMENT = ['edges', 'node'];

function pageSize(first: number | null | undefined, max: number): number {
  const n = first ?? 20;
  if (n < 0 || n > max) throw badInput(`first must be between 0 and ${max}`);
  return n;
}

async function requireDocument(ctx: ApiContext, id: string): Promise<DocumentNode> {
  const [doc] = await ctx.store.getDocuments([id]);
  if (!doc) throw notFound(`no document with id ${id}`);
  return doc;
}

function curatedRow(c: Curation, quote: string | null): EvidenceRow {
  return {
    key: curatedEvidenceKey(c.id),
    from: c.from,
    to: c.to,
    type: c.type,
    source: CURATION_SOURCE,
    quote: quote ?? c.reason,
    start: null,
    end: null,
    rule: 'curated',
    kind: null,
    scope: null,
    effectiveFrom: null,
    curated: true,
    author: c.author,
    at: c.at,
    reason: c.reason,
    toRef: null,
    toHow: 'curated',
    fromRef: null,
    fromHow: 'curated',
  };
}

function checkType(type: string): RelationType {
  if (!(RELATION_TYPES as readonly string[]).includes(type)) throw badInput(`unknown relation type ${type}`);
  return type as RelationType;
}

export function makeResolvers(): IResolvers<unknown, ApiContext> {
  return {
    Date: DateScalar,
    DateTime: DateTimeScalar,
    Query: {
      async document(_: unknown, { id }: { id: string }, ctx: ApiContext, info: GraphQLResolveInfo) {
        const outgoing = selectedOutgoing(info);
        const chain = selectedChain(info);
        const reads: Promise<void>[] = [];
        if (outgoing) {
          // the document, its relations and their targets in one store call (prefetch.ts)
          reads.push(
            ctx.store.evidenceWithDocuments([id], 'OUT', outgoing.types, ctx.documents.fields).then((found) => {
              ctx.documents.remember(found.documents, [id]);
              ctx.relations.put([id], 'OUT', outgoing.types, found.rows);
            }),
          );
        }
        if (chain) {
          // the document and its chain (each way asked) in one store call each; the document once
          for (const [dir] of chainWalks(chain.direction)) {
            const withDocument = !outgoing && reads.length === 0;
            reads.push(
              (withDocument
                ? ctx.store.chainsWithDocuments([id], dir, chain.maxDepth, ctx.documents.fields)
                : ctx.store.chains([id], dir, chain.maxDepth, ctx.documents.fields).then((steps) => ({ steps, documents: null }))
              ).then(({ steps, documents }) => {
                if (documents) ctx.documents.remember(documents, [id]);
                ctx.documents.remember(steps[0].map((s) => s.document));
                ctx.relations.putChain(id, dir, chain.maxDepth, steps[0]);
              }),
            );
          }
        }
        await Promise.all(reads);
        return ctx.documents.get(id);
      },
      async documents(_: unknown, args: { filter?: FilterInput; first?: number; after?: string | null }, ctx: ApiContext, info: GraphQLResolveInfo) {
        const first = pageSize(args.first, ctx.config.maxPageSize);
        const query = toQuery(args.filter);
        // counting every match is the costly part in Neo4j: only when the query asks for it
        const options = { count: selectedFields(info, 'totalCount').length > 0, fields: ctx.documents.fields };
        const outgoing = selectedOutgoing(info, PAGE_DOCUMENT);
        let page: DocumentPage;
        if (outgoing) {
          // the page, its items' relations and their targets in one store call (prefetch.ts)
          const found = await ctx.store.findDocumentsWithEvidence(query, first, args.after ?? null, { direction: 'OUT', types: outgoing.types }, options);
          page = found.page;
          ctx.documents.remember(found.evidence.documents);
          ctx.relations.put(
            page.items.map((i) => i.id),
            'OUT',
            outgoing.types,
            found.evidence.rows,
          );
        } else page = await ctx.store.findDocuments(query, first, args.after ?? null, options);
        ctx.documents.remember(page.items.map((i) => i.document));
        const edges = page.items.map((item) => ({ cursor: item.cursor, node: item.document }));
        return { edges, totalCount: page.totalCount, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.items.at(-1)?.cursor ?? null } };
      },
      async documentsBySymbol(_: unknown, { symbol }: { symbol: string }, ctx: ApiContext) {
        const [docs] = await ctx.store.documentsBySymbol([symbolKey(symbol)], ctx.documents.fields);
        return docs;
      },
      async path(_: unknown, args: { from: string; to: string; maxDepth: number }, ctx: ApiContext) {
        if (args.maxDepth < 1 || args.maxDepth > 10) throw badInput('maxDepth must be between 1 and 10');
        const hops = await ctx.store.path(args.from, args.to, args.maxDepth);
        if (!hops) return null;
        const relations = hops.map((rows) => groupRelations(rows)[0]);
        const ids = [args.from];
        for (const r of relations) ids.push(r.from === ids.at(-1) ? r.to : r.from);
        const documents = await ctx.documents.many(ids);
        return { length: relations.length, documents, relations };
      },
      async stats(_: unknown, { asOf }: { asOf?: string | null }, ctx: ApiContext) {
        return { ...(await ctx.store.stats()), asOf: asOf ?? today() };
      },
      async curations(_: unknown, { first }: { first: number }, ctx: ApiContext) {
        if (first < 1 || first > 100) throw badInput('first must be between 1 and 100');
        const all = await ctx.store.curations();
        return all.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1)).slice(0, first);
      },
    },
    Stats: {
      // counted only when asked: six counts over every document (the explorer's list asks for types only)
      async byStatus(parent: { asOf: string }, _: unknown, ctx: ApiContext) {
        const pages = await Promise.all(EFFECT_STATUSES.map((s) => ctx.store.findDocuments({ status: statusPredicate([s], parent.asOf) }, 0, null)));
        return EFFECT_STATUSES.map((key, i) => ({ key, count: pages[i].totalCount }));
      },
    },
    Document: {
      // the name of the file, not where it sits on the server
      file: (doc: DocumentNode) => (doc.file ? path.basename(doc.file) : null),
      status(doc: DocumentNode, { asOf }: { asOf?: string | null }) {
        return statusOn(doc.effect, asOf ?? today());
      },
      candidates: async (doc: DocumentNode, _: unknown, ctx: ApiContext) => (await ctx.documents.many(doc.candidates)).filter(Boolean),
    },
    // the ends of a relation were read with it (documents.ts): these answer without a store call
    Relation: {
      from: (r: Relation, _: unknown, ctx: ApiContext) => ctx.documents.get(r.from),
      to: (r: Relation, _: unknown, ctx: ApiContext) => ctx.documents.get(r.to),
      id: (r: Relation) => r.key,
      kind: (r: Relation) => r.evidence.find((e) => e.kind)?.kind ?? null,
      scope: (r: Relation) => (r.evidence.every((e) => e.scope) ? r.evidence.find((e) => e.scope)!.scope : null),
      curated: (r: Relation) => r.evidence.some((e) => e.curated),
    },
    Evidence: {
      resolution: (e: EvidenceRow) => e.toHow,
      source: (e: EvidenceRow, _: unknown, ctx: ApiContext) => (e.curated ? null : ctx.documents.get(e.source)),
    },
    ChainLink: {
      document: (link: ChainLinkView, _: unknown, ctx: ApiContext) => ctx.documents.get(link.documentId),
    },
    Curation: {
      from: (c: Curation, _: unknown, ctx: ApiContext) => ctx.documents.get(c.from),
      to: (c: Curation, _: unknown, ctx: ApiContext) => ctx.documents.get(c.to),
    },
    EffectReason: {
      relation: (reason: { row: EvidenceRow | null }) => (reason.row ? groupRelations([reason.row])[0] : null),
    },
    Effect: {
      status: (e: { value: EffectStatusValue }) => e.value,
    },
    Mutation: {
      async ingestDocument(_: unknown, { filename, text }: { filename: string; text: string }, ctx: ApiContext) {
        requireWriter(ctx.author, ctx.config.tokens);
        if (!filename.trim() || filename.length > 300) throw badInput('filename must be 1 to 300 characters');
        const result = await ingestText(ctx.store, filename, text);
        if ('error' in result) throw badInput(`${filename}: ${result.error}`);
        return requireDocument(ctx, result.id);
      },
      async ingestFile(_: unknown, { filename, contentBase64 }: { filename: string; contentBase64: string }, ctx: ApiContext) {
        requireWriter(ctx.author, ctx.config.tokens);
        if (!filename.trim() || filename.length > 300) throw badInput('filename must be 1 to 300 characters');
        const bytes = decodeBase64(contentBase64);
        if (!bytes) throw badInput(`${filename}: contentBase64 is not base64`);
        const result = await ingestBytes(ctx.store, filename, bytes);
        if ('error' in result) throw badInput(`${filename}: ${result.error}`);
        return requireDocument(ctx, result.id);
      },
      async addRelation(_: unknown, args: { from: string; to: string; type: string; reason: string; quote?: string | null }, ctx: ApiContext) {
        const author = requireWriter(ctx.author, ctx.config.tokens);
        const type = checkType(args.type);
        if (!args.reason.trim()) throw badInput('a reason is required');
        if (args.from === args.to) throw badInput('a document cannot relate to itself');
        await requireDocument(ctx, args.from);
        await requireDocument(ctx, args.to);
        const curation: Curation = { id: randomUUID(), action: 'ADD', from: args.from, to: args.to, type, reason: args.reason, author, at: new Date().toISOString() };
        const batch = emptyBatch();
        batch.curations.push(curation);
        batch.evidence.push(curatedRow(curation, args.quote ?? null));
        await ctx.store.applyBatch(batch);
        const [rows] = await ctx.store.evidenceOf([args.from], 'OUT', [type]);
        return groupRelations(rows).find((r) => r.key === relationKey(args.from, type, args.to));
      },
      async removeRelation(_: unknown, args: { from: string; to: string; type: string; reason: string }, ctx: ApiContext) {
        const author = requireWriter(ctx.author, ctx.config.tokens);
        const type = checkType(args.type);
        if (!args.reason.trim()) throw badInput('a reason is required');
        const [rows] = await ctx.store.evidenceOf([args.from], 'OUT', [type]);
        if (!rows.some((r) => r.to === args.to)) throw notFound(`no ${type} relation from ${args.from} to ${args.to}`);
        const curation: Curation = { id: randomUUID(), action: 'REMOVE', from: args.from, to: args.to, type, reason: args.reason, author, at: new Date().toISOString() };
        const batch = emptyBatch();
        batch.curations.push(curation);
        await ctx.store.applyBatch(batch);
        return curation;
      },
    },
  } as IResolvers<unknown, ApiContext>;
}
