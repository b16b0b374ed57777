// HTML pages → their main text. The charset comes from the BOM or the page's own declaration;
// the main text is the element the publisher keeps the document in (vbpl.vn, thuvienphapluat.vn,
// portals), else <main>/<article>, else the body without navigation, headers and footers.
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { decodeText } from '../encoding.js';
import { domToText, isHidden } from './html-text.js';

type Result = { text: string } | { error: string };

/** Where publishers put the text of a document (ids and classes seen on Vietnamese portals). */
const CONTENT = /^(?:toanvancontent|toanvan|vbcontent|vanban|content1|noidung|noi-dung|fulltext|full-text|document-content|doc-content|contentdoc|entry-content|post-content|article-content|articlebody|main-content|maincontent)$/i;
const CHROME = new Set(['nav', 'header', 'footer', 'aside', 'form']);
const CHROME_CLASS = /(?:^|[\s_-])(?:menu|navbar|nav|breadcrumbs?|footer|sidebar|banner|share|social|related|advert|ads|cookie)(?:[\s_-]|$)/i;

export function readHtml(bytes: Uint8Array): Result {
  const decoded = decodeHtml(bytes);
  if ('error' in decoded) return decoded;
  const text = htmlToText(decoded.text);
  return text.trim() ? { text } : { error: 'HTML page with no text in it' };
}

export function htmlToText(html: string): string {
  const dom = parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
  const main = mainElement(dom.children);
  if (main) return domToText([main], { paragraphs: 'blank-line' });
  return domToText(withoutChrome(dom.children), { paragraphs: 'blank-line' });
}

function* elements(nodes: readonly ChildNode[]): Generator<Element> {
  for (const n of nodes) {
    if (n.type !== 'tag') continue;
    const el = n as Element;
    yield el;
    yield* elements(el.children);
  }
}

function textLength(el: Element): number {
  let n = 0;
  const walk = (nodes: readonly ChildNode[]) => {
    for (const c of nodes) {
      if (c.type === 'text') n += c.data.trim().length;
      else if (c.type === 'tag' && !isHidden(c as Element)) walk((c as Element).children);
    }
  };
  walk(el.children);
  return n;
}

/** The publisher's content element, else the largest <main> or <article>, if it holds real text. */
function mainElement(nodes: readonly ChildNode[]): Element | null {
  const named: Element[] = [];
  const semantic: Element[] = [];
  for (const el of elements(nodes)) {
    if (CONTENT.test(el.attribs.id ?? '') || (el.attribs.class ?? '').split(/\s+/).some((c) => CONTENT.test(c))) named.push(el);
    else if (el.name === 'main' || el.name === 'article') semantic.push(el);
  }
  for (const group of [named, semantic]) {
    const best = group.map((el) => ({ el, n: textLength(el) })).sort((a, b) => b.n - a.n)[0];
    if (best && best.n >= 50) return best.el;
  }
  return null;
}

/** The page without its navigation, site header and footer. */
function withoutChrome(nodes: readonly ChildNode[]): ChildNode[] {
  return nodes.filter((n) => {
    if (n.type !== 'tag') return true;
    const el = n as Element;
    if (CHROME.has(el.name) || CHROME_CLASS.test(`${el.attribs.id ?? ''} ${el.attribs.class ?? ''}`) || el.attribs.role === 'navigation') return false;
    el.children = withoutChrome(el.children);
    return true;
  });
}

// ---- bytes → string ----

function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta) return meta[1].toLowerCase();
  const xml = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return xml ? xml[1].toLowerCase() : null;
}

export function decodeHtml(bytes: Uint8Array): Result {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return decodeText(bytes);
  const charset = declaredCharset(bytes);
  if (!charset || charset === 'utf-8' || charset === 'utf8') return utf8(bytes);
  try {
    return { text: new TextDecoder(charset).decode(bytes) };
  } catch {
    return { error: `HTML page in an unknown character set "${charset}"` };
  }
}

function utf8(bytes: Uint8Array): Result {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Undeclared or mislabelled: plain-text decoding knows the legacy Vietnamese encodings.
    return decodeText(bytes);
  }
}
