// A first load of a large corpus into Neo4j: copy a whole finished graph (the embedded store loads
// fastest) into an EMPTY Neo4j, exactly as the Neo4j store keeps it (neo4j-graph.ts), with plain
// CREATEs in large transactions: no MERGE look-ups, no resolution, no effect refresh, since the
// source computed all of that already. The normal loader then keeps that Neo4j current. Bolt only,
// so the target can be a remote server or Aura.
import neo4j, { type Driver, type Session } from 'neo4j-driver';
import type { Neo4jConfig } from '../config.js';
import { schemaStatements } from '../store/neo4j/index.js';
import { migrate } from '../store/neo4j/migrate.js';
import { createDriver } from '../store/neo4j/session.js';
import type { Store } from '../store/port.js';
import { createFromLists, documentParts, evidenceParts, relationshipParts, type GraphPart } from './neo4j-graph.js';

export class TargetNotEmptyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetNotEmptyError';
  }
}

export type CopyPhase = 'documents' | 'evidence' | 'curations' | 'relationships';

/** Longest wait for the indexes to be built over the copied graph. */
export const INDEX_SECONDS = 6 * 3600;

export interface CopyOptions {
  /** Rows per write transaction (measured: see BENCHMARKS.md, copy into Neo4j). */
  batchRows?: number;
  /** Transactions writing nodes of one phase at once (relationships are written one transaction at a time). */
  writers?: number;
  /**
   * 2 (default): evidence and curations are written beside documents and relationships, which
   * share no node with them, so Neo4j commits on two cores; 1: every phase after the other.
   */
  lanes?: 1 | 2;
  /** Characters of text per write transaction, so that long texts make smaller transactions. */
  batchChars?: number;
  /** After each committed transaction: the phase and the rows of that phase written so far. */
  onProgress?: (phase: CopyPhase, done: number) => void;
}

export interface CopySummary {
  documents: number;
  stubs: number;
  files: number;
  evidence: number;
  curations: number;
  relationships: number;
  seconds: number;
  /** Seconds spent in write transactions, per phase (the rest is reading the source, overlapped, and the schema). */
  writeSeconds: Record<CopyPhase | 'indexes', number>;
}

export const DEFAULT_BATCH_ROWS = 5000;
export const DEFAULT_WRITERS = 1;
export const DEFAULT_LANES = 2;
const DEFAULT_BATCH_CHARS = 16_000_000;

const phaseOf = (part: GraphPart): CopyPhase =>
  part.kind === 'relationships' ? 'relationships' : part.label === 'Evidence' ? 'evidence' : part.label === 'Curation' ? 'curations' : 'documents';

/** Copy everything `source` holds into the empty Neo4j database of `cfg`. */
export async function copyToNeo4j(source: Store, cfg: Neo4jConfig, options: CopyOptions = {}): Promise<CopySummary> {
  const started = performance.now();
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  const writers = options.writers ?? DEFAULT_WRITERS;
  const lanes = options.lanes ?? DEFAULT_LANES;
  const summary: CopySummary = { documents: 0, stubs: 0, files: 0, evidence: 0, curations: 0, relationships: 0, seconds: 0, writeSeconds: { documents: 0, evidence: 0, curations: 0, relationships: 0, indexes: 0 } };
  const done: Record<CopyPhase, number> = { documents: 0, evidence: 0, curations: 0, relationships: 0 };
  // a transaction may take a while on a remote server: retry transient faults for longer than the API does
  const driver = createDriver(cfg, { retryMs: 30_000 });
  try {
    await driver.verifyConnectivity({ database: cfg.database });
    await refuseNonEmpty(driver, cfg);
    const session = driver.session({ database: cfg.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      // What the store makes when it opens an empty database: the constraints (their indexes find
      // documents by id for the relationships), and the record that its data migrations are done.
      for (const statement of schemaStatements('constraints.cypher')) await session.run(statement);
      await migrate(session);
      const write = async (part: GraphPart) => {
        const phase = phaseOf(part);
        const writer = driver.session({ database: cfg.database, defaultAccessMode: neo4j.session.WRITE });
        try {
          for (const rows of batches(part.rows, batchRows, options.batchChars ?? DEFAULT_BATCH_CHARS)) {
            const t0 = performance.now();
            // each row as a list of values: the driver packs, and Neo4j reads, no property names per row
            const keys = part.kind === 'relationships' ? ['from', 'to'] : keysOf(rows);
            const lists = rows.map((row) => keys.map((k) => row[k as keyof typeof row] ?? null));
            await writer.executeWrite((tx) => tx.run(createFromLists(part, keys), { rows: lists }), { timeout: 600_000 });
            summary.writeSeconds[phase] += (performance.now() - t0) / 1000;
            count(summary, part, rows);
            if (part.kind !== 'nodes' || part.label !== 'File') done[phase] += rows.length;
            options.onProgress?.(phase, done[phase]);
          }
        } finally {
          await writer.close();
        }
      };
      // The next page is read from the source while the last ones are written. New nodes take no
      // locks another transaction waits for, so they go `writers` at a time; relationships go one
      // at a time, after every document: each locks both its documents, and a document cited
      // thousands of times would make concurrent transactions wait on each other.
      const stop = new AbortController();
      const pump = async (...sources: AsyncIterable<GraphPart>[]) => {
        const writing = new Set<Promise<void>>();
        try {
          for (const parts of sources) {
            for await (const part of parts) {
              stop.signal.throwIfAborted();
              const limit = part.kind === 'relationships' ? 1 : writers;
              while (writing.size >= limit) await Promise.race(writing);
              const w = write(part);
              writing.add(w);
              // kept in the set when it fails, so that the race above or the wait below throws it
              w.then(() => writing.delete(w), () => {});
            }
          }
          await Promise.all(writing);
        } catch (err) {
          stop.abort(err);
          await Promise.allSettled(writing);
          throw err;
        }
      };
      const pages = { documentPage: batchRows, evidencePage: batchRows, signal: stop.signal };
      const [documents, evidence, relationships] = [documentParts(source, pages), evidenceParts(source, pages), relationshipParts(source, pages)];
      // Evidence and curations touch no document, so they need not wait for the documents
      if (lanes === 2) await settleAll([pump(documents, relationships), pump(evidence)]);
      else await pump(documents, evidence, relationships);
      // The other indexes are built once over the whole graph rather than updated node by node:
      // the documents and evidence took less time to write without them (BENCHMARKS.md).
      const t0 = performance.now();
      for (const statement of schemaStatements('indexes.cypher')) await session.run(statement);
      await session.run('CALL db.awaitIndexes($seconds)', { seconds: neo4j.int(INDEX_SECONDS) });
      summary.writeSeconds.indexes = (performance.now() - t0) / 1000;
    } catch (err) {
      const written = summary.documents + summary.files + summary.evidence + summary.curations + summary.relationships;
      throw new Error(
        `the copy stopped after ${written} nodes and relationships: ${(err as Error).message}. ` +
          `Neo4j now holds part of the graph: empty the database before copying again.`,
        { cause: err },
      );
    } finally {
      await session.close();
    }
  } finally {
    await driver.close();
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/**
 * A copy creates every node without looking for one already there, so into a database that holds
 * anything it would make duplicates or fail half way on a constraint. Adding to a graph is the
 * loader's work (it resolves, merges stubs and recomputes effects); there is no merge mode here.
 */
async function refuseNonEmpty(driver: Driver, cfg: Neo4jConfig): Promise<void> {
  const session = driver.session({ database: cfg.database, defaultAccessMode: neo4j.session.READ });
  try {
    // the migration record is what the store writes into an empty database when it opens it
    const found = await session.run('MATCH (n) WHERE NOT n:Migration RETURN labels(n) AS labels LIMIT 1');
    if (found.records.length) {
      const labels = (found.records[0].get('labels') as string[]).join(':') || 'unlabelled';
      throw new TargetNotEmptyError(
        `Neo4j database "${cfg.database}" at ${cfg.uri} is not empty (it holds ${labels} nodes, perhaps more): the copy writes into an empty database only. ` +
          'To add documents to the graph there, load them with `npm run load`; to replace it, empty the database first.',
      );
    }
  } finally {
    await session.close();
  }
}

function count(summary: CopySummary, part: GraphPart, rows: readonly Record<string, unknown>[]): void {
  if (part.kind === 'relationships') summary.relationships += rows.length;
  else if (part.label === 'Document') {
    summary.documents += rows.length;
    summary.stubs += rows.filter((r) => r.stub).length;
  } else if (part.label === 'File') summary.files += rows.length;
  else if (part.label === 'Evidence') summary.evidence += rows.length;
  else summary.curations += rows.length;
}

/** Every promise settled, then the first failure thrown (a lane still writing is not left behind). */
async function settleAll(work: Promise<void>[]): Promise<void> {
  const failed = (await Promise.allSettled(work)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** The property names of a batch, in the order they first appear. */
function keysOf(rows: readonly Record<string, unknown>[]): string[] {
  const keys = new Set<string>();
  for (const row of rows) for (const k in row) keys.add(k);
  return [...keys];
}

/** Rows split into transactions of at most maxRows rows and about maxChars characters of text. */
export function* batches<T extends Record<string, unknown>>(rows: readonly T[], maxRows: number, maxChars: number): Iterable<T[]> {
  let batch: T[] = [];
  let chars = 0;
  for (const row of rows) {
    const size = charsOf(row);
    if (batch.length && (batch.length >= maxRows || chars + size > maxChars)) {
      yield batch;
      batch = [];
      chars = 0;
    }
    batch.push(row);
    chars += size;
  }
  if (batch.length) yield batch;
}

function charsOf(row: Record<string, unknown>): number {
  let n = 0;
  for (const v of Object.values(row)) n += typeof v === 'string' ? v.length : Array.isArray(v) ? v.reduce((m: number, x) => m + String(x).length, 0) : 8;
  return n;
}
