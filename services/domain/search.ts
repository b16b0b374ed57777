// Search folding shared by both stores: tone marks off, đ→d, lower case; the same tokens a Lucene
// standard-folding analyzer makes, so both stores match alike.
import { stripDiacritics } from '../../graph-loaders/ids.js';

// Function words that a query may carry ("Nghị quyết số 45 của ...") but a match need not contain.
const STOPWORDS = new Set(['so', 'ngay', 'thang', 'nam', 'cua', 've', 'va', 'tai', 'theo', 'viec', 'v/v']);

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}

/** Folded tokens of a text: letters and digits only, so they are safe in any query language. */
export function foldTokens(text: string): string[] {
  const folded = stripDiacritics(text).toLowerCase();
  const out: string[] = [];
  for (const m of folded.matchAll(/[a-z0-9]+/g)) out.push(m[0]);
  return out;
}
