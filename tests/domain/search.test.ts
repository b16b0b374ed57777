// Search folding: the scan must give exactly the tokens of the regex it replaced, on real texts and
// on random ones (every case rule of toLowerCase and the fold table included).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripDiacritics } from '../../graph-loaders/ids.js';
import { eachFoldedToken, foldTokens } from '../../services/domain/search.js';

/** The definition: runs of [a-z0-9] in the folded, lower-cased text. */
const byRegex = (text: string) => [...stripDiacritics(text).toLowerCase().matchAll(/[a-z0-9]+/g)].map((m) => m[0]);

const textsDir = path.join(import.meta.dirname, '../fixtures/loader-texts');

describe('folded tokens', () => {
  it('folds tone marks, đ and case, and splits on everything but letters and digits', () => {
    expect(foldTokens('Nghị quyết số 45-NQ/TW của ĐẢNG ỦY')).toEqual(['nghi', 'quyet', 'so', '45', 'nq', 'tw', 'cua', 'dang', 'uy']);
    expect(foldTokens('')).toEqual([]);
    expect(foldTokens('  ...  ')).toEqual([]);
    expect(foldTokens('x')).toEqual(['x']);
    expect(foldTokens('KẾT LUẬN')).toEqual(['ket', 'luan']);
  });

  it('gives the regex definition on every sample text', () => {
    const files = readdirSync(textsDir).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const text = readFileSync(path.join(textsDir, f), 'utf8');
      expect(foldTokens(text), f).toEqual(byRegex(text));
    }
  });

  it('gives the regex definition on random text, including letters whose lower case is ASCII (K sign, İ)', () => {
    const alphabet = [...'aZz09 -/.\n\tđĐăâêôơưẠạẾếỮữİıKÅßﬁ①²٣', '\u0301', '\u0323', '\u212a', '\u0130', '\ud83d\ude00'];
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let k = 0; k < 3000; k++) {
      let s = '';
      for (let i = rand(40); i > 0; i--) s += rand(5) === 0 ? String.fromCharCode(rand(0x3000)) : alphabet[rand(alphabet.length)];
      expect(foldTokens(s), JSON.stringify(s)).toEqual(byRegex(s));
    }
  });

  it('calls back once per occurrence, repeats included, in order', () => {
    const seen: string[] = [];
    eachFoldedToken('số 45, SỐ 45 và số', (t) => seen.push(t));
    expect(seen).toEqual(['so', '45', 'so', '45', 'va', 'so']);
  });
});
