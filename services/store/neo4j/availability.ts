// Fail fast while Neo4j is down. Once a query finds it unreachable, every query fails at once with
// StoreUnavailableError (no waiting on connection and retry timeouts), queries in flight are cut
// short, and a background probe checks every PROBE_MS; the first probe that reaches it lets
// queries through again. So the API answers STORE_UNAVAILABLE within a second and recovers by itself.
import type { Driver } from 'neo4j-driver';
import { StoreUnavailableError } from '../port.js';

const PROBE_MS = 250;
const PROBE_TIMEOUT_MS = 1000;

export class Availability {
  private downSince: Date | null = null;
  private cause = '';
  private probing: NodeJS.Timeout | null = null;
  private cut: ((err: Error) => void)[] = [];
  private closed = false;
  /** A probe still waiting on a slow server; the next one waits for it. */
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly uri: string,
  ) {}

  private error(): StoreUnavailableError {
    return new StoreUnavailableError(`Neo4j at ${this.uri} is unavailable since ${this.downSince!.toISOString()}: ${this.cause}`);
  }

  /** Throws at once while Neo4j is known to be down. */
  check(): void {
    if (this.downSince) throw this.error();
  }

  /** Run a query; it is cut short with StoreUnavailableError if Neo4j is found down meanwhile. */
  async guard<T>(run: () => Promise<T>): Promise<T> {
    this.check();
    let cancel!: (err: Error) => void;
    const cutShort = new Promise<never>((_, reject) => (cancel = reject));
    this.cut.push(cancel);
    try {
      return await Promise.race([run(), cutShort]);
    } finally {
      this.cut = this.cut.filter((c) => c !== cancel);
    }
  }

  /** A query found Neo4j unreachable: fail everything until a probe reaches it again. */
  markDown(cause: unknown): void {
    if (this.downSince) return;
    this.downSince = new Date();
    this.cause = String((cause as Error)?.message ?? cause).slice(0, 200);
    const err = this.error();
    for (const cancel of this.cut.splice(0)) cancel(err);
    this.schedule();
  }

  private schedule(): void {
    if (this.closed) return;
    this.probing = setTimeout(() => void this.probe(), PROBE_MS);
    this.probing.unref();
  }

  /** A real query on the database, not just a handshake: a starting server accepts Bolt before it answers. */
  private async probe(): Promise<void> {
    if (this.inFlight) return this.schedule();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('probe timed out')), PROBE_TIMEOUT_MS);
    });
    const session = this.driver.session({ database: this.database, defaultAccessMode: 'READ' });
    this.inFlight = session
      .run('RETURN 1')
      .then(() => undefined)
      .finally(() => {
        this.inFlight = null;
        void session.close().catch(() => {});
      });
    try {
      await Promise.race([this.inFlight, timeout]);
      this.downSince = null;
      this.probing = null;
    } catch {
      this.schedule();
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    this.closed = true;
    if (this.probing) clearTimeout(this.probing);
    this.probing = null;
  }
}
