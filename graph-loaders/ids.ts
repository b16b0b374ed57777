// Document ids. A symbol alone is not an identity: 08-NQ/TU of 2013 and of 2022 are two
// resolutions, so a dated reference is `symbol@date`. These helpers are the one place ids are made.

/** Remove tone marks and fold Đ/đ to D/d. Length is preserved for NFC input. */
export function stripDiacritics(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    if (ch === 'đ') out += 'd';
    else if (ch === 'Đ') out += 'D';
    else {
      const base = ch.normalize('NFD')[0];
      out += base;
    }
  }
  return out;
}

/** Comparison key of a symbol: upper case, no spaces, Đ folded to D, no tone marks. */
export function symbolKey(symbol: string): string {
  return stripDiacritics(symbol).toUpperCase().replace(/\s+/g, '');
}

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
