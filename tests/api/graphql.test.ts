// The GraphQL API over a hand-built graph: names integrations rely on, batching, status, errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../services/store/port.js';
import { testServer, type TestServer } from '../support/api.js';
import { closeNeo4j, freshNeo4j, neo4jConfig } from '../support/neo4j.js';
import { batch, doc, ev, KL312, KL96, NEW08, NQ45, OLD08, sampleBatch, STOP, stub } from '../support/fixtures.js';

// both stores: the API reads them through the same port, and Neo4j's reads are projected (api/fields.ts)
const STORES: [string, (() => Promise<Store>) | null][] = [
  ['embedded', null],
  ['neo4j', neo4jConfig() ? freshNeo4j : null],
];
afterAll(closeNeo4j);

for (const [storeName, open] of STORES) {
  describe.skipIf(storeName === 'neo4j' && !open)(`on the ${storeName} store`, () => {
    let s: TestServer;
    const server = async () => testServer({}, open ? await open() : undefined);

    beforeAll(async () => {
      s = await server();
      await s.store.applyBatch(sampleBatch());
    });
    afterAll(() => s.close());

    describe('documents and relations', () => {
      it('answers the foundation query by symbol', async () => {
        const { body } = await s.gql(`{ documents(filter: {symbol: "96-KL/TW"}) { totalCount edges { cursor node { symbol issuedOn stub outgoing { type to { symbol } } } } } }`);
        expect(body.errors).toBeUndefined();
        expect(body.data!.documents.totalCount).toBe(1);
        expect(body.data!.documents.edges[0].node).toEqual({ symbol: '96-KL/TW', issuedOn: '2024-09-30', stub: false, outgoing: [{ type: 'IMPLEMENTS', to: { symbol: '45-NQ/TW' } }] });
      });

      it('shows relations both ways with their evidence', async () => {
        const { body } = await s.gql(`query($id: ID!) { document(id: $id) { incoming(types: [IMPLEMENTS]) { id type from { id } evidence { quote start end source { id } rule resolution curated } } } }`, { id: NQ45 });
        expect(body.data!.document.incoming).toEqual([
          { id: `${KL96}|IMPLEMENTS|${NQ45}`, type: 'IMPLEMENTS', from: { id: KL96 }, evidence: [{ quote: 'về tiếp tục thực hiện Nghị quyết số 45-NQ/TW', start: 0, end: 10, source: { id: KL96 }, rule: 'test', resolution: 'dated', curated: false }] },
        ]);
      });

      it('returns null for an unknown document', async () => {
        const { body } = await s.gql(`{ document(id: "nope") { id } }`);
        expect(body).toEqual({ data: { document: null } });
      });

      it('warns of documents that share a symbol', async () => {
        const { body } = await s.gql(`query($id: ID!) { document(id: $id) { sameSymbol { id issuedOn } } documentsBySymbol(symbol: "08-nq/tu") { id } }`, { id: OLD08 });
        expect(body.data!.document.sameSymbol).toEqual([{ id: NEW08, issuedOn: '2022-12-06' }]);
        expect(body.data!.documentsBySymbol.map((d: { id: string }) => d.id)).toEqual([OLD08, NEW08]);
      });

      it('pages with cursors and a total count', async () => {
        const first = await s.gql(`{ documents(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`);
        const { totalCount, pageInfo } = first.body.data!.documents;
        expect(totalCount).toBe(6);
        expect(pageInfo.hasNextPage).toBe(true);
        const next = await s.gql(`query($after: String) { documents(first: 10, after: $after) { edges { node { id } } pageInfo { hasNextPage } } }`, { after: pageInfo.endCursor });
        expect(next.body.data!.documents.edges).toHaveLength(4);
        expect(next.body.data!.documents.pageInfo.hasNextPage).toBe(false);
      });

      it('searches without diacritics', async () => {
        for (const text of ['nghi quyet 45', 'NQ 45', 'Nghị quyết số 45-NQ/TW']) {
          const { body } = await s.gql(`query($text: String) { documents(filter: {text: $text}) { edges { node { id } } } }`, { text });
          expect(body.data!.documents.edges[0].node.id, text).toBe(NQ45);
        }
      });

      it('finds a path and counts the graph', async () => {
        const { body } = await s.gql(`query($a: ID!, $b: ID!) { path(from: $a, to: $b) { length documents { id } relations { type } } stats(asOf: "2026-11-01") { documents stubs relations byStatus { key count } byRelation { key count } } }`, { a: KL96, b: KL312 });
        expect(body.data!.path).toEqual({ length: 3, documents: [{ id: KL96 }, { id: NQ45 }, { id: STOP }, { id: KL312 }], relations: [{ type: 'IMPLEMENTS' }, { type: 'CITES' }, { type: 'SUPERSEDES' }] });
        expect(body.data!.stats.byStatus).toContainEqual({ key: 'SUPERSEDED', count: 2 });
        expect(body.data!.stats).toMatchObject({ documents: 6, stubs: 3, relations: 4 });
      });
    });

    describe('status on a date', () => {
      it('says 08-NQ/TU of 2013 is superseded now, in effect in 2020, and why', async () => {
        const { body } = await s.gql(
          `query($id: ID!) { document(id: $id) {
            now: status  past: status(asOf: "2020-01-01")
            effect(asOf: "2026-11-22") { status presumed reasons { kind presumed message relation { from { id } kind } } }
            endedBy { type kind from { id } evidence { quote } }
            supersessionChain(direction: NEWER) { document { id } depth direction truncated via { type } }
          } }`,
          { id: OLD08 },
        );
        expect(body.errors).toBeUndefined();
        const d = body.data!.document;
        expect(d.now).toBe('SUPERSEDED');
        expect(d.past).toBe('IN_EFFECT');
        expect(d.effect.status).toBe('SUPERSEDED');
        expect(d.effect.presumed).toBe(true); // the ending conclusion carries no date: issued no earlier than 2026-02-11
        expect(d.effect.reasons.find((r: { kind: string }) => r.kind === 'ENDED').relation).toEqual({ from: { id: STOP }, kind: 'dừng thực hiện' });
        expect(d.endedBy).toEqual([{ type: 'SUPERSEDES', kind: 'dừng thực hiện', from: { id: STOP }, evidence: [{ quote: 'và Nghị quyết số 08-NQ/TU, ngày 16/5/2013' }] }]);
        expect(d.supersessionChain).toEqual([{ document: { id: STOP }, depth: 1, direction: 'NEWER', truncated: false, via: { type: 'SUPERSEDES' } }]);
      });

      it('filters documents in effect on a date and by status', async () => {
        const q = `query($f: DocumentFilter) { documents(filter: $f, first: 50) { totalCount edges { node { id } } } }`;
        const inEffect = await s.gql(q, { f: { inEffectOn: '2026-11-01' } });
        const ids = inEffect.body.data!.documents.edges.map((e: { node: { id: string } }) => e.node.id);
        expect(ids).not.toContain(OLD08);
        expect(ids).not.toContain(KL312);
        expect(ids).toContain(NEW08);
        const superseded = await s.gql(q, { f: { status: 'SUPERSEDED', statusOn: '2025-06-01' } });
        expect(superseded.body.data!.documents.totalCount).toBe(0);
      });
    });

    describe('batching', () => {
      it('costs a fixed number of store calls for a page of 100 documents with relations and targets', async () => {
        const local = await server();
        try {
          const docs = Array.from({ length: 120 }, (_, i) => doc(`${i + 1}-KH/TU@2025-01-${String((i % 28) + 1).padStart(2, '0')}`));
          const targets = Array.from({ length: 10 }, (_, i) => stub(`${i + 1}-NQ/TW@2020-01-01`));
          const evidence = docs.flatMap((d, i) => [ev(d.id, 'IMPLEMENTS', targets[i % 10].id), ev(d.id, 'CITES', targets[(i + 1) % 10].id, { start: 20 })]);
          await local.store.applyBatch(batch({ docs, stubs: targets, evidence }));
          const query = `{ documents(first: 100) { edges { node { id status outgoing { type evidence { quote source { id } } to { id symbol status } } } } } }`;
          local.calls.clear();
          const { body } = await local.gql(query);
          expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
          expect(body.data!.documents.edges).toHaveLength(100);
          console.log(`store calls for 100 documents with relations, evidence sources and targets: ${JSON.stringify(Object.fromEntries(local.calls))}`);
          // the page, its relations and the documents they name: one store call
          expect(Object.fromEntries(local.calls)).toEqual({ findDocumentsWithEvidence: 1 });
          expect(body.data!.documents.edges[0].node.outgoing[0].to.symbol).toMatch(/-NQ\/TW$/);

          // a page without relations reads only the page; two outgoing selections that differ, the page then the relations
          local.calls.clear();
          await local.gql(`{ documents(first: 5) { edges { node { id } } } }`);
          expect(Object.fromEntries(local.calls)).toEqual({ findDocuments: 1 });
          local.calls.clear();
          const mixed = await local.gql(`{ documents(first: 5) { edges { node { cites: outgoing(types: [CITES]) { to { id } } all: outgoing { type } } } } }`);
          expect(mixed.body.data!.documents.edges[0].node.cites).toHaveLength(1);
          expect(Object.fromEntries(local.calls)).toEqual({ findDocuments: 1, evidenceWithDocuments: 2 });

          local.calls.clear();
          const one = await local.gql(`{ document(id: "${docs[0].id}") { id outgoing { to { id } evidence { source { id } } } } }`);
          expect(one.body.data!.document.outgoing.map((r: { to: { id: string } }) => r.to.id).sort()).toEqual([targets[0].id, targets[1].id]);
          // the document, its relations and their targets: one store call
          expect(Object.fromEntries(local.calls)).toEqual({ evidenceWithDocuments: 1 });

          // two outgoing selections that differ: the look-ahead steps aside and each is answered
          local.calls.clear();
          const two = await local.gql(`query Two($t: [RelationType!]) { document(id: "${docs[0].id}") { cites: outgoing(types: $t) { to { id } } all: outgoing { type } } }`, { t: ['CITES'] });
          expect(two.body.data!.document.cites.map((r: { to: { id: string } }) => r.to.id)).toEqual([targets[1].id]);
          expect(two.body.data!.document.all.map((r: { type: string }) => r.type).sort()).toEqual(['CITES', 'IMPLEMENTS']);
          expect(local.calls.get('evidenceWithDocuments')).toBe(2);

          // the same types through a variable and a fragment: read ahead as well
          local.calls.clear();
          const frag = await local.gql(`query F($t: [RelationType!]) { document(id: "${docs[0].id}") { ...R } } fragment R on Document { outgoing(types: $t) { to { symbol } } }`, { t: ['IMPLEMENTS'] });
          expect(frag.body.data!.document.outgoing).toEqual([{ to: { symbol: '1-NQ/TW' } }]);
          expect(Object.fromEntries(local.calls)).toEqual({ evidenceWithDocuments: 1 });

          // a document with its chain: one store call each way, the document read with the first
          // (re-loading three documents replaces what they asserted: now only the chain)
          const chained = docs.slice(0, 3).map((d) => d.id);
          await local.store.applyBatch(batch({ docs: docs.slice(0, 3), evidence: [ev(chained[1], 'SUPERSEDES', chained[0]), ev(chained[2], 'SUPERSEDES', chained[1])] }));
          for (const [direction, expected, calls] of [
            ['OLDER', [chained[0]], { chainsWithDocuments: 1 }],
            ['NEWER', [chained[2]], { chainsWithDocuments: 1 }],
            ['BOTH', [chained[2], chained[0]], { chainsWithDocuments: 1, chains: 1 }],
          ] as const) {
            local.calls.clear();
            const walked = await local.gql(`{ document(id: "${chained[1]}") { symbol supersessionChain(direction: ${direction}, maxDepth: 1) { depth document { id } } } }`);
            expect(walked.body.data!.document.supersessionChain).toEqual(expected.map((id) => ({ depth: 1, document: { id } })));
            expect(Object.fromEntries(local.calls)).toEqual(calls);
          }
          local.calls.clear();
          const both = await local.gql(`{ document(id: "${chained[1]}") { outgoing { type } supersessionChain(direction: OLDER) { document { id } } } }`);
          expect(both.body.data!.document).toEqual({ outgoing: [{ type: 'SUPERSEDES' }], supersessionChain: [{ document: { id: chained[0] } }] });
          expect(Object.fromEntries(local.calls)).toEqual({ evidenceWithDocuments: 1, chains: 1 });

          // a document with no relations, and one that does not exist
          local.calls.clear();
          const none = await local.gql(`{ a: document(id: "${targets[5].id}") { id outgoing { type } } b: document(id: "nope") { id outgoing { type } } }`);
          expect(none.body.data).toEqual({ a: { id: targets[5].id, outgoing: [] }, b: null });
          expect(Object.fromEntries(local.calls)).toEqual({ evidenceWithDocuments: 2 });
        } finally {
          await local.close();
        }
      });
    });
  });
}
