// The peer: @neo4j/graphql served by Fastify + Mercurius (as our API is), over the same Neo4j
// and with a driver configured like ours, so the comparison is of the GraphQL layers.
import Fastify, { type FastifyInstance } from 'fastify';
import mercurius from 'mercurius';
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { Driver } from 'neo4j-driver';
import type { Neo4jConfig } from '../../../services/config.js';
import { createDriver } from '../../../services/store/neo4j/session.js';
import { PEER_TYPEDEFS } from './typedefs.js';

/**
 * Without graphql-jit by default: compiled, the peer's recursive where input (AND/OR of
 * DocumentWhere) made one inEffectOn request take the process past 8 GB and down. The peer is
 * usually served by Apollo Server, which has no JIT either.
 */
export async function buildPeerServer(cfg: Neo4jConfig, options: { jit?: boolean } = {}): Promise<{ app: FastifyInstance; driver: Driver }> {
  const driver = createDriver(cfg);
  const neo = new Neo4jGraphQL({
    typeDefs: PEER_TYPEDEFS,
    driver,
    // Date strings compare with <, <=, > like ours; deprecated fields off to keep the schema lean.
    features: {
      filters: { String: { LT: true, LTE: true, GT: true, GTE: true } },
      excludeDeprecatedFields: { mutationOperations: true, aggregationFilters: true, aggregationFiltersOutsideConnection: true, relationshipFilters: true, attributeFilters: true },
    },
  });
  const schema = await neo.getSchema();
  const app = Fastify({ logger: false });
  await app.register(mercurius, {
    schema,
    jit: options.jit ? 1 : 0,
    context: () => ({ sessionConfig: { database: cfg.database } }),
  });
  app.addHook('onClose', async () => {
    await driver.close();
  });
  return { app, driver };
}
