// Abuse refused by the limits, each with a clear BAD_USER_INPUT, while a normal query still answers.
// The soak (scripts/reliability/soak.ts) shows the same under load: other clients keep their p99.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ROOT_FIELDS } from '../../services/api/limits.js';
import { testServer, type TestServer } from '../support/api.js';
import { sampleBatch, KL96 } from '../support/fixtures.js';

let s: TestServer;
beforeAll(async () => {
  s = await testServer();
  await s.store.applyBatch(sampleBatch());
});
afterAll(async () => s.close());

const searches = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: documents(filter: {text: "nghi quyet ${i}"}, first: 1) { totalCount }`).join(' ')} }`;

describe('abuse is refused by the limits', () => {
  it('many aliased root fields: refused past the limit, by cost or by count', async () => {
    const few = await s.gql(searches(MAX_ROOT_FIELDS));
    expect(few.body.errors).toBeUndefined();
    const many = await s.gql(searches(MAX_ROOT_FIELDS + 1));
    expect(many.body.errors?.[0]).toMatchObject({ message: `query asks for ${MAX_ROOT_FIELDS + 1} root fields; the limit is ${MAX_ROOT_FIELDS}. Send fewer aliases per request`, extensions: { code: 'BAD_USER_INPUT' } });
    expect(many.body.data ?? null).toBeNull();
    const costly = await s.gql(`{ ${Array.from({ length: 25 }, (_, i) => `a${i}: documents(first: 100) { edges { node { incoming { from { outgoing { to { id } } } } } } }`).join(' ')} }`);
    expect(costly.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^query costs \d+; the limit is 50000/), extensions: { code: 'BAD_USER_INPUT' } });
    const huge = await s.gql(searches(2000));
    expect(huge.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/Document contains more th.. 2000 tokens/), extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('root fields behind fragments count too', async () => {
    const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { a${i}: document(id: "${KL96}") { id } }`).join(' ');
    const { body } = await s.gql(`{ ${Array.from({ length: 40 }, (_, i) => `...F${i}`).join(' ')} } ${fragments}`);
    expect(body.errors?.[0].message).toMatch(/asks for 40 root fields/);
  });

  it('deep queries, huge variables and oversized bodies get BAD_USER_INPUT; a normal query still answers', async () => {
    const nest = (n: number): string => (n === 0 ? 'id' : `outgoing { to { ${nest(n - 1)} } }`);
    expect((await s.gql(`{ document(id: "${KL96}") { ${nest(9)} } }`)).body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const big = await s.gql('query($t: String) { documents(filter: {text: $t}) { totalCount } }', { t: 'nghị quyết '.repeat(300_000) });
    expect(big.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const oversized = await s.app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ stats { documents } }', variables: { x: 'x'.repeat(5_000_000) } } });
    expect(oversized.statusCode).toBe(413);
    const normal = await s.gql(`{ document(id: "${KL96}") { id outgoing { type to { id } } } }`);
    expect(normal.body.data?.document.id).toBe(KL96);
  });
});
