// Reads are public, writes need a token, no query can take the server down, and hostile strings are inert.
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer, WRITE_TOKEN, type TestServer } from '../support/api.js';
import { comparable, KL96, NQ45, sampleBatch } from '../support/fixtures.js';

let s: TestServer;
beforeAll(async () => {
  s = await testServer();
  await s.store.applyBatch(sampleBatch());
});
afterAll(() => s.close());

const auth = { authorization: `Bearer ${WRITE_TOKEN}` };
const codes = (body: { errors?: { extensions?: { code?: string } }[] }) => (body.errors ?? []).map((e) => e.extensions?.code);

describe('writes need credentials', () => {
  const add = `mutation { addRelation(from: "${KL96}", to: "${NQ45}", type: CITES, reason: "seen in the text") { id curated } }`;

  it('refuses a mutation without a token, or with a wrong one', async () => {
    const before = comparable(await s.store.dump());
    for (const headers of [{}, { authorization: 'Bearer wrong-token-wrong-token' }, { authorization: WRITE_TOKEN }] as Record<string, string>[]) {
      const { body } = await s.gql(add, undefined, headers);
      expect(codes(body)).toEqual(['UNAUTHENTICATED']);
    }
    expect(comparable(await s.store.dump())).toEqual(before);
  });

  it('accepts the token and records the author', async () => {
    const { body } = await s.gql(add, undefined, auth);
    expect(body.errors).toBeUndefined();
    expect(body.data!.addRelation).toEqual({ id: `${KL96}|CITES|${NQ45}`, curated: true });
    const log = await s.gql(`{ curations { action author reason from { id } to { id } type } }`);
    expect(log.body.data!.curations[0]).toEqual({ action: 'ADD', author: 'lan', reason: 'seen in the text', from: { id: KL96 }, to: { id: NQ45 }, type: 'CITES' });
  });

  it('disables mutations when no token is configured', async () => {
    const closed = await testServer({ API_TOKENS: '' });
    try {
      const { body } = await closed.gql(add, undefined, auth);
      expect(codes(body)).toEqual(['UNAUTHENTICATED']);
      expect(body.errors![0].message).toMatch(/disabled/);
    } finally {
      await closed.close();
    }
  });

  it('says NOT_FOUND for a relation between unknown documents', async () => {
    const { body } = await s.gql(`mutation { addRelation(from: "nope", to: "${NQ45}", type: CITES, reason: "x") { id } }`, undefined, auth);
    expect(codes(body)).toEqual(['NOT_FOUND']);
  });
});

describe('limits', () => {
  it('refuses an over-deep query with a clear message', async () => {
    const deep = `{ document(id: "${KL96}") { ${'outgoing { to { '.repeat(7)}id${' } }'.repeat(7)} } }`;
    const { body } = await s.gql(deep);
    expect(codes(body)).toContain('BAD_USER_INPUT');
    expect(body.errors![0].message).toMatch(/levels deep; the limit is 12/);
  });

  it('refuses an over-costly query, counting aliases and page sizes', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: documents(first: 100) { edges { node { incoming { from { outgoing { to { id } } } } } } }`).join('\n');
    const { body } = await s.gql(`{ ${aliases} }`);
    expect(codes(body)).toContain('BAD_USER_INPUT');
    expect(body.errors![0].message).toMatch(/query costs \d+; the limit is 50000/);
  });

  it('costs the same query text anew when its counting variables change', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: documents(first: $n) { edges { node { incoming { from { outgoing { to { id } } } } } } }`).join('\n');
    const query = `query Many($n: Int!, $on: Date) { ${aliases} stats(asOf: $on) { documents } }`;
    for (const [n, refused] of [[1, false], [100, true], [1, false], [100, true]] as const) {
      const { body } = await s.gql(query, { n, on: n === 1 ? '2025-01-01' : '2025-01-02' });
      expect(codes(body), `first: ${n}`).toEqual(refused ? ['BAD_USER_INPUT'] : []);
    }
  });

  it('caps the page size', async () => {
    const { body } = await s.gql(`{ documents(first: 1000) { totalCount } }`);
    expect(codes(body)).toEqual(['BAD_USER_INPUT']);
  });

  it('still serves GraphiQL introspection', async () => {
    const { body } = await s.gql(getIntrospectionQuery());
    expect(body.errors).toBeUndefined();
    expect(body.data!.__schema.types.length).toBeGreaterThan(10);
  });

  it('refuses a body over the limit', async () => {
    const small = await testServer({ BODY_LIMIT: '2048' });
    try {
      const res = await small.app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ stats { documents } }', variables: { pad: 'x'.repeat(5000) } } });
      expect(res.statusCode).toBe(413);
      expect(res.json().errors[0].extensions.code).toBe('BAD_USER_INPUT');
    } finally {
      await small.close();
    }
  });

  it('rate-limits each client', async () => {
    const limited = await testServer({ RATE_LIMIT_MAX: '3' });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await limited.app.inject({ method: 'GET', url: '/health' })).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await limited.close();
    }
  });

  it('can turn GraphiQL off', async () => {
    const off = await testServer({ GRAPHIQL: 'false' });
    try {
      expect((await off.app.inject({ method: 'GET', url: '/graphiql' })).statusCode).toBe(404);
      expect((await s.app.inject({ method: 'GET', url: '/graphiql' })).statusCode).toBe(200);
    } finally {
      await off.close();
    }
  });
});

describe('hostile strings are inert', () => {
  const hostile = [
    `") MATCH (n) DETACH DELETE n //`,
    `'}) RETURN 1 UNION MATCH (n) RETURN n //`,
    '`; DROP CONSTRAINT document_id',
    '$ids',
    '\\u0000\u0000',
    '*:*',
    'searchHead:* OR body:*',
    '../../../../etc/passwd',
  ];

  it('changes nothing and errors cleanly through every string argument', async () => {
    const before = comparable(await s.store.dump());
    for (const h of hostile) {
      const { body } = await s.gql(
        `query($h: String!, $id: ID!) {
          document(id: $id) { id }
          documentsBySymbol(symbol: $h) { id }
          documents(filter: {symbol: $h, type: $h, issuer: $h, text: $h}) { totalCount }
          path(from: $id, to: $id) { length }
        }`,
        { h, id: h },
      );
      expect(body.errors, h).toBeUndefined();
      expect(body.data!.document).toBeNull();
      expect(body.data!.documents.totalCount).toBe(0);
      const bad = await s.gql(`query($h: String) { documents(after: $h) { totalCount } }`, { h });
      expect(codes(bad.body), h).toEqual(['BAD_USER_INPUT']);
      const date = await s.gql(`query($h: Date) { documents(filter: {inEffectOn: $h}) { totalCount } }`, { h });
      expect(codes(date.body), h).toEqual(['BAD_USER_INPUT']);
    }
    expect(comparable(await s.store.dump())).toEqual(before);
  });
});
