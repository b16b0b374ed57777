// Search folding shared by both stores: tone marks off, đ→d, lower case; the same tokens a Lucene
// standard-folding analyzer makes, so both stores match alike.
import { stripDiacritics } from '../../graph-loaders/ids.js';

// Function words that a query may carry ("Nghị quyết số 45 của ...") but a match need not contain.
const STOPWORDS = new Set(['so', 'ngay', 'thang', 'nam', 'cua', 've', 'va', 'tai', 'theo', 'viec', 'v/v']);

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}

/**
 * Every folded token of a text in order, repeats included: the runs of [a-z0-9] in the folded,
 * lower-cased text. A scan rather than matchAll: indexing a million texts made a match object per
 * word, a fifth of everything a load allocated.
 */
export function eachFoldedToken(text: string, each: (token: string) => void): void {
  const folded = stripDiacritics(text).toLowerCase();
  let start = -1;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      each(folded.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) each(folded.slice(start));
}

/** Folded tokens of a text: letters and digits only, so they are safe in any query language. */
export function foldTokens(text: string): string[] {
  const out: string[] = [];
  eachFoldedToken(text, (t) => out.push(t));
  return out;
}
