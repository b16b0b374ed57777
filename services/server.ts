// The HTTP server: GraphQL (Mercurius) at /graphql, GraphiQL at /graphiql, /health, /ready,
// and the explorer pages at /. One Fastify instance, one plugin per concern.
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import mercurius, { type MercuriusOptions } from 'mercurius';
import { GraphQLError, Kind, type DocumentNode as GqlDocument, type GraphQLSchema } from 'graphql';
import type { Config } from './config.js';
import type { Store } from './store/port.js';
import { authorFor } from './api/auth.js';
import type { ApiContext } from './api/context.js';
import { RequestDocuments } from './api/documents.js';
import { RequestRelations } from './api/prefetch.js';
import { codeOf } from './api/errors.js';
import { readFields } from './api/fields.js';
import { assertAffordable, depthLimitRule, MAX_QUERY_TOKENS } from './api/limits.js';
import { makeLoaders } from './api/loaders.js';
import { makeResolvers } from './api/resolvers.js';
import { viewStore } from './api/views.js';
import { EXPLORER_DIR, SCHEMA_FILE, VENDOR_DIRS } from './paths.js';
import { exportRoutes } from './export/routes.js';
import { existsSync } from 'node:fs';

export const SCHEMA_SDL = readFileSync(SCHEMA_FILE, 'utf8');

/** Give every error an extensions.code, and hide internals behind INTERNAL_SERVER_ERROR. */
function withCodes(errors: readonly GraphQLError[], log: FastifyInstance['log']): GraphQLError[] {
  return errors.flatMap((error) => {
    const inner = (error.originalError as { errors?: GraphQLError[] } | undefined)?.errors;
    if (Array.isArray(inner) && inner.length) {
      // Mercurius wraps validation errors (syntax, unknown fields, depth): all bad input.
      return inner.map((e) => new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, path: e.path, extensions: { ...e.extensions, code: 'BAD_USER_INPUT' } }));
    }
    let code = codeOf(error);
    const status = (error.originalError as { statusCode?: number } | undefined)?.statusCode;
    if (code === 'INTERNAL_SERVER_ERROR' && (!error.originalError || (status && status >= 400 && status < 500))) code = 'BAD_USER_INPUT'; // parse, validation and HTTP client errors
    let message = error.message;
    if (code === 'INTERNAL_SERVER_ERROR') {
      log.error({ err: error.originalError ?? error }, 'resolver failed');
      message = 'internal error';
    }
    return [new GraphQLError(message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, originalError: error.originalError, extensions: { ...error.extensions, code } })];
  });
}

function operationNames(document: GqlDocument): (string | undefined)[] {
  return document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).map((d) => (d as { name?: { value: string } }).name?.value);
}

export async function buildServer(config: Config, store: Store): Promise<FastifyInstance> {
  const apiStore = viewStore(store);
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.requestTimeoutMs,
  });

  if (config.rateLimitMax > 0) {
    await app.register(rateLimit, { max: config.rateLimitMax, timeWindow: '1 minute' });
  }

  const options: MercuriusOptions = {
    schema: SCHEMA_SDL,
    resolvers: makeResolvers(),
    loaders: makeLoaders(),
    graphiql: config.graphiql,
    ...(config.jit > 0 ? { jit: config.jit } : {}),
    // Every distinct query is parsed and kept in an LRU (errors in a second one), ~270 bytes per
    // token with locations: unique 2000-alias queries took the server to 4 GB and out of memory
    // (found by the soak). Bounding tokens and entries bounds that memory (about 140 MB at most).
    cache: 128,
    graphql: { parseOptions: { maxTokens: MAX_QUERY_TOKENS } },
    validationRules: [depthLimitRule(config.maxQueryDepth)],
    context: (request): ApiContext => ({ store: apiStore, config, author: authorFor(request.headers.authorization, config.tokens), documents: new RequestDocuments(apiStore), relations: new RequestRelations() }),
    errorFormatter: (execution, ctx) => {
      const log = ctx.reply ? ctx.reply.log : ctx.app.log;
      const errors = execution.errors ?? [];
      // A rejected request (validation, body too large) keeps its HTTP status; resolver errors answer 200 with data.
      const status = errors.map((e) => (e.originalError as { statusCode?: number } | undefined)?.statusCode).find((c) => c && c >= 400);
      return mercurius.defaultErrorFormatter({ ...execution, statusCode: execution.data ? undefined : (status ?? (execution as { statusCode?: number }).statusCode), errors: withCodes(errors, log) } as typeof execution, ctx);
    },
  };
  await app.register(mercurius, options);

  app.graphql.addHook('preExecution', async (schema: GraphQLSchema, document: GqlDocument, ctx, variables) => {
    for (const name of operationNames(document)) assertAffordable(schema, document, variables, config.maxQueryCost, name);
    // what the store reads for this request: only what its selections can use (api/fields.ts)
    ctx.documents.fields = readFields(schema, document);
  });

  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (_request, reply) => {
    try {
      await store.ping();
      return { status: 'ready', store: store.kind };
    } catch (err) {
      reply.code(503);
      return { status: 'unavailable', store: store.kind, error: (err as Error).message };
    }
  });

  await app.register(exportRoutes, { store });

  if (existsSync(EXPLORER_DIR)) {
    await app.register(fastifyStatic, { root: EXPLORER_DIR, prefix: '/', index: 'index.html' });
    // Kept libraries the pages import, served from node_modules: no build step on the user's side.
    await app.register(fastifyStatic, { root: VENDOR_DIRS.cytoscape, prefix: '/vendor/cytoscape/', decorateReply: false });
  }

  return app;
}
