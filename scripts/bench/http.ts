// GraphQL over HTTP: autocannon runs with a new request body each request, a check that the
// answers are real answers (GraphQL errors come back as HTTP 200, which autocannon counts as
// success), and a check that ours and the peer's answers name the same documents.
import autocannon from 'autocannon';
import { body, type Pools, type ScenarioName } from './queries.js';
import type { Equivalence } from './results.js';

export interface HttpFigures {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  /** CPU milliseconds per completed request: the serving process, Neo4j's JVM, the load generator. */
  cpuMsPerRequest?: { server: number | null; neo4j: number | null; client: number };
}

export async function post(port: number, payload: string): Promise<{ status: number; json: { data?: Record<string, unknown> | null; errors?: { message: string }[] }; bytes: number }> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
  const text = await res.text();
  return { status: res.status, json: JSON.parse(text), bytes: Buffer.byteLength(text) };
}

/** Send the first requests of a scenario once; throw on any error. Returns the mean answer size. */
export async function validate(port: number, side: 'ours' | 'peer', scenario: ScenarioName, pools: Pools, count = 5): Promise<number> {
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const r = await post(port, body(side, scenario, pools, i));
    if (r.status !== 200 || r.json.errors?.length || !r.json.data) throw new Error(`${side} ${scenario}: ${r.status} ${JSON.stringify(r.json.errors ?? r.json).slice(0, 400)}`);
    bytes += r.bytes;
  }
  return bytes / count;
}

/** Mean latency of requests sent one at a time (no queueing): the cost of one request. */
export async function sequential(port: number, side: 'ours' | 'peer', scenario: ScenarioName, pools: Pools, count: number, maxSeconds = 30): Promise<{ requests: number; meanMs: number }> {
  const t0 = performance.now();
  let i = 0;
  while (i < count && (i === 0 || performance.now() - t0 < maxSeconds * 1000)) await post(port, body(side, scenario, pools, i++));
  return { requests: i, meanMs: (performance.now() - t0) / i };
}

export async function cannon(port: number, side: 'ours' | 'peer', scenario: ScenarioName, pools: Pools, opts: { seconds: number; connections: number }): Promise<HttpFigures> {
  let i = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 30,
    requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, body: body(side, scenario, pools, i++) }) }],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
  };
}

type Json = Record<string, unknown>;
const RELATION_FIELDS: [string, string][] = [
  ['supersedes', 'SUPERSEDES'],
  ['amends', 'AMENDS'],
  ['implements', 'IMPLEMENTS'],
  ['guides', 'GUIDES'],
  ['basedOn', 'BASED_ON'],
  ['cites', 'CITES'],
];

/** What an answer says, reduced to comparable strings: relations, chain members, page ids. */
function essence(side: 'ours' | 'peer', scenario: ScenarioName, data: Json): string[] {
  if (scenario === 'document') {
    if (side === 'ours') {
      const d = data.document as { outgoing: { type: string; to: { id: string }; evidence: unknown[] }[] } | null;
      return (d?.outgoing ?? []).flatMap((r) => [`${r.type}>${r.to.id}`, ...r.evidence.map(() => `ev:${r.type}>${r.to.id}`)]).sort();
    }
    const d = (data.documents as Json[])[0] as Json | undefined;
    if (!d) return [];
    const rels = RELATION_FIELDS.flatMap(([f, t]) => (d[f] as { id: string }[]).map((x) => `${t}>${x.id}`));
    const ev = (d.outgoingEvidence as { type: string; to: string }[]).map((e) => `ev:${e.type}>${e.to}`);
    return [...rels, ...ev].sort();
  }
  if (scenario === 'chain20') {
    if (side === 'ours') return ((data.document as Json).supersessionChain as { document: { id: string } }[]).map((l) => l.document.id).sort();
    const ids: string[] = [];
    const walk = (d: Json) => {
      for (const n of (d.supersedes as Json[] | undefined) ?? []) {
        ids.push(n.id as string);
        walk(n);
      }
    };
    walk((data.documents as Json[])[0]);
    return [...new Set(ids)].sort();
  }
  if (scenario === 'page20') {
    const ids = side === 'ours' ? ((data.documents as Json).edges as { node: { id: string } }[]).map((e) => e.node.id) : (data.documents as { id: string }[]).map((d) => d.id);
    return ids;
  }
  const conn = (side === 'ours' ? data.documents : data.documentsConnection) as { totalCount: number; edges: { node: { id: string } }[] };
  return [`total:${conn.totalCount}`, ...conn.edges.map((e) => e.node.id)];
}

/**
 * How many of `count` requests get the same answer from both servers; the first difference, if any.
 * The peer failing to answer is a finding (peerError: the bench measures ours alone); ours, a fault.
 */
export async function compare(ours: number, peer: number, scenario: ScenarioName, pools: Pools, wanted = 20, maxSeconds = 60): Promise<Equivalence> {
  let same = 0;
  let count = 0;
  let firstDifference: string | null = null;
  const t0 = performance.now();
  for (let i = 0; i < wanted && (i === 0 || performance.now() - t0 < maxSeconds * 1000); i++, count++) {
    const a = await post(ours, body('ours', scenario, pools, i));
    const b = await post(peer, body('peer', scenario, pools, i));
    const errors = (r: typeof a) => JSON.stringify(r.json.errors ?? r.json).slice(0, 300);
    if (!a.json.data) throw new Error(`${scenario}: ours answered request ${i} without data: ${errors(a)}`);
    if (!b.json.data) return { same, count: count + 1, firstDifference, peerError: `request ${i}: ${errors(b)}` };
    const ea = essence('ours', scenario, a.json.data);
    const eb = essence('peer', scenario, b.json.data);
    if (JSON.stringify(ea) === JSON.stringify(eb)) same++;
    else firstDifference ??= `request ${i}: ours ${JSON.stringify(ea).slice(0, 300)} / peer ${JSON.stringify(eb).slice(0, 300)}`;
  }
  return { same, count, firstDifference };
}
