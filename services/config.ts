// Configuration comes from environment variables only; `--help` lists them (see cli/main.ts).
import { z } from 'zod';

const flag = z
  .string()
  .optional()
  .transform((v) => (v === undefined ? undefined : !/^(0|false|no|off)$/i.test(v)));

const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);

export const ENV_DOCS: [string, string][] = [
  ['PORT', 'HTTP port (default 4000)'],
  ['HOST', 'interface to listen on (default 127.0.0.1)'],
  ['DATA_DIR', 'folder of the embedded store (default ./data)'],
  ['NEO4J_URI', 'use Neo4j instead of the embedded store, e.g. bolt://127.0.0.1:7687 or neo4j://cluster:7687'],
  ['NEO4J_USER', 'Neo4j user (default neo4j)'],
  ['NEO4J_PASSWORD', 'Neo4j password'],
  ['NEO4J_DATABASE', 'Neo4j database (default neo4j)'],
  ['API_TOKENS', 'comma-separated name=token pairs allowed to write; mutations are disabled when unset'],
  ['API_TOKEN', 'a single write token (author "api"), in addition to API_TOKENS'],
  ['GRAPHIQL', 'serve GraphiQL at /graphiql (default true; set false in production)'],
  ['MAX_PAGE_SIZE', 'largest `first` accepted (default 100)'],
  ['MAX_QUERY_DEPTH', 'deepest query accepted (default 12)'],
  ['MAX_QUERY_COST', 'costliest query accepted (default 50000)'],
  ['BODY_LIMIT', 'largest request body in bytes (default 4194304)'],
  ['REQUEST_TIMEOUT_MS', 'longest request in milliseconds (default 30000)'],
  ['RATE_LIMIT_MAX', 'requests per client per minute (default 1200; 0 disables)'],
  ['GRAPHQL_JIT', 'compile a query to JavaScript after this many runs (default 1; 0 turns the JIT off)'],
  ['SAMPLE_CORPUS', 'load the bundled sample corpus into an empty store at start (default true)'],
  ['LOG_LEVEL', 'fastify log level (default info)'],
];

const schema = z.object({
  PORT: int(4000, 0),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  NEO4J_URI: z.string().optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().default('neo4j'),
  API_TOKENS: z.string().optional(),
  API_TOKEN: z.string().optional(),
  GRAPHIQL: flag,
  MAX_PAGE_SIZE: int(100, 1),
  MAX_QUERY_DEPTH: int(12, 2),
  MAX_QUERY_COST: int(50000, 10),
  BODY_LIMIT: int(4 * 1024 * 1024, 1024),
  REQUEST_TIMEOUT_MS: int(30000, 100),
  RATE_LIMIT_MAX: int(1200, 0),
  GRAPHQL_JIT: int(1, 0),
  SAMPLE_CORPUS: flag,
  LOG_LEVEL: z.string().default('info'),
});

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database: string;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  neo4j: Neo4jConfig | null;
  /** token → author name */
  tokens: Map<string, string>;
  graphiql: boolean;
  maxPageSize: number;
  maxQueryDepth: number;
  maxQueryCost: number;
  bodyLimit: number;
  requestTimeoutMs: number;
  rateLimitMax: number;
  /** Mercurius JIT threshold; 0 is off. */
  jit: number;
  sampleCorpus: boolean;
  logLevel: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`bad configuration: ${issues}`);
  }
  const e = parsed.data;
  const tokens = new Map<string, string>();
  for (const pair of (e.API_TOKENS ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const at = pair.indexOf('=');
    if (at <= 0 || at === pair.length - 1) throw new ConfigError(`bad configuration: API_TOKENS entry "${pair.slice(0, 20)}…" is not name=token`);
    tokens.set(pair.slice(at + 1), pair.slice(0, at));
  }
  if (e.API_TOKEN) tokens.set(e.API_TOKEN, 'api');
  for (const token of tokens.keys()) if (token.length < 16) throw new ConfigError('bad configuration: write tokens must be at least 16 characters');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    neo4j: e.NEO4J_URI ? { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE } : null,
    tokens,
    graphiql: e.GRAPHIQL ?? true,
    maxPageSize: e.MAX_PAGE_SIZE,
    maxQueryDepth: e.MAX_QUERY_DEPTH,
    maxQueryCost: e.MAX_QUERY_COST,
    bodyLimit: e.BODY_LIMIT,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    rateLimitMax: e.RATE_LIMIT_MAX,
    jit: e.GRAPHQL_JIT,
    sampleCorpus: e.SAMPLE_CORPUS ?? true,
    logLevel: e.LOG_LEVEL,
  };
}
