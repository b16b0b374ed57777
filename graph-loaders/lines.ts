// Line lookups that stay cheap on texts with very long lines (a whole document on one line, or
// old Mac CR files): `lastIndexOf('\n', pos)` scans back to the start of the line, so calling it
// once per match costs O(n²) on a single 50 MB line.

/** Start of the line holding `pos` if it is at most `limit` characters back, else -1. */
export function lineStartWithin(text: string, pos: number, limit: number): number {
  const floor = Math.max(0, pos - limit);
  for (let i = pos - 1; i >= floor; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return floor === 0 ? 0 : -1;
}

/** True when only spaces and tabs (or nothing) stand between the start of its line and `pos`. */
export function onlyBlanksBefore(text: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (!/\s/.test(text[i])) return false;
  }
  return true;
}
