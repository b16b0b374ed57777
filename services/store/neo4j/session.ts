// One driver per store; every query parameterised; driver faults become StoreUnavailableError
// so the API answers STORE_UNAVAILABLE quickly instead of hanging.
import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import type { Neo4jConfig } from '../../config.js';
import { QueryTimeoutError, StoreUnavailableError } from '../port.js';
import { Availability } from './availability.js';

export interface SessionOptions {
  /** Give up on a transaction (retries included) after this long. */
  retryMs?: number;
  /** Abort a single transaction on the server after this long. */
  txTimeoutMs?: number;
}

export function createDriver(cfg: Neo4jConfig, options: SessionOptions = {}): Driver {
  return neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 64,
    connectionAcquisitionTimeout: 2000,
    connectionTimeout: 1000,
    maxTransactionRetryTime: options.retryMs ?? 1000,
    userAgent: 'vn-citation-graph',
  });
}

const UNAVAILABLE = /ServiceUnavailable|SessionExpired|ECONNREFUSED|ECONNRESET|EPIPE|connection|acquisition|timed out|Pool is closed|closed driver/i;

export function isUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string; name?: string };
  return UNAVAILABLE.test(`${e?.code ?? ''} ${e?.name ?? ''} ${e?.message ?? ''}`);
}

// Neo4j cannot be reached (as opposed to a slow or failed query): the queries after it fail fast.
const UNREACHABLE = /ServiceUnavailable|SessionExpired|ECONNREFUSED|ECONNRESET|EPIPE|Failed to connect|connection (?:was |has been )?(?:closed|lost|terminated|refused)|acquisition|Pool is closed/i;

function unreachable(err: unknown): boolean {
  const e = err as { code?: string; name?: string; message?: string };
  return !(err instanceof StoreUnavailableError) && UNREACHABLE.test(`${e?.code ?? ''} ${e?.name ?? ''} ${e?.message ?? ''}`);
}

const TIMED_OUT = /TransactionTimedOut/;

export function translate(err: unknown, uri: string): unknown {
  if (err instanceof StoreUnavailableError || err instanceof QueryTimeoutError) return err;
  const code = (err as { code?: string })?.code ?? '';
  if (TIMED_OUT.test(code)) return new QueryTimeoutError('the query ran past the time limit of a database transaction; narrow it (a smaller page, a filter) or retry', { cause: err });
  if (isUnavailable(err)) return new StoreUnavailableError(`Neo4j at ${uri} is unavailable: ${(err as Error).message}`, { cause: err });
  return err;
}

export type Tx = ManagedTransaction;

export class Neo4jSession {
  /** Fails queries at once while Neo4j is down, and notices when it is back (availability.ts). */
  readonly availability: Availability;
  /**
   * Shared by every session of this store, so a read that follows a write here sees it even when a
   * cluster (neo4j://) routes the read to a follower that has not caught up yet.
   */
  private readonly bookmarks = neo4j.bookmarkManager();

  constructor(
    readonly driver: Driver,
    private readonly cfg: Neo4jConfig,
    private readonly options: SessionOptions = {},
  ) {
    this.availability = new Availability(driver, cfg.database, cfg.uri);
  }

  private txConfig() {
    return { timeout: this.options.txTimeoutMs ?? 10_000 };
  }

  private failed(err: unknown): unknown {
    if (unreachable(err)) this.availability.markDown(err);
    return translate(err, this.cfg.uri);
  }

  /** A read in an explicit transaction: no driver retries, which would hold an answer for seconds while Neo4j is down. */
  async read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.availability.guard(async () => {
      const session = this.driver.session({ database: this.cfg.database, defaultAccessMode: neo4j.session.READ, bookmarkManager: this.bookmarks });
      try {
        const tx = await session.beginTransaction(this.txConfig());
        try {
          const result = await work(tx as unknown as Tx);
          await tx.commit();
          return result;
        } catch (err) {
          await tx.rollback().catch(() => {});
          throw err;
        }
      } catch (err) {
        throw this.failed(err);
      } finally {
        await session.close().catch(() => {});
      }
    });
  }

  async write<T>(work: (tx: Tx) => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.availability.guard(async () => {
      const session = this.driver.session({ database: this.cfg.database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager: this.bookmarks });
      try {
        return await session.executeWrite(work, { timeout: timeoutMs ?? 600_000 });
      } catch (err) {
        throw this.failed(err);
      } finally {
        await session.close().catch(() => {});
      }
    });
  }

  /** A single read query, auto-committed: one round trip instead of a transaction's three. */
  async query<R extends RecordShape = RecordShape>(cypher: string, params: Record<string, unknown> = {}): Promise<QueryResult<R>> {
    // through the availability guard too: most API reads are single queries
    return this.availability.guard(async () => {
      const session = this.driver.session({ database: this.cfg.database, defaultAccessMode: neo4j.session.READ, bookmarkManager: this.bookmarks });
      try {
        return await session.run<R>(cypher, params, this.txConfig());
      } catch (err) {
        throw this.failed(err);
      } finally {
        await session.close().catch(() => {});
      }
    });
  }
}
