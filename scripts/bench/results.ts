// The shape of a benchmark run's results, as run.ts collects them and table.ts prints them.
import type { HttpFigures } from './http.js';
import type { Machine } from './machine.js';
import type { ScenarioName } from './queries.js';
import type { ExtractResult } from './stages/extract.js';
import type { LoadResult } from './stages/load.js';

export interface ScenarioResult {
  rounds: HttpFigures[];
  /** Mean answer size in bytes. */
  bytes: number;
  /** Our server only: store calls during the measured rounds, and the requests they served. */
  reads?: { label: string; seconds: number; calls: number }[];
  requests?: number;
  /** One request at a time, unloaded: mean latency, and (ours) the store calls each request made. */
  probe?: { requests: number; meanMs: number; reads: { label: string; seconds: number; calls: number }[] };
}

export interface Memory {
  rssEmpty: number;
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export interface StoreResult {
  load: LoadResult;
  memory: Memory;
  /** Embedded: a new process that opened the store's files (a restarted server), which then served the queries. */
  reopened?: { seconds: number; memory: Memory };
  pools: { docIds: number; chainIds: number; chainDepths: number[] };
  http: Partial<Record<ScenarioName, ScenarioResult>>;
  /** Neo4j only: the server's resident memory and its store on disk after the load. */
  serverRss?: number | null;
  disk?: number | null;
}

/** Our answers against the peer's, request by request. */
export interface Equivalence {
  same: number;
  count: number;
  firstDifference: string | null;
  /** The peer answered with errors (then only ours is measured): the request and what it said. */
  peerError?: string;
}

export interface SizeResult {
  docs: number;
  seed: number;
  startedAt: string;
  seconds: number;
  machine: Machine;
  /** The code measured: HEAD, and files of the measured code that differed from it (a shared checkout). */
  code: { commit: string; changed: string[] };
  loadAverage: { min: number; max: number; mean: number };
  settings: { duration: number; warmup: number; connections: number; rounds: number; chunk: number; baselineDocs: number; neo4jHeap?: string; neo4jPagecache?: string };
  extract?: ExtractResult;
  stores: Partial<Record<'embedded' | 'neo4j', StoreResult>>;
  peer?: { http: Partial<Record<ScenarioName, ScenarioResult>>; equivalence: Partial<Record<ScenarioName, Equivalence>> };
  /** Stages that failed, with the reason (out of memory, timeout ...). */
  failures: { stage: string; message: string }[];
}

/** Median of the rounds (the mean of two), so one disturbed round does not decide alone. */
export function median(values: number[]): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function summary(r: ScenarioResult | undefined): { rps: number; p50: number; p99: number; spread: number; failed: number } | null {
  if (!r || !r.rounds.length) return null;
  const rps = r.rounds.map((x) => x.rps);
  return {
    rps: median(rps),
    p50: median(r.rounds.map((x) => x.p50)),
    p99: median(r.rounds.map((x) => x.p99)),
    spread: (Math.max(...rps) - Math.min(...rps)) / Math.max(1e-9, median(rps)),
    failed: r.rounds.reduce((n, x) => n + x.errors + x.non2xx + x.timeouts, 0),
  };
}
