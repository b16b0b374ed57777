// The first differences between two graph dumps, for messages a person can read.
type Dump = { documents: { id: string }[]; evidence: { key: string }[]; curations: unknown[] };

export function dumpDifferences(a: Dump, b: Dump, max = 10): string[] {
  const out: string[] = [];
  const compare = <T>(what: string, xs: T[], ys: T[], key: (x: T) => string) => {
    const left = new Map(xs.map((x) => [key(x), x]));
    const right = new Map(ys.map((y) => [key(y), y]));
    for (const [k, x] of left) {
      const y = right.get(k);
      if (!y) out.push(`${what} ${k}: only in the first`);
      else {
        const xr = x as Record<string, unknown>;
        const yr = y as Record<string, unknown>;
        for (const f of new Set([...Object.keys(xr), ...Object.keys(yr)])) {
          if (f !== 'updatedAt' && JSON.stringify(xr[f]) !== JSON.stringify(yr[f])) out.push(`${what} ${k}.${f}: ${JSON.stringify(xr[f])?.slice(0, 120)} ≠ ${JSON.stringify(yr[f])?.slice(0, 120)}`);
        }
      }
    }
    for (const k of right.keys()) if (!left.has(k)) out.push(`${what} ${k}: only in the second`);
  };
  compare('document', a.documents, b.documents, (d) => d.id);
  compare('evidence', a.evidence, b.evidence, (e) => e.key);
  compare('curation', a.curations, b.curations, (c) => (c as { id: string }).id);
  return out.slice(0, max);
}
