// Score extraction output against a gold file: a faithful port of tests/fixtures/score_extraction.py
// (same clustering by (from, to), date splitting, optional and hard edges, relation and strong
// agreement, SUPERSEDES precision/recall, dates, identities) so the figures agree to the digit.

export const STRENGTH = ['SUPERSEDES', 'AMENDS', 'IMPLEMENTS', 'GUIDES', 'BASED_ON', 'CITES'];

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Symbol comparison key, as the Python scorer: NFC, upper, no spaces, Đ→D, no combining marks. */
export function norm(sym: unknown): string | null {
  if (sym === null || sym === undefined) return null;
  let s = String(sym).normalize('NFC').toUpperCase().replace(/ /g, '');
  s = s.replace(/Đ/g, 'D');
  return s.normalize('NFD').replace(/\p{Mn}/gu, '');
}

function strongest(types: Set<string | null>): string | null {
  for (const t of STRENGTH) if (types.has(t)) return t;
  const rest = [...types].filter((t): t is string => typeof t === 'string').sort();
  return rest.length ? rest[0] : null;
}

function base(p: unknown): string {
  const s = typeof p === 'string' ? p : '';
  const i = s.lastIndexOf('/');
  return i >= 0 ? s.slice(i + 1) : s;
}

/** Parse JSON Lines as the Python scorer does: blank lines skipped, bad lines kept as {_bad}. */
export function parseJsonl(text: string): Json[] {
  const out: Json[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    try {
      out.push(JSON.parse(line));
    } catch {
      out.push({ _bad: line.slice(0, 200) });
    }
  }
  return out;
}

type Cluster = [string | null, string, string | null, Set<string | null>];

function truthyDate(d: unknown): string | null {
  return typeof d === 'string' && d ? d : null;
}

export function clusterPredictions(rels: Json[]): Cluster[] {
  const groups = new Map<string, { f: string | null; t: string; items: [string | null, string | null][] }>();
  for (const r of rels) {
    const fr = r?.from;
    const fsym = fr && typeof fr === 'object' && !Array.isArray(fr) ? norm(fr.symbol) : null;
    const to = (r?.to && typeof r.to === 'object' ? r.to : {}) as Json;
    const tsym = norm(to.symbol);
    if (!tsym) continue;
    const k = JSON.stringify([fsym, tsym]);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { f: fsym, t: tsym, items: [] }));
    g.items.push([truthyDate(to.date), r?.type ?? null]);
  }
  const clusters: Cluster[] = [];
  for (const { f, t, items } of groups.values()) {
    const dated = new Map<string, Set<string | null>>();
    const undated = new Set<string | null>();
    for (const [d, ty] of items) {
      if (d) {
        let s = dated.get(d);
        if (!s) dated.set(d, (s = new Set()));
        s.add(ty);
      } else undated.add(ty);
    }
    if (dated.size === 1) {
      const [[d, ts]] = [...dated.entries()];
      clusters.push([f, t, d, new Set([...ts, ...undated])]);
    } else {
      for (const [d, ts] of dated) clusters.push([f, t, d, new Set(ts)]);
      if (undated.size) clusters.push([f, t, null, undated]);
    }
  }
  return clusters;
}

export interface ScoreFigures {
  recall: number;
  precision: number;
  f1: number;
  relation: number;
  strong: number;
  supersedesPrecision: number;
  supersedesRecall: number;
  date: number;
  identity: number;
  goldRefs: number;
  predicted: number;
  counts: {
    found: number;
    scored: number;
    matchedPred: number;
    totalPred: number;
    relOk: number;
    relN: number;
    strongOk: number;
    strongN: number;
    supTp: number;
    supFp: number;
    supFn: number;
    dateOk: number;
    dateN: number;
    idOk: number;
    idN: number;
  };
}

export interface ScoreReport {
  figures: ScoreFigures;
  summary: string;
  misses: string[];
  wrongRelation: string[];
  wrongDate: string[];
  wrongIdentity: string[];
  extras: string[];
  missingFiles: string[];
  badLines: number;
}

/** Python's "{:.3f}": round half to even on the exact binary value. */
export function fmt3(x: number): string {
  const scaled = x * 1000;
  const fl = Math.floor(scaled);
  if (scaled - fl === 0.5 && Number.isFinite(scaled)) {
    const even = fl % 2 === 0 ? fl : fl + 1;
    return (even / 1000).toFixed(3);
  }
  return x.toFixed(3);
}

export function scoreExtraction(gold: Json[], pred: Json[], opts: { selfOnly?: boolean } = {}): ScoreReport {
  const predByFile = new Map<string, Json>();
  let bad = 0;
  for (const p of pred) {
    if ('_bad' in p || !('file' in p)) {
      bad++;
      continue;
    }
    predByFile.set(base(p.file), p);
  }
  const gdocs = gold.filter((g) => g.kind === 'document');
  const gedges = gold.filter((g) => g.kind === 'edge');
  const files = [...new Set(gold.map((g) => g.file as string))].sort();
  const missingFiles = files.filter((f) => !predByFile.has(f));

  let idOk = 0;
  let idN = 0;
  const wrongIdentity: string[] = [];
  for (const g of gdocs) {
    const p = (predByFile.get(g.file)?.document ?? {}) as Json;
    idN++;
    const ok = norm(p.symbol) === norm(g.symbol) && (g.issuedOn === null || g.issuedOn === undefined || p.issuedOn === g.issuedOn);
    if (ok) idOk++;
    else wrongIdentity.push(`${g.file}: want ${pyStr(g.symbol)} ${pyStr(g.issuedOn)}, got ${pyStr(p.symbol)} ${pyStr(p.issuedOn)}`);
  }

  let found = 0;
  let scored = 0;
  let relOk = 0;
  let relN = 0;
  let strongOk = 0;
  let strongN = 0;
  let supTp = 0;
  let supFp = 0;
  let supFn = 0;
  let dateOk = 0;
  let dateN = 0;
  let matchedPred = 0;
  let totalPred = 0;
  const misses: string[] = [];
  const wrongRelation: string[] = [];
  const wrongDate: string[] = [];
  const extras: string[] = [];
  for (const f of files) {
    const p = predByFile.get(f) ?? {};
    let rels = (p.relations ?? []) as Json[];
    if (!Array.isArray(rels)) rels = [];
    if (opts.selfOnly) rels = rels.filter((r) => !r.from);
    const clusters = clusterPredictions(rels);
    totalPred += clusters.length;
    const used = clusters.map(() => false);
    const fe = gedges.filter((g) => g.file === f);
    const datesPer = new Map<string, Set<unknown>>();
    const keyOf = (g: Json) => JSON.stringify([norm(g.from), norm(g.to)]);
    for (const g of fe) {
      const k = keyOf(g);
      let s = datesPer.get(k);
      if (!s) datesPer.set(k, (s = new Set()));
      s.add(g.toDate ?? null);
    }
    const ordered = [...fe].sort((a, b) => Number(a.toDate === null || a.toDate === undefined) - Number(b.toDate === null || b.toDate === undefined));
    for (const g of ordered) {
      const fk = norm(g.from);
      const tk = norm(g.to);
      const needDate = (datesPer.get(keyOf(g))?.size ?? 0) > 1 && !!g.toDate;
      const cand: number[] = [];
      clusters.forEach((c, i) => {
        if (!used[i] && c[0] === fk && c[1] === tk && (!needDate || c[2] === g.toDate)) cand.push(i);
      });
      if (!g.optional) scored++;
      if (!cand.length) {
        if (!g.optional && g.relation === 'SUPERSEDES') supFn++;
        if (!g.optional) misses.push(`${f}: ${g.from || 'SELF'} -> ${g.to} ${pyStr(g.toDate)} (${g.relation})`);
        continue;
      }
      cand.sort((a, b) => Number(clusters[a][2] !== (g.toDate ?? null)) - Number(clusters[b][2] !== (g.toDate ?? null)));
      const i = cand[0];
      used[i] = true;
      matchedPred++;
      if (g.optional) continue;
      found++;
      const c = clusters[i];
      const got = strongest(c[3]);
      const okset = new Set<string>([g.relation, ...((g.alsoOk ?? []) as string[])]);
      relN++;
      if (!okset.has('CITES')) {
        strongN++;
        if (got !== null && okset.has(got)) strongOk++;
      }
      const goldSup = okset.has('SUPERSEDES');
      const predSup = c[3].has('SUPERSEDES');
      if (goldSup && predSup) supTp++;
      if (predSup && !goldSup) supFp++;
      if (goldSup && !predSup) supFn++;
      if (got !== null && okset.has(got)) relOk++;
      else wrongRelation.push(`${f}: ${g.from || 'SELF'} -> ${g.to}: want ${g.relation} (or ${pyList(g.alsoOk)}), got ${got}`);
      if (g.toDate) {
        dateN++;
        if (c[2] === g.toDate) dateOk++;
        else wrongDate.push(`${f}: ${g.to}: want ${g.toDate}, got ${pyStr(c[2])}`);
      }
    }
    clusters.forEach((c, i) => {
      if (!used[i] && c[3].has('SUPERSEDES')) supFp++;
      if (!used[i]) extras.push(`${f}: ${c[0] ?? 'SELF'} -> ${c[1]} ${pyStr(c[2])} [${[...c[3]].sort().join(', ')}]`);
    });
  }
  const recall = scored ? found / scored : 0;
  const precision = totalPred ? matchedPred / totalPred : 0;
  const f1 = recall + precision ? (2 * recall * precision) / (recall + precision) : 0;
  const relation = relN ? relOk / relN : 0;
  const date = dateN ? dateOk / dateN : 0;
  const identity = idN ? idOk / idN : 0;
  const strong = strongN ? strongOk / strongN : 0;
  const supersedesPrecision = supTp + supFp ? supTp / (supTp + supFp) : 1;
  const supersedesRecall = supTp + supFn ? supTp / (supTp + supFn) : 1;
  const summary =
    `recall=${fmt3(recall)} precision=${fmt3(precision)} f1=${fmt3(f1)} relation=${fmt3(relation)} ` +
    `strong=${fmt3(strong)} supersedes_p=${fmt3(supersedesPrecision)} supersedes_r=${fmt3(supersedesRecall)} ` +
    `date=${fmt3(date)} identity=${fmt3(identity)} (gold refs ${scored}, predicted ${totalPred})`;
  return {
    figures: {
      recall,
      precision,
      f1,
      relation,
      strong,
      supersedesPrecision,
      supersedesRecall,
      date,
      identity,
      goldRefs: scored,
      predicted: totalPred,
      counts: { found, scored, matchedPred, totalPred, relOk, relN, strongOk, strongN, supTp, supFp, supFn, dateOk, dateN, idOk, idN },
    },
    summary,
    misses,
    wrongRelation,
    wrongDate,
    wrongIdentity,
    extras,
    missingFiles,
    badLines: bad,
  };
}

function pyStr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  return String(v);
}

function pyList(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (!Array.isArray(v)) return String(v);
  return '[' + v.map((x) => `'${x}'`).join(', ') + ']';
}

/** The report as the Python scorer prints it (lists cut at 12 lines unless verbose). */
export function formatReport(r: ScoreReport, verbose = false): string {
  const lines: string[] = [];
  if (r.missingFiles.length) lines.push(`files with no output: ${r.missingFiles.length}: ${JSON.stringify(r.missingFiles.slice(0, 5))}`);
  if (r.badLines) lines.push(`unparseable output lines: ${r.badLines}`);
  const sections: [string, string[]][] = [
    ['missed references', r.misses],
    ['wrong relation', r.wrongRelation],
    ['wrong date', r.wrongDate],
    ['wrong identity', r.wrongIdentity],
  ];
  if (verbose) sections.push(['extra predictions', r.extras]);
  for (const [title, rows] of sections) {
    if (!rows.length) continue;
    lines.push(`${title} (${rows.length}):`);
    for (const row of rows.slice(0, verbose ? 200 : 12)) lines.push('  ' + row);
  }
  lines.push(r.summary);
  return lines.join('\n');
}

/** The figures as a small table. */
export function figuresTable(f: ScoreFigures): string {
  const c = f.counts;
  const rows: [string, number, string][] = [
    ['reference recall', f.recall, `${c.found}/${c.scored}`],
    ['reference precision', f.precision, `${c.matchedPred}/${c.totalPred}`],
    ['relation agreement', f.relation, `${c.relOk}/${c.relN}`],
    ['strong (non-CITES)', f.strong, `${c.strongOk}/${c.strongN}`],
    ['SUPERSEDES precision', f.supersedesPrecision, `${c.supTp}/${c.supTp + c.supFp}`],
    ['SUPERSEDES recall', f.supersedesRecall, `${c.supTp}/${c.supTp + c.supFn}`],
    ['dates', f.date, `${c.dateOk}/${c.dateN}`],
    ['identities', f.identity, `${c.idOk}/${c.idN}`],
  ];
  return rows.map(([name, v, frac]) => `${name.padEnd(22)} ${fmt3(v)}  (${frac})`).join('\n');
}
