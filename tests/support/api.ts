// A server on a fresh embedded store, driven through fastify.inject (real HTTP handling, no socket).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../services/config.js';
import { buildServer } from '../../services/server.js';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import type { Store } from '../../services/store/port.js';

export const WRITE_TOKEN = 'test-token-0123456789abcdef';

export interface TestServer {
  app: FastifyInstance;
  store: Store;
  calls: Map<string, number>;
  config: Config;
  gql(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: GqlBody }>;
  close(): Promise<void>;
}

export interface GqlBody {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Counts every call to the store, by method. */
export function counting(store: Store, calls: Map<string, number>): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(prop), (calls.get(String(prop)) ?? 0) + 1);
        return value.apply(target, args);
      };
    },
  });
}

export async function testServer(env: Record<string, string> = {}, store?: Store): Promise<TestServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cg-api-'));
  const config = loadConfig({ DATA_DIR: dir, API_TOKENS: `lan=${WRITE_TOKEN}`, LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '0', ...env });
  const inner = store ?? (await EmbeddedStore.open({ dataDir: dir }));
  const calls = new Map<string, number>();
  const app = await buildServer(config, counting(inner, calls));
  return {
    app,
    store: inner,
    calls,
    config,
    async gql(query, variables, headers = {}) {
      const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables }, headers });
      return { status: res.statusCode, body: res.json() as GqlBody };
    },
    async close() {
      await app.close();
      await inner.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
