// Results → one markdown table (a column per corpus size), then where the load time went.
import { SCENARIOS } from './queries.js';
import { summary, type ScenarioResult, type SizeResult, type StoreResult } from './results.js';

type ScenarioResultLike = ScenarioResult;

import { accuracy } from './stages/extract.js';
import type { Phase } from './stages/load.js';

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
const dec = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–');
const mb = (bytes: number | null | undefined) => (bytes == null ? '–' : `${int(bytes / 2 ** 20)} MB`);
const size = (n: number) => (n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}M` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));

function rates(p: Phase): string {
  if (!p.docs || !p.seconds) return '–';
  return `${int(p.docs / p.seconds)} docs/s · ${int(p.evidence / p.seconds)} rel/s`;
}

function ratio(a: Phase, b: Phase): string {
  if (!a.seconds || !b.seconds || !b.docs) return '–';
  return `${dec(a.evidence / a.seconds / (b.evidence / b.seconds))}×`;
}

function share(p: Phase): string {
  if (!p.seconds) return '–';
  return `resolve ${int((100 * p.prepareSeconds) / p.seconds)}% · write ${int((100 * p.applySeconds) / p.seconds)}%`;
}

function memory(s: StoreResult | undefined, m = s?.memory): string {
  if (!s || !m) return '–';
  const store = m.rss - m.rssEmpty;
  const rels = s.load.stats.evidence / 1e6;
  return `${mb(m.rss)} RSS (${mb(store)} over an empty process) · ${int(store / 2 ** 20 / Math.max(rels, 1e-9))} MB per million relations`;
}

function http(s: ReturnType<typeof summary>): string {
  if (!s) return '–';
  return `${int(s.rps)} req/s · ${dec(s.p50, 0)}/${dec(s.p99, 0)} ms${s.failed ? ` · ${s.failed} failed` : ''}${s.spread > 0.15 ? ` (±${int((s.spread * 100) / 2)}%)` : ''}`;
}

export function markdown(results: SizeResult[]): string {
  const rows: [string, ...string[]][] = [];
  const row = (label: string, cell: (r: SizeResult) => string) => rows.push([label, ...results.map(cell)]);
  row('documents · text · truth relations/doc', (r) => (r.extract ? `${int(r.extract.docs)} · ${int(r.extract.bytes / 2 ** 20)} MB · ${dec(r.extract.truthEdges / r.extract.docs)}` : int(r.docs)));
  row('**extraction** MB/s per core (CPU time; wall)', (r) => (r.extract ? `${dec(r.extract.bytes / 2 ** 20 / r.extract.cpuSeconds)} (wall ${dec(r.extract.bytes / 2 ** 20 / r.extract.wallSeconds)})` : '–'));
  row('extraction docs/s per core (CPU time)', (r) => (r.extract ? int(r.extract.docs / r.extract.cpuSeconds) : '–'));
  row('extraction accuracy: recall · precision · relation · SUPERSEDES P/R · identity', (r) => {
    if (!r.extract?.counts.scored) return '–';
    const a = accuracy(r.extract.counts);
    return `${dec(a.recall, 3)} · ${dec(a.precision, 3)} · ${dec(a.relation, 3)} · ${dec(a.supersedesPrecision, 3)}/${dec(a.supersedesRecall, 3)} · ${dec(a.identity, 3)}`;
  });
  for (const kind of ['embedded', 'neo4j'] as const) {
    const name = kind === 'embedded' ? 'embedded' : 'Neo4j';
    if (!results.some((r) => r.stores[kind])) continue;
    const s = (r: SizeResult) => r.stores[kind];
    row(`**${name} load**, batched (chunks of ${results[0].settings.chunk})`, (r) => (s(r)?.load.preloaded ? 'loaded before the bench: not measured' : s(r) ? rates(s(r)!.load.batched) : '–'));
    row(`${name} load, one transaction per document`, (r) => (s(r) ? rates(s(r)!.load.baseline) + (s(r)!.load.baseline.stoppedEarly ? ' (time-capped)' : '') : '–'));
    row(`${name}: batched ÷ per-document, same database size`, (r) => (s(r) ? ratio(s(r)!.load.batchedRecent, s(r)!.load.baseline) : '–'));
    row(`${name} batched load time`, (r) => (s(r) ? share(s(r)!.load.batched) : '–'));
    row(`${name}: documents · relations · evidence in the store`, (r) => (s(r) ? `${int(s(r)!.load.stats.documents)} · ${int(s(r)!.load.stats.relations)} · ${int(s(r)!.load.stats.evidence)}` : '–'));
    if (kind === 'embedded') {
      row('embedded resident memory after the load', (r) => memory(s(r)));
      if (results.some((r) => s(r)?.reopened)) {
        row('embedded, a new server opening the stored files: open time · resident memory', (r) => {
          const o = s(r)?.reopened;
          return o ? `${dec(o.seconds)} s · ${memory(s(r), o.memory)}` : '–';
        });
      }
    }
    else row('Neo4j server RSS · store on disk', (r) => (s(r) ? `${mb(s(r)!.serverRss)} · ${mb(s(r)!.disk)}` : '–'));
  }
  for (const sc of SCENARIOS) {
    if (!results.some((r) => r.stores.embedded?.http[sc.name] || r.stores.neo4j?.http[sc.name])) continue;
    row(`**${sc.label}**: embedded`, (r) => http(summary(r.stores.embedded?.http[sc.name])));
    row(`… Neo4j, our API`, (r) => http(summary(r.stores.neo4j?.http[sc.name])));
    if (!results.some((r) => r.peer?.http[sc.name] || r.peer?.equivalence[sc.name]?.peerError)) continue;
    row(`… Neo4j, @neo4j/graphql`, (r) => http(summary(r.peer?.http[sc.name])));
    row(`… ours ÷ @neo4j/graphql (req/s) · same answers`, (r) => {
      const a = summary(r.stores.neo4j?.http[sc.name]);
      const b = summary(r.peer?.http[sc.name]);
      const eq = r.peer?.equivalence[sc.name];
      if (eq?.peerError) return `@neo4j/graphql failed, ${eq.peerError.slice(0, 160).replace(/\|/g, '/')}`;
      return a && b ? `${dec(a.rps / b.rps, 2)}×${eq ? ` · ${eq.same}/${eq.count}` : ''}` : '–';
    });
  }
  row('load average during the run (min–max; 2 cores)', (r) => `${dec(r.loadAverage.min)}–${dec(r.loadAverage.max)}`);
  row('code measured', (r) => (r.code ? `${r.code.commit}${r.code.changed.length ? ` + ${r.code.changed.length} changed files` : ''}` : '–'));
  const header = `| figure | ${results.map((r) => size(r.docs) + ' docs').join(' | ')} |`;
  const rule = `|---|${results.map(() => '---').join('|')}|`;
  return [header, rule, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Where the write time went, largest parts first, per size and store. */
export function breakdowns(results: SizeResult[], top = 8): string {
  const out: string[] = [];
  for (const r of results) {
    for (const kind of ['embedded', 'neo4j'] as const) {
      const s = r.stores[kind];
      if (!s?.load.instrumented) continue;
      for (const [title, list, phase] of [
        ['batched', s.load.breakdown, s.load.batched],
        ['one per document', s.load.breakdownBaseline, s.load.baseline],
      ] as const) {
        if (!list.length) continue;
        const lk = (s.load.lookups ?? []).filter((l) => l.phase === (title === 'batched' ? 'batched' : 'baseline'));
        const lookups = lk.map((l) => `store.${l.method} ${dec(l.seconds)} s (${int(l.rows / l.calls)} rows a call)`).join(', ');
        out.push(`${size(r.docs)} docs, ${kind}, ${title}: resolve (prepareBatch) ${dec(phase.prepareSeconds)} s${lookups ? ` [of which ${lookups}]` : ''}, write (applyBatch) ${dec(phase.applySeconds)} s, of which:`);
        for (const b of list.slice(0, top)) out.push(`  ${dec(b.seconds, 2).padStart(8)} s  ${String(b.calls).padStart(7)} calls  ${b.label}`);
      }
    }
    for (const kind of ['embedded', 'neo4j'] as const) {
      for (const sc of SCENARIOS) {
        const h = r.stores[kind]?.http[sc.name];
        const probe = h?.probe;
        if (!probe) continue;
        const per = probe.reads.map((x) => `${x.label.replace('store.', '')} ×${dec(x.calls / probe.requests, 1)} (${dec((1000 * x.seconds) / x.calls, 2)} ms each)`);
        const peer = kind === 'neo4j' ? r.peer?.http[sc.name]?.probe : undefined;
        const cpu = (x: ScenarioResultLike | undefined) => {
          const c = x?.rounds.map((f) => f.cpuMsPerRequest).filter(Boolean) ?? [];
          if (!c.length) return '';
          const avg = (k: 'server' | 'neo4j' | 'client') => c.reduce((n, v) => n + (v![k] ?? 0), 0) / c.length;
          const neo = c.some((v) => v!.neo4j !== null) ? ` + Neo4j ${dec(avg('neo4j'), 2)}` : '';
          return `server ${dec(avg('server'), 2)}${neo} + client ${dec(avg('client'), 2)} CPU ms`;
        };
        const cpuOurs = cpu(h);
        const cpuPeer = kind === 'neo4j' ? cpu(r.peer?.http[sc.name]) : '';
        out.push(`${size(r.docs)} docs, ${kind}, ${sc.name}: one request alone ${dec(probe.meanMs, 1)} ms${peer ? ` (@neo4j/graphql ${dec(peer.meanMs, 1)} ms)` : ''}; store calls per request: ${per.join(', ')}${cpuOurs ? `; under load, per request: ${cpuOurs}${cpuPeer ? ` (@neo4j/graphql: ${cpuPeer})` : ''}` : ''}`);
      }
    }
    for (const kind of ['embedded', 'neo4j'] as const) {
      const c = r.stores[kind]?.load.curve ?? [];
      if (c.length < 2) continue;
      const steps = c.map((p, i) => `${int(p.docs / 1000)}k: ${int(p.seconds - (i ? c[i - 1].seconds : 0))} s, ${mb(p.rss)}`);
      out.push(`${size(r.docs)} docs, ${kind}: seconds per 10,000 documents (extraction included) and RSS: ${steps.join(' · ')}`);
    }
    for (const f of r.failures) out.push(`${size(r.docs)} docs: ${f.stage} failed: ${f.message.split('\n')[0]}`);
  }
  return out.join('\n');
}
