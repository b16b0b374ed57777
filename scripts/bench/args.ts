// Option values the bench scripts share: counts such as 10k or 1M, and comma lists.

/** "10000", "10k", "1.5M" → a whole number. */
export function count(v: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(v.trim());
  if (!m) throw new Error(`not a count: ${v}`);
  return Math.round(Number(m[1]) * (m[2].toLowerCase() === 'k' ? 1e3 : m[2].toLowerCase() === 'm' ? 1e6 : 1));
}

/** "a, b,c" → ["a", "b", "c"]. */
export const list = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean);
