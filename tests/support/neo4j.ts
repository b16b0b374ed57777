// The Neo4j under test: NEO4J_URI (and NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE) point at it.
// Without NEO4J_URI the Neo4j suites are skipped, unless REQUIRE_NEO4J is set (CI), where that is an error.
import { Neo4jStore } from '../../services/store/neo4j/index.js';
import type { Neo4jConfig } from '../../services/config.js';

export function neo4jConfig(): Neo4jConfig | null {
  const uri = process.env.NEO4J_URI;
  if (!uri) {
    if (process.env.REQUIRE_NEO4J) throw new Error('REQUIRE_NEO4J is set but NEO4J_URI is not: the Neo4j suites would be skipped');
    return null;
  }
  return { uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? 'citation-graph-test', database: process.env.NEO4J_DATABASE ?? 'neo4j' };
}

let shared: Neo4jStore | null = null;

/** One store for the whole test file, emptied on each call. */
export async function freshNeo4j(): Promise<Neo4jStore> {
  const cfg = neo4jConfig();
  if (!cfg) throw new Error('NEO4J_URI is not set');
  shared ??= await Neo4jStore.open(cfg);
  await shared.clear();
  // close() is a no-op for callers: the shared driver outlives each test
  return Object.assign(Object.create(shared) as Neo4jStore, { close: async () => {} });
}

export async function closeNeo4j(): Promise<void> {
  await shared?.close();
  shared = null;
}
