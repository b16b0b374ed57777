// Plain-text bytes → Unicode NFC text, or a clear reason why not. UTF-8 and UTF-16 are read as
// they are; bytes that are not UTF-8 are tried as the legacy Vietnamese encodings (TCVN3, VNI,
// Windows-1258) and taken only when the result reads as Vietnamese; otherwise the file is refused
// with what it looks like. Never returns garbage as text.
import iconv from 'iconv-lite';
import { asWindows1252Bytes, decodeLegacy, LEGACY_ENCODINGS, type LegacyEncoding } from './legacy-encodings.js';
import { MIN_EVIDENCE, readsAsVietnamese, vietnameseScore, type VietnameseScore } from './vietnamese.js';

/** Known binary formats, by their first bytes. */
const MAGIC: [string, Uint8Array][] = [
  ['PDF', Buffer.from('%PDF')],
  ['ZIP (or .docx/.xlsx)', Buffer.from([0x50, 0x4b, 0x03, 0x04])],
  ['OLE2 (.doc/.xls)', Buffer.from([0xd0, 0xcf, 0x11, 0xe0])],
  ['PNG image', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
  ['JPEG image', Buffer.from([0xff, 0xd8, 0xff])],
  ['GZIP', Buffer.from([0x1f, 0x8b])],
];

/** What the bytes were read as. */
export type TextEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | LegacyEncoding | `${LegacyEncoding} saved as UTF-8 through Windows-1252`;

export type Decoded = { text: string; encoding: TextEncoding } | { error: string };

/** Detection looks at this much of a file; the chosen decoder then reads all of it. */
const SAMPLE_BYTES = 256 * 1024;

function startsWith(bytes: Uint8Array, magic: Uint8Array): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** Decode bytes known to be a plain-text document. */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { error: 'empty file' };
  for (const [name, magic] of MAGIC) if (startsWith(bytes, magic)) return { error: `binary file (${name}), not text` };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'UTF-16LE');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'UTF-16BE');
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) return checked(new TextDecoder(utf16 === 'UTF-16LE' ? 'utf-16le' : 'utf-16be').decode(bytes), utf16);
    return { error: `binary content: NUL byte at offset ${nul}` };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return legacy(bytes);
  }
  return repairedUtf8(text) ?? checked(text, 'UTF-8');
}

function checked(text: string, encoding: TextEncoding): Decoded {
  if (text.includes('\u0000')) return { error: `binary content: NUL character in ${encoding} text` };
  const nfc = text.normalize('NFC');
  if (!nfc.trim()) return { error: 'empty file (only whitespace)' };
  return { text: nfc, encoding };
}

/** UTF-16 without a byte-order mark: ASCII-range text has a NUL in every other byte. */
function utf16WithoutBom(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  if (bytes.length % 2 !== 0 || bytes.length < 4) return null;
  const n = Math.min(bytes.length, 4096) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.6 && even < pairs * 0.05) return 'UTF-16LE';
  if (even > pairs * 0.6 && odd < pairs * 0.05) return 'UTF-16BE';
  return null;
}

interface Candidate {
  encoding: LegacyEncoding;
  sample: string;
  score: VietnameseScore;
}

function sampleOf(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= SAMPLE_BYTES) return bytes;
  let end = SAMPLE_BYTES;
  while (end < bytes.length && end < SAMPLE_BYTES + 64 && bytes[end] > 0x20) end++; // end on a blank, not mid-letter
  return bytes.subarray(0, end);
}

/** Each legacy decoding of the sample, best first. */
function rankLegacy(bytes: Uint8Array): Candidate[] {
  const sample = sampleOf(bytes);
  return LEGACY_ENCODINGS.map((encoding) => {
    const text = decodeLegacy(sample, encoding);
    return { encoding, sample: text, score: vietnameseScore(text) };
  }).sort(
    (a, b) => b.score.valid - a.score.valid || a.score.accented - b.score.accented,
  );
}

/** The one legacy encoding the text reads as, or null when none does or two do equally. */
function winner(ranked: Candidate[]): Candidate | null {
  const [best, second] = ranked;
  const share = (c: Candidate) => (c.score.accented ? c.score.valid / c.score.accented : 0);
  if (!readsAsVietnamese(best.score, Math.max(...ranked.slice(1).map(share)))) return null;
  if (readsAsVietnamese(second.score) && second.score.valid >= best.score.valid && second.sample !== best.sample) return null;
  return best;
}

/** Control bytes (other than tab, line ends, form feed, vertical tab, DOS end-of-file): text has next to none. */
function controlBytes(sample: Uint8Array): number {
  let n = 0;
  for (const b of sample) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1a) n++;
  return n;
}

function legacy(bytes: Uint8Array): Decoded {
  // random bytes could spell a few syllables by chance (the fuzz found two that did): binary data is refused first
  const sample = sampleOf(bytes);
  if (controlBytes(sample) > sample.length / 1000) return { error: `not valid UTF-8 (at byte ${firstInvalidUtf8(bytes)}) and not text: it has control bytes, so it looks like binary data` };
  const ranked = rankLegacy(bytes);
  const best = winner(ranked);
  if (best) {
    const text = decodeLegacy(bytes, best.encoding);
    const hole = text.indexOf('\ufffd');
    if (hole >= 0) return { error: `reads as Vietnamese in ${best.encoding}, but has a byte ${best.encoding} does not define (near character ${hole}); convert it to UTF-8 first` };
    return checked(text, best.encoding);
  }
  const top = ranked[0];
  const tried = `not valid UTF-8 (at byte ${firstInvalidUtf8(bytes)})`;
  const guess = top.score.accented >= MIN_EVIDENCE ? ` (closest: ${top.encoding}, ${top.score.valid} of ${top.score.accented} accented words are Vietnamese syllables)` : top.score.accented ? ' (too few accented words to tell)' : '';
  const ambiguous = readsAsVietnamese(top.score) && readsAsVietnamese(ranked[1].score) ? ` It reads as Vietnamese in both ${top.encoding} and ${ranked[1].encoding}: cannot tell which.` : '';
  return { error: `${tried} and not Vietnamese text in TCVN3, VNI or Windows-1258${guess}; it looks like ${looksLike(bytes)}.${ambiguous} Convert it to UTF-8 first` };
}

/** A short description of undecodable bytes, for the error message. */
function looksLike(bytes: Uint8Array): string {
  const sample = sampleOf(bytes);
  let control = 0;
  let high = 0;
  for (const b of sample) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
    else if (b >= 0x80) high++;
  }
  if (control > sample.length * 0.01) return 'binary data, not text';
  const western = iconv.decode(Buffer.from(sample), 'windows1252');
  const letters = western.match(/[\u00c0-\u00ff]/g)?.length ?? 0;
  if (!western.includes('\ufffd') && letters >= high * 0.8) return 'Western European 8-bit text (Windows-1252 / Latin-1)';
  return 'text in an 8-bit or multi-byte encoding other than these';
}

/**
 * Valid UTF-8 that is really TCVN3 or VNI bytes once read as Windows-1252 ("NghÞ quyÕt"): a common
 * result of converting old files without knowing their encoding. Repaired only when the text does
 * not read as Vietnamese and the repair clearly does.
 */
function repairedUtf8(text: string): Decoded | null {
  const sample = text.length > SAMPLE_BYTES ? text.slice(0, SAMPLE_BYTES) : text;
  if (!/[\u0080-\u00ff]/.test(sample)) return null;
  // first, as it is cheap: a letter Windows-1252 has not (ạ, ơ, đ …) rules the repair out
  const bytes = asWindows1252Bytes(sample);
  if (!bytes) return null;
  const asIs = vietnameseScore(sample.normalize('NFC'));
  // a few odd words are OCR slips ("Tuén"), not a wrong conversion: the fuzz found "Tuén" made "Tuộn"
  if (asIs.accented < 5 || asIs.valid / asIs.accented >= 0.5) return null;
  const best = winner(rankLegacy(bytes).filter((c) => c.encoding !== 'Windows-1258'));
  if (!best || best.score.valid <= asIs.valid) return null;
  const all = asWindows1252Bytes(text);
  if (!all) return null;
  const repaired = decodeLegacy(all, best.encoding);
  if (repaired.includes('\ufffd')) return { error: `${best.encoding} text saved as UTF-8 through Windows-1252, with bytes ${best.encoding} does not define; convert it again from the original` };
  return checked(repaired, `${best.encoding} saved as UTF-8 through Windows-1252`);
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}
