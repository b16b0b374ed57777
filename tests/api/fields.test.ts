// Projections (api/fields.ts): a request reads only the store fields its selections can use. These
// tests hold that to two promises: every GraphQL field of Document, Relation and Evidence is mapped,
// and every answer is the same as with whole reads, field by field, in every place a document,
// relation or evidence row can appear, on both stores.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSchema, getNamedType, isLeafType, parse, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEEDS, readFields } from '../../services/api/fields.js';
import { SCHEMA_SDL } from '../../services/server.js';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import type { Store } from '../../services/store/port.js';
import { testServer, type TestServer } from '../support/api.js';
import { AMBIGUOUS, everyFieldBatches, FULL, LATER, NEWER, UNDATED } from '../support/fixtures.js';
import { closeNeo4j, freshNeo4j, neo4jConfig } from '../support/neo4j.js';

const schema = buildSchema(SCHEMA_SDL);
const fieldsOf = (type: string) => Object.values((schema.getType(type) as GraphQLObjectType).getFields());
const fieldsFor = (query: string) => readFields(schema, parse(query));

describe('the field map', () => {
  it('maps every field of Document, Relation and Evidence, and nothing else', () => {
    for (const type of ['Document', 'Relation', 'Evidence'] as const) {
      expect(Object.keys(NEEDS[type]).sort(), type).toEqual(fieldsOf(type).map((f) => f.name).sort());
    }
  });

  it('reads what the selections use, through aliases, fragments and nested types', () => {
    expect(fieldsFor('{ document(id: "x") { id t: title } }')).toEqual({ document: ['title'], evidence: null });
    expect(fieldsFor('query($id: ID!) { document(id: $id) { ...D } } fragment D on Document { ... on Document { issuer } outgoing { to { symbol } evidence { q: quote } } }')).toEqual({
      document: ['issuer', 'symbol'],
      evidence: ['quote'],
    });
    // status derives from the effect summary; effect and endedBy judge ending rows and documents
    expect(fieldsFor('{ document(id: "x") { status } }')).toEqual({ document: ['effect'], evidence: null });
    expect(fieldsFor('{ document(id: "x") { effect { reasons { relation { curated } } } } }')).toEqual({
      document: ['effectiveFrom', 'expiresOn', 'issuedNotBefore', 'issuedOn'],
      evidence: ['curated', 'effectiveFrom', 'kind', 'scope', 'source'],
    });
    // a chain of documents reads no evidence; a chain that shows its relation does, even for __typename
    expect(fieldsFor('{ document(id: "x") { supersessionChain { depth document { id } } } }')).toEqual({ document: [], evidence: null });
    expect(fieldsFor('{ document(id: "x") { supersessionChain { via { __typename } } } }')).toEqual({ document: [], evidence: [] });
    // sameSymbol finds its documents by the symbol key; a source needs to know a curation
    expect(fieldsFor('{ document(id: "x") { sameSymbol { id } incoming { evidence { source { id } } } } }')).toEqual({ document: ['symbol', 'symbolKey'], evidence: ['curated', 'source'] });
  });

  it('is computed once per parsed query', () => {
    const doc = parse('{ document(id: "x") { title } }');
    expect(readFields(schema, doc)).toBe(readFields(schema, doc));
  });
});

/** The store as a caller that never passes fields sees it: whole documents and rows. */
function wholeReads(store: Store): Store {
  const fieldsAt: Record<string, number> = { getDocuments: 1, evidenceWithDocuments: 3, documentsBySymbol: 1, chains: 3, chainsWithDocuments: 3 };
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (prop === 'findDocuments') return (q: unknown, first: unknown, after: unknown, options?: { count?: boolean }) => value.call(target, q, first, after, options && { count: options.count });
      if (prop === 'findDocumentsWithEvidence')
        return (q: unknown, first: unknown, after: unknown, relations: unknown, options?: { count?: boolean }) => value.call(target, q, first, after, relations, options && { count: options.count });
      const at = fieldsAt[String(prop)];
      return at === undefined ? value.bind(target) : (...args: unknown[]) => value.apply(target, args.slice(0, at));
    },
  });
}

/** A store that notes which reads were given fields. */
function noting(store: Store, given: Set<string>): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const last = args.at(-1) as { fields?: unknown; document?: unknown } | undefined;
        if (last && typeof last === 'object' && ('document' in last || last.fields)) given.add(String(prop));
        return value.apply(target, args);
      };
    },
  });
}

const AS_OF = '(asOf: "2026-01-01")';

/** One field as a selection: a leaf as it is, an object with enough below it to use what it read. */
function selection(field: GraphQLField<unknown, unknown>): string {
  const args = field.args.some((a) => a.name === 'asOf') ? AS_OF : '';
  const type = getNamedType(field.type);
  if (isLeafType(type)) return `${field.name}${args}`;
  const below: Record<string, string> = {
    Document: 'id',
    Relation: 'id',
    Evidence: 'quote',
    Effect: 'status asOf presumed reasons { kind date presumed message relation { id kind scope } }',
    ChainLink: 'depth direction truncated document { id }',
  };
  return `${field.name}${args} { ${below[type.name]} }`;
}

const IDS = [FULL, LATER, NEWER, UNDATED, AMBIGUOUS];
const each = (body: (id: string) => string) => IDS.map((id, i) => `d${i}: document(id: ${JSON.stringify(id)}) { ${body(id)} }`).join('\n');

/** Every place a document appears, each with the selection S. */
const documentPlaces = (s: string) => [
  `{ ${each(() => s)} documents(first: 50) { edges { node { ${s} } } } documentsBySymbol(symbol: "12-NQ/TW") { ${s} }
     path(from: ${JSON.stringify(LATER)}, to: ${JSON.stringify(UNDATED)}) { documents { ${s} } } curations(first: 5) { from { ${s} } to { ${s} } } }`,
  `{ ${each(() => `outgoing { to { ${s} } from { ${s} } } incoming { from { ${s} } evidence { source { ${s} } } } candidates { ${s} } sameSymbol { ${s} }`)} }`,
  `{ ${each(() => `supersessionChain { document { ${s} } }`)} }`,
  `{ ${each(() => `endedBy${AS_OF} { from { ${s} } } effect${AS_OF} { reasons { relation { from { ${s} } to { ${s} } } } }`)} }`,
];

const relationPlaces = (s: string) => [
  `{ ${each(() => `outgoing { ${s} } incoming { ${s} }`)} documents(first: 50) { edges { node { outgoing { ${s} } } } } }`,
  `{ ${each(() => `supersessionChain { via { ${s} } }`)} }`,
  `{ ${each(() => `endedBy${AS_OF} { ${s} } effect${AS_OF} { reasons { relation { ${s} } } }`)} }`,
];

/** Every value under `key` anywhere in an answer. */
function valuesOf(data: unknown, key: string): unknown[] {
  if (Array.isArray(data)) return data.flatMap((d) => valuesOf(d, key));
  if (!data || typeof data !== 'object') return [];
  return Object.entries(data).flatMap(([k, v]) => [...(k === key ? [v] : []), ...valuesOf(v, key)]);
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

for (const [name, open] of [
  ['embedded', async () => EmbeddedStore.open({ dataDir: dirs[dirs.push(mkdtempSync(path.join(os.tmpdir(), 'cg-fields-'))) - 1] })],
  ['neo4j', neo4jConfig() ? freshNeo4j : null],
] as const) {
  // each sweep sends a few hundred queries in turn: on a busy Neo4j that outlasts the default timeout
  describe.skipIf(!open)(`answers with projections are the answers with whole reads: ${name}`, { timeout: 180_000 }, () => {
    let store: Store;
    let projected: TestServer;
    let whole: TestServer;
    const given = new Set<string>();

    beforeAll(async () => {
      store = await open!();
      for (const b of everyFieldBatches()) await store.applyBatch(b);
      projected = await testServer({ SAMPLE_CORPUS: 'false' }, noting(store, given));
      whole = await testServer({ SAMPLE_CORPUS: 'false' }, wholeReads(store));
    });
    afterAll(async () => {
      await projected?.app.close();
      await whole?.app.close();
      await store?.close();
      if (name === 'neo4j') await closeNeo4j();
    });

    const same = async (query: string) => {
      const [a, b] = await Promise.all([projected.gql(query), whole.gql(query)]);
      expect(b.body.errors, `${query}\n${JSON.stringify(b.body.errors)}`).toBeUndefined();
      expect(a.body, query).toEqual(b.body);
      return b.body.data!;
    };

    it('for every Document field, wherever a document appears', async () => {
      for (const field of fieldsOf('Document')) {
        const values: unknown[] = [];
        for (const query of documentPlaces(selection(field))) values.push(...valuesOf(await same(query), field.name));
        // the fixture sets each field somewhere, so a field read wrong cannot pass as empty
        expect(values.some((v) => v !== null && v !== false && !(Array.isArray(v) && !v.length)), field.name).toBe(true);
      }
      expect([...given].sort()).toEqual(expect.arrayContaining(['chains', 'chainsWithDocuments', 'documentsBySymbol', 'evidenceWithDocuments', 'findDocuments', 'findDocumentsWithEvidence', 'getDocuments']));
    });

    it('for every Relation and Evidence field, wherever a relation appears', async () => {
      for (const field of fieldsOf('Relation')) for (const query of relationPlaces(selection(field))) await same(query);
      for (const field of fieldsOf('Evidence')) for (const query of relationPlaces(`evidence { ${selection(field)} }`)) await same(query);
      for (const query of relationPlaces('__typename')) await same(query);
    });

    it('through fragments, aliases and variables', async () => {
      const query = `query($id: ID!, $t: [RelationType!], $d: Date) {
        a: document(id: $id) { ...D }
        b: documents(first: 3) { edges { node { ... on Document { s: status(asOf: $d) } } } }
      }
      fragment D on Document { t: title sameSymbol { id } outgoing(types: $t) { ... on Relation { k: kind evidence { ...E } } } effect(asOf: $d) { status } }
      fragment E on Evidence { q: quote r: resolution source { issuer } }`;
      for (const id of IDS) {
        const variables = { id, t: ['SUPERSEDES', 'CITES'], d: '2025-06-01' };
        const [a, b] = await Promise.all([projected.gql(query, variables), whole.gql(query, variables)]);
        expect(b.body.errors).toBeUndefined();
        expect(a.body).toEqual(b.body);
      }
    });
  });
}
