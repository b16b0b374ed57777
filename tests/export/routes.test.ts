// The export endpoints next to GraphQL: public, streamed, right content types, bounded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'htmlparser2';
import { parse } from 'csv-parse/sync';
import { testServer, type TestServer } from '../support/api.js';
import { curate, removeTmpDirs } from './graph.js';
import { loadPaths } from '../../graph-loaders/load.js';
import { SAMPLES } from '../loaders/corpus.js';

let server: TestServer;

beforeAll(async () => {
  server = await testServer({ SAMPLE_CORPUS: 'false' });
  await loadPaths([SAMPLES], server.store);
  await curate(server.store);
});
afterAll(async () => {
  await server.close();
  removeTmpDirs();
});

const get = (url: string) => server.app.inject({ method: 'GET', url });

describe('export endpoints', () => {
  it('serve the CSV set with no credentials, one row per document and per assertion', async () => {
    const dump = await server.store.dump();
    const docs = await get('/export/documents.csv?asOf=2026-06-01');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(docs.headers['content-disposition']).toContain('documents.csv');
    const rows = parse(docs.body, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id)).toEqual(dump.documents.map((d) => d.id));
    expect(rows.find((r) => r.id === '312-KL/TU@2024-02-15')).toMatchObject({ status: 'SUPERSEDED', statusOn: '2026-06-01' });
    const rels = parse((await get('/export/relations.csv')).body, { columns: true }) as Record<string, string>[];
    expect(rels).toHaveLength(dump.evidence.length);
    expect(rels.filter((r) => r.visible === 'false')).toHaveLength(dump.evidence.filter((e) => e.type === dump.curations.find((c) => c.action === 'REMOVE')!.type && e.from === dump.curations.find((c) => c.action === 'REMOVE')!.from && e.to === dump.curations.find((c) => c.action === 'REMOVE')!.to).length);
    expect((await get('/export/curations.csv')).body.split('\n')[0]).toBe('id,action,from,type,to,reason,author,at');
  });

  it('serve GraphML with a node per document and an edge per visible relation', async () => {
    const res = await get('/export/graph.graphml');
    expect(res.headers['content-type']).toBe('application/graphml+xml; charset=utf-8');
    const xml = parseDocument(res.body, { xmlMode: true });
    const all = (name: string) => {
      const out: unknown[] = [];
      const walk = (n: { children?: unknown[]; name?: string }) => {
        if (n.name === name) out.push(n);
        for (const c of n.children ?? []) walk(c as never);
      };
      walk(xml as never);
      return out as { attribs: Record<string, string> }[];
    };
    const stats = await server.store.stats();
    expect(all('node')).toHaveLength((await server.store.dump()).documents.length);
    expect(all('edge')).toHaveLength(stats.relations);
    const ids = new Set(all('node').map((n) => n.attribs.id));
    for (const e of all('edge')) expect(ids.has(e.attribs.source) && ids.has(e.attribs.target)).toBe(true);
  });

  it('serve ELI JSON-LD for all documents or one, and 404 for an unknown one', async () => {
    const all = await get('/export/eli.jsonld');
    expect(all.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(JSON.parse(all.body)['@graph'].length).toBe((await server.store.dump()).documents.length);
    const one = await get(`/export/eli/${encodeURIComponent('96-KL/TW@2024-09-30')}.jsonld`);
    expect(one.statusCode).toBe(200);
    expect(JSON.parse(one.body)['@graph']).toHaveLength(1);
    expect(JSON.parse((await get(`/export/eli.jsonld?id=${encodeURIComponent('96-KL/TW@2024-09-30')}`)).body)['@graph']).toHaveLength(1);
    expect((await get('/export/eli/nothing.jsonld')).statusCode).toBe(404);
    expect((await get('/export/eli.jsonld?id=nothing')).statusCode).toBe(404);
    expect(JSON.parse((await get('/export/eli-context.jsonld')).body)['@context'].eli).toBe('http://data.europa.eu/eli/ontology#');
  });

  it('serve the Cypher dump', async () => {
    const res = await get('/export/neo4j.cypher');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^\/\/ Citation graph: Neo4j 5 dump/);
    expect(res.body).toContain('CREATE CONSTRAINT document_id IF NOT EXISTS');
  });

  it('refuse a bad date', async () => {
    const res = await get('/export/documents.csv?asOf=tomorrow');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatch(/asOf/);
  });

  it('run a bounded number at once: a further one is told to retry, and served once a slot frees', async () => {
    // The real store behind a gate: exports started before it opens stay running.
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const inner = server.store;
    const gated = new Proxy(inner, {
      get(target, prop, receiver) {
        if (prop === 'streamDocuments') {
          return async function* (n: number) {
            await gate;
            yield* target.streamDocuments(n);
          };
        }
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const busy = await testServer({ SAMPLE_CORPUS: 'false' }, gated);
    try {
      const first = [busy.app.inject({ method: 'GET', url: '/export/graph.graphml' }), busy.app.inject({ method: 'GET', url: '/export/eli.jsonld' })];
      await new Promise((r) => setTimeout(r, 50));
      const refused = await busy.app.inject({ method: 'GET', url: '/export/documents.csv' });
      expect(refused.statusCode).toBe(503);
      expect(refused.headers['retry-after']).toBe('5');
      open();
      for (const res of await Promise.all(first)) expect(res.statusCode).toBe(200);
      expect((await busy.app.inject({ method: 'GET', url: '/export/documents.csv' })).statusCode).toBe(200);
    } finally {
      await busy.app.close();
    }
  });
});
