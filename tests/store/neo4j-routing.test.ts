// A neo4j:// URI (a cluster or Aura) takes the routing driver: reads go out in READ sessions, writes
// in executeWrite, and a read that follows a write in the same store sees it (shared bookmarks).
// Against the single test server the routing table is that server, which is enough to show the
// routing driver, its access modes and the bookmark chain work end to end.
import { afterAll, describe, expect, it } from 'vitest';
import { Neo4jStore } from '../../services/store/neo4j/index.js';
import { comparable, sampleBatch } from '../support/fixtures.js';
import { neo4jConfig } from '../support/neo4j.js';

const cfg = neo4jConfig();
let store: Neo4jStore | null = null;
afterAll(async () => store?.close());

describe.skipIf(!cfg)('neo4j:// routing', () => {
  it('writes through the leader and reads its own writes back', async () => {
    const routed = { ...cfg!, uri: cfg!.uri.replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:') };
    expect(routed.uri.startsWith('neo4j')).toBe(true);
    store = await Neo4jStore.open(routed);
    await store.clear();
    const batch = sampleBatch();
    await store.applyBatch(batch);
    const dump = comparable(await store.dump());
    expect(dump.documents.map((d) => d.id)).toEqual(expect.arrayContaining(batch.documents.map((d) => d.id)));
    expect(dump.evidence.map((e) => e.key).sort()).toEqual(batch.evidence.map((e) => e.key).sort());
    await store.clear();
  });
});
