// Choose the store from configuration: Neo4j when NEO4J_URI is set, else the embedded store.
import path from 'node:path';
import type { Config } from '../config.js';
import type { Store } from './port.js';
import { EmbeddedStore } from './embedded/index.js';

export async function openStore(config: Config): Promise<Store> {
  if (config.neo4j) {
    const { Neo4jStore } = await import('./neo4j/index.js');
    return Neo4jStore.open(config.neo4j);
  }
  return EmbeddedStore.open({ dataDir: path.resolve(config.dataDir) });
}

export function describeStore(config: Config): string {
  return config.neo4j ? `Neo4j at ${config.neo4j.uri} (database ${config.neo4j.database})` : `embedded store in ${path.resolve(config.dataDir)}`;
}
