// A DOM (from htmlparser2) → the text a reader sees, laid out as the loader's .txt files are:
// one paragraph per line, a blank line where the page shows a gap, whitespace collapsed as
// browsers collapse it. Used for HTML pages and for .docx (through mammoth's HTML).
import type { ChildNode, Element } from 'domhandler';

export interface TextOptions {
  /** HTML: paragraphs are separated by a blank line. Word: one line each, an empty paragraph is the blank line. */
  paragraphs: 'blank-line' | 'line';
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'iframe', 'object', 'embed', 'svg', 'math', 'button', 'select', 'input', 'textarea', 'map', 'canvas', 'video', 'audio']);
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const SECTION = new Set(['blockquote', 'ul', 'ol', 'dl', 'table', 'pre', 'hr', 'figure']);
const LINE = new Set(['div', 'li', 'tr', 'td', 'th', 'dt', 'dd', 'caption', 'address', 'center', 'header', 'footer', 'main', 'nav', 'aside', 'article', 'section', 'form', 'fieldset', 'legend', 'figcaption', 'tbody', 'thead', 'tfoot', 'body', 'html']);

export function isHidden(el: Element): boolean {
  if (el.attribs.hidden !== undefined || el.attribs['aria-hidden'] === 'true') return true;
  return /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(el.attribs.style ?? '');
}

export function domToText(nodes: readonly ChildNode[], options: TextOptions): string {
  let out = '';
  let pending = 0; // newlines owed before the next word
  let space = false; // a space owed before the next word on the same line
  let emitted = 0; // words written, to tell an empty paragraph
  const paraBreak = options.paragraphs === 'blank-line' ? 2 : 1;

  const need = (n: number) => {
    pending = Math.max(pending, n);
  };
  const word = (s: string) => {
    if (out && pending) out += '\n'.repeat(pending);
    else if (space && out && !out.endsWith('\n')) out += ' ';
    pending = 0;
    space = false;
    out += s;
    emitted++;
  };
  const text = (raw: string, pre: boolean) => {
    if (pre) {
      raw.split('\n').forEach((line, i) => {
        if (i > 0) pending++;
        if (line.trim()) word(line.replace(/\s+$/, ''));
      });
      return;
    }
    const s = raw.replace(/[\s\u00a0\u200b]+/g, ' ');
    if (!s.trim()) {
      if (s) space = true;
      return;
    }
    if (s.startsWith(' ')) space = true;
    word(s.trim());
    space = s.endsWith(' ');
  };
  const visit = (node: ChildNode, pre: boolean) => {
    if (node.type === 'text') return text(node.data, pre);
    if (node.type !== 'tag' && node.type !== 'root' && node.type !== 'cdata') return; // comments, directives, script, style
    if (node.type !== 'tag') return node.children.forEach((c) => visit(c, pre));
    const el = node as Element;
    const name = el.name.toLowerCase();
    if (SKIP.has(name) || isHidden(el)) return;
    if (name === 'br') {
      pending++;
      space = false;
      return;
    }
    const level = PARAGRAPH.has(name) ? paraBreak : SECTION.has(name) ? 2 : LINE.has(name) ? 1 : 0;
    const before = emitted;
    if (level) need(level);
    for (const c of el.children) visit(c, pre || name === 'pre');
    if (level) need(level);
    // Word: an empty paragraph is how authors leave a blank line.
    if (PARAGRAPH.has(name) && options.paragraphs === 'line' && emitted === before) pending++;
  };
  for (const n of nodes) visit(n, false);
  return tidy(out);
}

/** NFC, no trailing spaces, at most one blank line in a row, no blank lines at the ends. */
export function tidy(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}
