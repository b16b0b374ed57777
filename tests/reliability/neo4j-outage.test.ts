// The API over a real Neo4j that goes away and comes back, without killing the shared test server:
// the store talks to Neo4j through a TCP relay this test cuts and restores. While cut, every
// answer is STORE_UNAVAILABLE within a second; once restored, answers come back by themselves.
// (scripts/reliability/db-faults.ts does the same with a real kill -9 and restart of Neo4j.)
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jStore } from '../../services/store/neo4j/index.js';
import { testServer, type TestServer } from '../support/api.js';
import { neo4jConfig } from '../support/neo4j.js';
import { batch, doc } from '../support/fixtures.js';

/** A TCP relay to Neo4j that can be cut (listener closed, open connections destroyed) and restored. */
class Relay {
  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();
  port = 0;
  constructor(private readonly host: string, private readonly target: number) {}

  async up(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target, this.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

const cfg = neo4jConfig();

describe.skipIf(!cfg)('Neo4j outage, through a relay', () => {
  let relay: Relay;
  let store: Neo4jStore;
  let server: TestServer;
  const query = async () => {
    const t0 = Date.now();
    const { body } = await server.gql('{ document(id: "45-NQ/TW@2019-01-24") { id title } }');
    return { ms: Date.now() - t0, code: body.errors?.[0]?.extensions?.code ?? null, ok: !!body.data?.document };
  };

  beforeAll(async () => {
    const url = new URL(cfg!.uri);
    relay = new Relay(url.hostname, Number(url.port || 7687));
    await relay.up();
    store = await Neo4jStore.open({ ...cfg!, uri: `bolt://127.0.0.1:${relay.port}` });
    await store.clear();
    await store.applyBatch(batch({ docs: [doc('45-NQ/TW@2019-01-24', { title: 'về Chiến lược bảo vệ Tổ quốc' })] }));
    server = await testServer({}, store);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('answers STORE_UNAVAILABLE within a second while Neo4j is unreachable, and recovers by itself', async () => {
    expect(await query()).toMatchObject({ ok: true });
    await relay.cut();
    const down = [];
    for (let i = 0; i < 20; i++) down.push(await query());
    expect(down.map((d) => d.code)).toEqual(Array(20).fill('STORE_UNAVAILABLE'));
    expect(Math.max(...down.map((d) => d.ms))).toBeLessThan(1000);
    const ready = await server.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(503);

    await relay.up();
    const t0 = Date.now();
    let back = await query();
    while (!back.ok && Date.now() - t0 < 10_000) {
      await new Promise((r) => setTimeout(r, 100));
      back = await query();
    }
    console.log(`outage: ${down.length} answers while cut, slowest ${Math.max(...down.map((d) => d.ms))} ms; recovered ${Date.now() - t0} ms after the relay came back`);
    expect(back).toMatchObject({ ok: true, code: null });
    expect((await server.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
  }, 60_000);
});
