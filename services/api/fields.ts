// What one GraphQL request can read of documents and evidence rows, so the store reads only that
// (on Neo4j, only those properties: the Neo4j GraphQL library's projections). The field set is the
// union over the whole operation, through fragments, so every document one request reads carries
// every field any resolver of that request can use: documents from different store calls can share
// the request's document map (documents.ts). GraphQL fields map to store fields here and only here;
// tests/api/fields.test.ts fails when a Document, Relation or Evidence field has no entry.
import { TypeInfo, visit, visitWithTypeInfo, type DocumentNode as Operation, type GraphQLSchema } from 'graphql';
import type { DocumentField, EvidenceField, ReadFields } from '../store/port.js';

/** What a GraphQL field needs read. `evidence` present (even empty) means evidence rows are read. */
export interface Needs {
  document?: readonly DocumentField[];
  evidence?: readonly EvidenceField[];
}

// What the effect and endedBy loaders judge on (domain/effect.ts): the document's own dates, the
// dates of the documents that end and assert it, and the ending rows' date, part, phrase and source.
const EFFECT_INPUTS: Needs = { document: ['issuedOn', 'issuedNotBefore', 'effectiveFrom', 'expiresOn'], evidence: ['effectiveFrom', 'scope', 'kind', 'source'] };

export const NEEDS: Record<'Document' | 'Relation' | 'Evidence', Record<string, Needs>> = {
  // the id always comes, and is all the per-document loaders (outgoing, chains, text ...) need
  Document: {
    id: {},
    symbol: { document: ['symbol'] },
    type: { document: ['type'] },
    issuer: { document: ['issuer'] },
    issuedOn: { document: ['issuedOn'] },
    issuedNotBefore: { document: ['issuedNotBefore'] },
    effectiveFrom: { document: ['effectiveFrom'] },
    expiresOn: { document: ['expiresOn'] },
    title: { document: ['title'] },
    place: { document: ['place'] },
    locality: { document: ['locality'] },
    term: { document: ['term'] },
    stub: { document: ['stub'] },
    ambiguous: { document: ['ambiguous'] },
    candidates: { document: ['candidates'] },
    sameSymbol: { document: ['symbolKey', 'symbol'] },
    file: { document: ['file'] },
    text: {},
    updatedAt: { document: ['updatedAt'] },
    status: { document: ['effect'] },
    effect: EFFECT_INPUTS,
    endedBy: EFFECT_INPUTS,
    supersessionChain: {},
    outgoing: {},
    incoming: {},
  },
  // a relation is its rows grouped (from, type, to: always read); any field of it needs the rows
  Relation: {
    id: { evidence: [] },
    type: { evidence: [] },
    from: { evidence: [] },
    to: { evidence: [] },
    kind: { evidence: ['kind'] },
    scope: { evidence: ['scope'] },
    curated: { evidence: ['curated'] },
    evidence: { evidence: [] },
  },
  Evidence: {
    quote: { evidence: ['quote'] },
    start: { evidence: ['start'] },
    end: { evidence: ['end'] },
    source: { evidence: ['curated', 'source'] },
    rule: { evidence: ['rule'] },
    kind: { evidence: ['kind'] },
    scope: { evidence: ['scope'] },
    effectiveFrom: { evidence: ['effectiveFrom'] },
    curated: { evidence: ['curated'] },
    author: { evidence: ['author'] },
    at: { evidence: ['at'] },
    reason: { evidence: ['reason'] },
    resolution: { evidence: ['toHow'] },
  },
};

/** `__typename` of a relation still needs the relation, so its rows. */
const TYPENAME: Partial<Record<keyof typeof NEEDS, Needs>> = { Relation: { evidence: [] } };

const known = new WeakMap<GraphQLSchema, WeakMap<Operation, { fields: ReadFields | undefined }>>();

/**
 * The fields a parsed request can read, computed once per parsed query (Mercurius reuses them).
 * Undefined, so whole reads, if it selects a field this file does not map.
 */
export function readFields(schema: GraphQLSchema, operation: Operation): ReadFields | undefined {
  let bySchema = known.get(schema);
  if (!bySchema) known.set(schema, (bySchema = new WeakMap()));
  let found = bySchema.get(operation);
  if (!found) bySchema.set(operation, (found = { fields: collect(schema, operation) }));
  return found.fields;
}

function collect(schema: GraphQLSchema, operation: Operation): ReadFields | undefined {
  const document = new Set<DocumentField>();
  let evidence: Set<EvidenceField> | null = null;
  let unmapped = false;
  const typeInfo = new TypeInfo(schema);
  // every field of every operation and fragment in the request: more than one operation needs is still right
  visit(
    operation,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType()?.name as keyof typeof NEEDS | undefined;
        if (!parent || !NEEDS[parent]) return;
        const name = node.name.value;
        const needs = name === '__typename' ? TYPENAME[parent] : Object.hasOwn(NEEDS[parent], name) ? NEEDS[parent][name] : undefined;
        if (!needs) {
          unmapped ||= name !== '__typename';
          return;
        }
        for (const f of needs.document ?? []) document.add(f);
        if (needs.evidence) {
          evidence ??= new Set();
          for (const f of needs.evidence) evidence.add(f);
        }
      },
    }),
  );
  if (unmapped) return undefined;
  return { document: [...document].sort(), evidence: evidence ? [...evidence].sort() : null };
}
