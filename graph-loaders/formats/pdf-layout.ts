// A PDF text layer (positioned runs of text) → lines and paragraphs as the loader's .txt files
// have them: wrapped lines of one paragraph joined with a space, a new paragraph on a new line,
// a blank line where the page leaves a visible gap. Pure: pdf.ts feeds it pdf.js text items.

export interface Run {
  str: string;
  /** Baseline origin and advance, in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size (the text's vertical scale). */
  size: number;
}

interface Line {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
  /** One of several columns on its baseline (a header: issuer left, motto right). */
  column: boolean;
}

/** Runs on one baseline, left to right; a wide gap (another column) starts a separate line. */
function linesOf(runs: readonly Run[]): Line[] {
  const sorted = runs.filter((r) => r.str.length > 0 && r.size > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Run[][] = [];
  for (const r of sorted) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0].y - r.y) <= 0.4 * Math.max(row[0].size, r.size)) row.push(r);
    else rows.push([r]);
  }
  const lines: Line[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let line: Line | null = null;
    for (const r of row) {
      const gap = line ? r.x - line.right : 0;
      if (!line || gap > 4 * r.size) {
        if (line) lines.push(line);
        line = { text: r.str, left: r.x, right: r.x + r.width, y: row[0].y, size: r.size, column: false };
        continue;
      }
      const spaced = /\s$/.test(line.text) || /^\s/.test(r.str);
      line.text += !spaced && gap > 0.15 * r.size ? ` ${r.str}` : r.str;
      line.right = Math.max(line.right, r.x + r.width);
      line.size = Math.max(line.size, r.size);
    }
    if (line) lines.push(line);
    const segments = lines.filter((l) => l.y === row[0].y);
    if (segments.length > 1) segments.forEach((l) => (l.column = true));
  }
  return lines
    .map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() }))
    .filter((l) => l.text);
}

/** The distance between two lines of one paragraph: the smallest gap that recurs. */
function lineGap(pages: readonly Line[][]): number {
  const counts = new Map<number, number>();
  let total = 0;
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const gap = lines[i - 1].y - lines[i].y;
      if (gap < 0.8 * lines[i].size || gap > 3 * lines[i].size) continue;
      const k = Math.round(gap * 2) / 2;
      counts.set(k, (counts.get(k) ?? 0) + 1);
      total++;
    }
  }
  const enough = Math.max(2, 0.1 * total);
  const recurring = [...counts].filter(([, n]) => n >= enough).map(([k]) => k);
  const all = [...counts.keys()];
  return Math.min(...(recurring.length ? recurring : all.length ? all : [12]));
}

const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:trang\s+)?\d{1,4}(?:\s*[-–—])?(?:\s*\/\s*\d{1,4})?$/i;

function pageLines(runs: readonly Run[]): Line[] {
  let lines = linesOf(runs);
  // A bare page number above or below the text is not part of it.
  if (lines.length > 1 && PAGE_NUMBER.test(lines[0].text)) lines = lines.slice(1);
  if (lines.length > 1 && PAGE_NUMBER.test(lines.at(-1)!.text)) lines = lines.slice(0, -1);
  return lines;
}

interface Layout {
  gap: number;
  colLeft: number;
  colRight: number;
}

/** The text column and line spacing of the whole document: one page of a short list says little. */
function layoutOf(pages: readonly Line[][]): Layout {
  const lines = pages.flat();
  const lefts = lines.map((l) => l.left).sort((a, b) => a - b);
  const rights = lines.map((l) => l.right).sort((a, b) => a - b);
  const colLeft = lefts[Math.floor(lefts.length * 0.1)] ?? 0;
  const colRight = rights[Math.min(rights.length - 1, Math.floor(rights.length * 0.95))] ?? colLeft;
  return { gap: lineGap(pages), colLeft, colRight };
}

/** What separates two consecutive lines: nothing but a space, a newline, or a blank line. */
function separator(a: Line, b: Line, layout: Layout, samePage: boolean): string {
  const width = layout.colRight - layout.colLeft;
  const full = a.right >= layout.colRight - 0.2 * width;
  const indented = b.left > layout.colLeft + b.size;
  if (samePage) {
    const ratio = (a.y - b.y) / layout.gap;
    if (ratio > 1.5) return '\n\n';
    if (ratio > 1.12 || ratio < 0) return '\n';
  }
  if (!full || indented || a.column || b.column) return '\n';
  // Across a page break nothing measures the gap: a finished sentence before a new item breaks.
  if (!samePage && /[.;:!?]$/.test(a.text) && /^[\p{Lu}\p{N}(\-+*•–]/u.test(b.text)) return '\n';
  // A line broken after a hyphen inside a symbol (312-/KL/TU) joins without a space.
  return /[\p{L}\p{N}]-$/u.test(a.text) && /^[\p{L}\p{N}]/u.test(b.text) ? '' : ' ';
}

/** Pages of runs → the document's text. */
export function layoutText(pages: readonly (readonly Run[])[]): string {
  const lines = pages.map(pageLines);
  const layout = layoutOf(lines);
  let out = '';
  let prev: Line | null = null;
  for (const page of lines) {
    page.forEach((line, i) => {
      if (prev) out += separator(prev, line, layout, i > 0);
      out += line.text;
      prev = line;
    });
  }
  return out;
}
