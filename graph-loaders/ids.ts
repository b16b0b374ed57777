// Document ids. A symbol alone is not an identity: 08-NQ/TU of 2013 and of 2022 are two
// resolutions, so a dated reference is `symbol@date`. These helpers are the one place ids are made.

import { memo } from './normalise.js';

// One UTF-16 unit in, one out: the base letter of every precomposed Latin letter (Vietnamese
// included), đ/Đ as d/D. Built once, so folding is a table look-up per character.
const BASE = (() => {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  for (let c = 0xc0; c < 0x2000; c++) {
    const base = String.fromCharCode(c).normalize('NFD').charCodeAt(0);
    if (base < 0x80) t[c] = base;
  }
  t[0x111] = 100; // đ
  t[0x110] = 68; // Đ
  return t;
})();

let utf16: InstanceType<typeof TextDecoder> | null = null;

/** Remove tone marks and fold Đ/đ to D/d. Length is preserved for NFC input. */
export function stripDiacritics(s: string): string {
  const text = s.normalize('NFC');
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = BASE[text.charCodeAt(i)];
  utf16 ??= new TextDecoder('utf-16le');
  return utf16.decode(out);
}

/**
 * Comparison key of a symbol: upper case, no spaces, Đ folded to D, no tone marks. Memoised:
 * resolution asks for the key of the same few thousand symbols millions of times in a large load.
 */
export const symbolKey = memo((symbol: string) => stripDiacritics(symbol).toUpperCase().replace(/\s+/g, ''), 200_000);

/** Id of a document named by symbol and issue date. Undated: the bare symbol (a stub whose date is unknown). */
export function documentId(symbol: string, date: string | null | undefined): string {
  return date ? `${symbol}@${date}` : symbol;
}

/** Id of the explicit ambiguous reference for a symbol that names several documents. */
export function ambiguousId(symbol: string): string {
  return `${symbol}?`;
}

export function slug(s: string, max = 80): string {
  return stripDiacritics(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** Id of a document without a number: issuer + type + date (or title). */
export function unnumberedId(type: string | null, issuer: string | null, date: string | null, title: string | null): string {
  const what = [type, issuer].filter(Boolean).map((s) => slug(s as string, 60)).join(':') || 'document';
  const when = date ?? (title ? slug(title, 60) : 'undated');
  return `${what}@${when}`;
}

/** Split an id made by documentId back into symbol and date. */
export function parseDocumentId(id: string): { symbol: string; date: string | null } {
  const at = id.lastIndexOf('@');
  if (at > 0 && /^\d{4}-\d{2}-\d{2}$/.test(id.slice(at + 1))) return { symbol: id.slice(0, at), date: id.slice(at + 1) };
  return { symbol: id, date: null };
}
