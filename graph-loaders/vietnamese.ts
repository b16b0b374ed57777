// Does a text read as Vietnamese? Used to tell a right decoding of legacy 8-bit bytes from a
// wrong one: a wrong table turns accented syllables into impossible ones ("Ngh̉", "x·", "ViƯt").
import { memo } from './normalise.js';

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

// Initial consonant, vowel nucleus (with its glides), final consonant; loose but enough to reject
// what a wrong table produces.
const INITIAL = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?';
const NUCLEI = [
  'iêu', 'yêu', 'oai', 'oay', 'oao', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uya', 'uyê', 'uyu',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'iu', 'oi', 'ôi', 'ơi', 'ui', 'ưi', 'ưu', 'oo',
  'ia', 'iê', 'ua', 'uô', 'ưa', 'ươ', 'yê', 'oa', 'oă', 'oe', 'uâ', 'uê', 'uy', 'uơ',
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
];
const FINAL = '(?:ch|ng|nh|[cmnpt])?';
const SYLLABLE = new RegExp(`^${INITIAL}(?:${NUCLEI.join('|')})${FINAL}$`);

// A legacy file is scored once per candidate encoding (encoding.ts), and its words recur: each is tested once.
/** One written syllable of Vietnamese (any case, NFC or NFD): known letters, at most one tone. */
export const isVietnameseSyllable = memo(syllable, 20_000);

function syllable(token: string): boolean {
  const nfd = token.toLowerCase().normalize('NFD');
  const tones = nfd.match(TONES);
  if (tones && tones.length > 1) return false;
  return SYLLABLE.test(nfd.replace(TONES, '').normalize('NFC'));
}

// Words are split on blanks, digits, ASCII punctuation and the usual quotes and dashes; any other
// symbol stays inside the word and spoils it (TCVN3's "§¶ng" read as Windows-1258).
const SPLIT = /[\s\d!-/:-@[-`{-~\u2013\u2014\u2026\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e]+/u;

export interface VietnameseScore {
  /** Words with a non-ASCII character: the ones that tell decodings apart. */
  accented: number;
  /** Of those, the ones that are Vietnamese syllables. */
  valid: number;
}

export function vietnameseScore(text: string): VietnameseScore {
  let accented = 0;
  let valid = 0;
  for (const word of text.split(SPLIT)) {
    if (!word || !/[^\x00-\x7f]/.test(word)) continue;
    accented++;
    if (isVietnameseSyllable(word)) valid++;
  }
  return { accented, valid };
}

/** Accented words a decoding needs before it can be called Vietnamese. */
export const MIN_EVIDENCE = 3;

/**
 * A decoding reads as Vietnamese: almost every accented word is a syllable (all of them in a short
 * text), or, in a longer text with typing or OCR slips, most of them while no other decoding comes
 * near (`rival`: the next best share).
 */
export function readsAsVietnamese(s: VietnameseScore, rival = 0): boolean {
  // fewer words than this tell nothing (the fuzz found one byte, 0xC4, read as TCVN3 "Ấ")
  if (s.accented < MIN_EVIDENCE) return false;
  if (s.accented < 5) return s.valid === s.accented;
  const share = s.valid / s.accented;
  return share >= 0.85 || (s.accented >= 20 && share >= 0.6 && rival <= share / 2);
}
