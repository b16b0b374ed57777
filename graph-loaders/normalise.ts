// Stage 1, normalise. The stored text is the NFC form of the input (legacy TCVN3 text is converted
// first); every later stage matches on a *folded* copy of it that has exactly the same length, so an
// offset in the folded copy is an offset in the stored text. Folding lower-cases, removes tone marks,
// maps đ→d and repairs OCR damage that can be repaired without changing length ("$6" → "so").
import { TextDecoder } from 'node:util';
import { CODE_SPELLING, INSTITUTION_WORDS, PARTY_ISSUER_CODES, PROVINCES, STATE_ISSUER_CODES, TYPE_CODE_NAMES } from './lexicon.js';

/** Values by string, forgotten all at once when full. Names, codes and symbols recur across documents. */
export class BoundedCache<T> {
  private readonly map = new Map<string, T>();

  constructor(private readonly max: number) {}

  get(s: string): T | undefined {
    return this.map.get(s);
  }

  has(s: string): boolean {
    return this.map.has(s);
  }

  set(s: string, v: T): void {
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(detached(s), v); // a key sliced from a text would keep the whole text alive
  }
}

/** Memoise a pure string function (bounded: cleared when full). */
export function memo<T>(fn: (s: string) => T, max = 20_000): (s: string) => T {
  const cache = new BoundedCache<T>(max);
  return (s: string) => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const v = fn(s);
    cache.set(s, v);
    return v;
  };
}

// ---------------------------------------------------------------------------------------------
// Legacy encodings

/** TCVN3 (ABC) code points as they appear when the bytes were read as Latin-1/Windows-1252. */
const TCVN3_LOWER: [string, string][] = [
  ['µ', 'à'], ['¶', 'ả'], ['·', 'ã'], ['¸', 'á'], ['¹', 'ạ'], ['¨', 'ă'], ['»', 'ằ'], ['¼', 'ẳ'], ['½', 'ẵ'], ['¾', 'ắ'],
  ['Æ', 'ặ'], ['©', 'â'], ['Ç', 'ầ'], ['È', 'ẩ'], ['É', 'ẫ'], ['Ê', 'ấ'], ['Ë', 'ậ'], ['®', 'đ'], ['Ì', 'è'], ['Î', 'ẻ'],
  ['Ï', 'ẽ'], ['Ð', 'é'], ['Ñ', 'ẹ'], ['ª', 'ê'], ['Ò', 'ề'], ['Ó', 'ể'], ['Ô', 'ễ'], ['Õ', 'ế'], ['Ö', 'ệ'], ['×', 'ì'],
  ['Ø', 'ỉ'], ['Ü', 'ĩ'], ['Ý', 'í'], ['Þ', 'ị'], ['ß', 'ò'], ['á', 'ỏ'], ['â', 'õ'], ['ã', 'ó'], ['ä', 'ọ'], ['«', 'ô'],
  ['å', 'ồ'], ['æ', 'ổ'], ['ç', 'ỗ'], ['è', 'ố'], ['é', 'ộ'], ['¬', 'ơ'], ['ê', 'ờ'], ['ë', 'ở'], ['ì', 'ỡ'], ['í', 'ớ'],
  ['î', 'ợ'], ['ï', 'ù'], ['ñ', 'ủ'], ['ò', 'ũ'], ['ó', 'ú'], ['ô', 'ụ'], ['\u00ad', 'ư'], ['õ', 'ừ'], ['ö', 'ử'], ['÷', 'ữ'],
  ['ø', 'ứ'], ['ù', 'ự'], ['ú', 'ỳ'], ['û', 'ỷ'], ['ü', 'ỹ'], ['ý', 'ý'], ['þ', 'ỵ'], ['¡', 'Ă'], ['¢', 'Â'], ['§', 'Đ'],
  ['£', 'Ê'], ['¤', 'Ô'], ['¥', 'Ơ'], ['¦', 'Ư'], ['−', 'ư'],
];
const TCVN3_MAP = new Map(TCVN3_LOWER);

export type LegacyEncoding = 'tcvn3' | 'vni';

/**
 * Detect text in a legacy 8-bit Vietnamese encoding that was decoded as Latin-1 / Windows-1252.
 * TCVN3 shows as "NghÞ quyÕt", "§¶ng"; VNI as "Nghò quyeát", "Ñaûng".
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  let vietnamese = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 0x1ea0 && c <= 0x1ef9) || c === 0x111 || c === 0x110 || c === 0x1a1 || c === 0x1b0) {
      if (++vietnamese > 20) return null;
    }
  }
  if (vietnamese > 20) return null;
  if (!LEGACY_LETTER.test(sample)) return null; // every TCVN3 and VNI word below has one
  const tcvn = (sample.match(/(?:ngh[Þ×]|quy[ÕÖ]t|§¶ng|c¸c|nh©n|ViÖt|Nhµ|n¨m|th¸ng|ngµy|®Þnh|c«ng|®­|ng­êi|ch­¬ng)/g) ?? []).length;
  if (tcvn >= 3) return 'tcvn3';
  const vni = (sample.match(/(?:ngaøy|thaùng|naêm|Ñaûng|Vieät|quyeát|ñònh|coâng|Nghò|chöông|ngöôøi)/g) ?? []).length;
  if (vni >= 3) return 'vni';
  return null;
}

/**
 * The letters of the TCVN3 and VNI words below (each word has one): a text without diacritics
 * (OCR) often has some other Latin-1 letter, and two scans for words would find none.
 */
const LEGACY_LETTER = /[ÞÕÖ§¶¸©µ¨®«¬\u00ad×øùêÑûäáñòöâ]/;

/** TCVN3 (ABC) text read as Latin-1 → Unicode. */
export function convertTcvn3(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3_MAP.get(ch) ?? ch;
  return out;
}

export class LegacyEncodingError extends Error {
  constructor(public readonly encoding: LegacyEncoding) {
    super(
      encoding === 'vni'
        ? 'text is in the legacy VNI encoding (read as Latin-1); convert it to Unicode (UTF-8) first'
        : `text is in the legacy ${encoding} encoding`,
    );
  }
}

/**
 * The text every offset refers to: NFC, after converting legacy TCVN3. VNI is refused with a clear
 * message (LegacyEncodingError) rather than read as garbage.
 */
export function storedText(text: string): string {
  const legacy = detectLegacyEncoding(text);
  if (legacy === 'tcvn3') return convertTcvn3(text).normalize('NFC');
  if (legacy === 'vni') throw new LegacyEncodingError('vni');
  return isPlainNfc(text) ? text : text.normalize('NFC');
}

/**
 * True when NFC leaves the text as it is because every character is below U+0300 (no combining
 * marks), a precomposed Latin letter (U+1E00–U+1EFF) or common punctuation (U+2010–U+2027): none of
 * them decomposes or combines (the normalise test checks every one and every pair). Most texts pass,
 * and one regex scan is cheaper than normalize().
 */
export function isPlainNfc(text: string): boolean {
  return !NOT_PLAIN_NFC.test(text);
}

const NOT_PLAIN_NFC = /[^\u0000-\u02ff\u1e00-\u1eff\u2010-\u2027]/;

// ---------------------------------------------------------------------------------------------
// Folding

const FOLD = buildFoldTable();

function buildFoldTable(): Uint16Array {
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) t[c] = c;
  for (let c = 65; c <= 90; c++) t[c] = c + 32;
  const ranges: [number, number][] = [
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ];
  for (const [a, b] of ranges) {
    for (let c = a; c <= b; c++) {
      const base = String.fromCharCode(c).normalize('NFD')[0].toLowerCase();
      if (base.length === 1 && base >= 'a' && base <= 'z') t[c] = base.charCodeAt(0);
    }
  }
  t[0x111] = 100; // đ
  t[0x110] = 100; // Đ
  t[0xd0] = 100; // Ð (eth, OCR for Đ)
  t[0xf0] = 100;
  t[0x6a] = 105; // j → i: Vietnamese has no j; OCR writes "trj" for "trị"
  t[0x4a] = 105;
  t[0xa2] = 101; // ¢ → e: OCR writes "hi¢n" for "hiện"
  t[0xa0] = 32; // no-break space
  for (let c = 0x2000; c <= 0x200b; c++) t[c] = 32;
  t[0x202f] = 32;
  t[0x3000] = 32;
  t[0xfeff] = 32;
  // superscript digits: footnote markers glued to symbols ("96-KL/TW¹")
  for (const c of [0xb9, 0xb2, 0xb3, 0x2070, 0x2074, 0x2075, 0x2076, 0x2077, 0x2078, 0x2079]) t[c] = 32;
  for (const c of [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe63, 0xff0d]) t[c] = 45; // dashes → -
  for (const c of [0x2215, 0x2044, 0xff0f]) t[c] = 47; // slashes → /
  for (const c of [0x201c, 0x201d, 0x201e, 0xab, 0xbb]) t[c] = 34; // quotes → "
  for (const c of [0x2018, 0x2019, 0x201a]) t[c] = 39;
  t[0x2026] = 46; // … → .
  t[0xff1a] = 58; // full-width colon
  return t;
}

let decoder: TextDecoder | null = null;

/**
 * Same-length folded copy of a stored text: lower case, no tone marks, đ→d, superscripts and odd
 * spaces to plain spaces, dashes to "-", and OCR repairs that keep the length ("$6" and "s6" for
 * "số", "sé6" for "số ", "VIV" for "V/v", "Quý I11" for "Quý III").
 */
export function fold(stored: string): string {
  const n = stored.length;
  const out = new Uint16Array(n);
  let surrogates = false;
  for (let i = 0; i < n; i++) {
    const c = FOLD[stored.charCodeAt(i)];
    out[i] = c;
    if (c >= 0xd800 && c <= 0xdfff) surrogates = true;
  }
  // Buffer's UTF-16 read is several times faster than TextDecoder; it keeps lone surrogates, which
  // TextDecoder replaces, so a text with surrogates still goes through TextDecoder
  decoder ??= new TextDecoder('utf-16le');
  let s = surrogates ? decoder.decode(out) : Buffer.from(out.buffer, out.byteOffset, out.byteLength).toString('utf16le');
  if (s.length !== n) throw new Error('fold changed the length');
  s = repairOcr(s);
  return s;
}

const OCR_REPAIR = /(?<![a-z0-9$])(?:\$[o06]|s[06b8]|se6)(?=\s*[:.]?\s*\d)|(?<![a-z])viv(?= )|(?<![a-z])quy ([il1]{1,3})(?=[\/ ,.])/g;

// what every repair needs in the text: one scan instead of a search per hint
const OCR_HINT = /\$|s[068b]|se6|viv|quy [il1]/;

function repairOcr(s: string): string {
  if (!OCR_HINT.test(s)) return s;
  return s.replace(OCR_REPAIR, (m: string, quy: string | undefined) => {
    if (quy !== undefined) return 'quy ' + 'i'.repeat(quy.length);
    if (m === 'viv') return 'v/v';
    return m.length === 3 ? 'so ' : 'so';
  });
}

/** Fold a short string for comparisons (keys, lexicon look-ups). Not for offsets. */
export function foldKey(s: string): string {
  return foldShort(s.normalize('NFC')).replace(/\s+/g, ' ').trim();
}

/**
 * The same key as ids.symbolKey (upper case, no spaces, Đ→D, no tone marks), computed with the fold
 * table: symbolKey decomposes character by character and is slow in hot paths.
 */
export function fastSymbolKey(symbol: string): string {
  if (/[jJ]/.test(symbol)) return symbolKeySlow(symbol);
  return foldShort(symbol.normalize('NFC')).toUpperCase().replace(/\s+/g, '');
}

function symbolKeySlow(symbol: string): string {
  return symbol.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toUpperCase().replace(/\s+/g, '');
}

const NOT_SINGLE_SPACES = /\s\s|[^\S ]/;

/**
 * `s.replace(/\s+/g, ' ')`, without the regex when its blanks are single spaces already. Either way
 * the result is a string of its own: `s` is often a slice of a whole text, and V8 keeps a slice's
 * parent alive, so a stored issuer or title would keep its text in memory (a load of 100k documents
 * held 1.6 GB per million relations instead of 0.9 while this returned `s` itself).
 */
export function singleSpaces(s: string): string {
  return NOT_SINGLE_SPACES.test(s) ? s.replace(/\s+/g, ' ') : detached(s);
}

/** A copy of `s` that shares no memory with a larger string (V8 copies slices under 13 characters). */
export function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Fold a short NFC string without OCR repairs (tokens, names). */
export function foldShort(n: string): string {
  // from arrays of codes: appended character by character it would be a deep rope, slow to hash as a cache key
  let out = '';
  for (let from = 0; from < n.length; from += 4096) {
    const codes: number[] = [];
    for (let i = from; i < Math.min(n.length, from + 4096); i++) codes.push(FOLD[n.charCodeAt(i)]);
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Share of letters that carry Vietnamese diacritics: low for OCR text or text typed without them. */
export function diacriticRatio(stored: string): number {
  let letters = 0;
  let marked = 0;
  const len = Math.min(stored.length, 100_000);
  for (let i = 0; i < len; i++) {
    const c = stored.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) letters++;
    else if ((c >= 0xc0 && c <= 0x1b0) || (c >= 0x1ea0 && c <= 0x1ef9)) {
      letters++;
      marked++;
    }
  }
  return letters ? marked / letters : 0;
}

// ---------------------------------------------------------------------------------------------
// Symbols

/**
 * Write a symbol the Vietnamese way: no spaces, upper-case codes with Đ restored and the usual
 * mixed case (QĐ, NĐ, TTg, CTr, BCĐTW, VPĐU), footnote digits removed.
 */
export const canonicalSymbol = memo(canonicalSymbolUncached);

/** The canonical symbol and its key from one cache look-up (the finder needs both for every symbol). */
export const canonicalSymbolWithKey = memo((raw: string): { symbol: string; key: string } => {
  const symbol = canonicalSymbol(raw);
  return { symbol, key: fastSymbolKey(symbol) };
});

function canonicalSymbolUncached(raw: string): string {
  const s = raw.replace(/\s+/g, '').replace(/[\u2010-\u2015\u2212]/g, '-').replace(/[\u2215\u2044]/g, '/');
  return s.replace(/[A-Za-zÀ-ỹĐđ]+/g, (tok) => canonicalCode(tok));
}

export function canonicalCode(tok: string): string {
  const key = foldShort(tok).toUpperCase();
  const spelled = CODE_SPELLING[key];
  if (spelled) return spelled;
  // codes printed in mixed case keep it (KTrVB, TTg); others are written in capitals
  if (/^[A-ZĐ]/.test(tok) && /[a-zđ]/.test(tok) && /[A-ZĐ].*[A-ZĐ]/.test(tok)) return tok;
  return tok.toUpperCase().replace(/Ð/g, 'Đ');
}

/** Repair an OCR-damaged Party issuer code: unknown, but known once a trailing letter is dropped. */
export const repairIssuerCode = memo(repairIssuerCodeUncached);

function repairIssuerCodeUncached(code: string): string | null {
  const key = /^[A-Za-z0-9]+$/.test(code) ? code.toUpperCase() : code.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'D').toUpperCase();
  if (PARTY_ISSUER_CODES.has(key)) return null;
  if (key.length >= 3 && PARTY_ISSUER_CODES.has(key.slice(0, -1))) return key.slice(0, -1);
  return repairCode(code, PARTY_ISSUER_CODES);
}

const TYPE_CODES = new Set(Object.keys(TYPE_CODE_NAMES));
/** Letters OCR puts for others: I for L, B, V, U...; O for Q or D; VV for W; IJ for U. */
const CONFUSABLE = /[IOLJ01]/;
const PREFERRED: Record<string, string> = { I: 'L', O: 'Q', J: 'U', '0': 'O', '1': 'I' };

/**
 * An unknown code that is one OCR confusion away from exactly one known code ("KI" → KL, "NO" → NQ,
 * "UIND" → UBND, "TVV" → TW, "TIJ" → TU). Null when it is known, or when the repair is not unique.
 */
export function repairCode(code: string, known: Set<string>): string | null {
  const key = /^[A-Za-z0-9]+$/.test(code) ? code.toUpperCase() : code.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'D').toUpperCase();
  if (known.has(key) || key.length < 2) return null;
  const merged = key.replace(/VV/g, 'W').replace(/IJ|LJ/g, 'U');
  if (merged !== key && known.has(merged)) return merged;
  if (!CONFUSABLE.test(key)) return null;
  // the likeliest reading first: I for L or 1, O for Q or 0, J for U ...
  for (let i = 0; i < key.length; i++) {
    for (const r of PREFERRED[key[i]] ?? '') {
      const cand = key.slice(0, i) + r + key.slice(i + 1);
      if (known.has(cand)) return cand;
    }
  }
  let found: string | null = null;
  for (const k of known) {
    if (k.length !== key.length) continue;
    let diff = 0;
    let ok = true;
    for (let i = 0; i < k.length && ok; i++) {
      if (k[i] === key[i]) continue;
      diff++;
      if (diff > 1 || !CONFUSABLE.test(key[i])) ok = false;
    }
    if (ok && diff === 1) {
      if (found) return null;
      found = k;
    }
  }
  return found;
}

export const repairTypeCode = memo((code: string): string | null => repairCode(code, TYPE_CODES));

export const repairStateIssuerCode = memo((code: string): string | null => repairCode(code, STATE_ISSUER_CODES));

// ---------------------------------------------------------------------------------------------
// Dates

export interface DateMatch {
  iso: string;
  start: number;
  end: number;
}

// sticky: matched where a date must start, without copying the text that follows
const DATE_NUMERIC = /(\d{1,2})\s?[\/.\-]\s?(\d{1,2})\s?[\/.\-]\s?(\d{4})(?!\d)/y;
const DATE_WORDS = /(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s+nam\s+(\d{4})(?!\d)/y;

export function isoDate(d: number, m: number, y: number): string | null {
  if (y < 1930 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A date starting exactly at `pos` of the folded text: "16/5/2013", "16-5-2013", "16 tháng 5 năm 2013". */
export function dateAt(folded: string, pos: number): DateMatch | null {
  DATE_NUMERIC.lastIndex = pos;
  let m = DATE_NUMERIC.exec(folded);
  if (!m) {
    DATE_WORDS.lastIndex = pos;
    m = DATE_WORDS.exec(folded);
  }
  if (!m) return null;
  const iso = isoDate(+m[1], +m[2], +m[3]);
  return iso ? { iso, start: pos, end: pos + m[0].length } : null;
}

/** Every "ngày <date>" of a folded text, with the position of the date itself. */
export function allDates(folded: string): DateMatch[] {
  const out: DateMatch[] = [];
  const re = /(\d{1,2})\s?([\/.\-])\s?(\d{1,2})\s?\2\s?(\d{4})(?!\d)|(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s+nam\s+(\d{4})(?!\d)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(folded))) {
    if (m.index > 0 && /[\d\/.\-]/.test(folded[m.index - 1])) continue;
    const iso = m[1] ? isoDate(+m[1], +m[3], +m[4]) : isoDate(+m[5], +m[6], +m[7]);
    if (iso) out.push({ iso, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Names

const PROVINCE_BY_KEY = new Map(PROVINCES.map((p) => [foldKey(p).replace(/ - /g, ' '), p]));

function editDistanceAtMost1(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** A province or city name written as printed (or OCR-damaged by one letter) → its proper form. */
export const provinceName = memo(provinceNameUncached, 5000);

function provinceNameUncached(s: string): string | null {
  const key = foldKey(s).replace(/[^a-z ]/g, '').replace(/\s+/g, ' ').trim();
  if (!key) return null;
  const exact = PROVINCE_BY_KEY.get(key);
  if (exact) return exact;
  if (key.length < 5) return null;
  for (const [k, name] of PROVINCE_BY_KEY) if (k.length >= 5 && editDistanceAtMost1(k, key)) return name;
  return null;
}

const PROVINCE_RE = new RegExp(
  String.raw`(?<![a-z])(${[...PROVINCE_BY_KEY.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/ /g, '\\s+')).join('|')})(?![a-z])`,
);

const PROVINCE_RE_G = new RegExp(PROVINCE_RE.source, 'g');

/** A folded string with province names blanked out ("Đà Nẵng", "Cần Thơ" are no "đã", "cần"). */
export function withoutProvinces(foldedText: string): string {
  return foldedText.replace(PROVINCE_RE_G, (m) => ' '.repeat(m.length));
}

/** Find a province named in a folded string ("thanh pho hai phong" → Hải Phòng). */
export const provinceIn = memo(provinceInUncached, 5000);

function provinceInUncached(foldedText: string): string | null {
  const m = PROVINCE_RE.exec(foldedText);
  return m ? (PROVINCE_BY_KEY.get(m[1].replace(/\s+/g, ' ')) ?? null) : null;
}

/** Institution phrases indexed by their first word, longest first. */
const INSTITUTION_BY_FIRST = new Map<string, { parts: string[]; written: string }[]>();
for (const [phrase, written] of [...INSTITUTION_WORDS].sort((a, b) => b[0].length - a[0].length)) {
  const parts = phrase.split(' ');
  const list = INSTITUTION_BY_FIRST.get(parts[0]) ?? [];
  list.push({ parts, written });
  INSTITUTION_BY_FIRST.set(parts[0], list);
}

/**
 * Write an institution name (often printed in capitals, or OCR'd without diacritics) the usual way:
 * "BAN CHẤP HÀNH ĐẢNG BỘ THÀNH PHỐ" → "Ban Chấp hành Đảng bộ thành phố", "UY BAN NHAN DAN" → "Ủy ban nhân dân".
 */
export const institutionName = memo(institutionNameUncached, 5000);

function institutionNameUncached(raw: string): string {
  const words = raw.normalize('NFC').replace(/[*_#]+/g, ' ').split(/\s+/).filter(Boolean);
  const keys = words.map((w) => foldShort(w).replace(/[^a-z0-9]/g, ''));
  const out: string[] = [];
  let i = 0;
  outer: while (i < words.length) {
    for (const { parts, written } of INSTITUTION_BY_FIRST.get(keys[i]) ?? []) {
      if (i + parts.length > words.length) continue;
      let ok = true;
      for (let k = 0; k < parts.length; k++) if (keys[i + k] !== parts[k]) { ok = false; break; }
      if (ok) {
        out.push(written);
        i += parts.length;
        continue outer;
      }
    }
    // a province name, possibly of two or three words
    for (const len of [3, 2, 1]) {
      if (i + len > words.length) continue;
      const name = PROVINCE_BY_KEY.get(keys.slice(i, i + len).join(' '));
      if (name) {
        out.push(name);
        i += len;
        continue outer;
      }
    }
    const w = words[i];
    if (/^[IVXLC]+$/i.test(w) && keys[i].length <= 5 && /^[ivxlc]+$/.test(keys[i])) out.push(w.toUpperCase());
    else if (w === w.toUpperCase() && w.length > 1 && /\p{L}/u.test(w)) out.push(w.toLowerCase());
    else out.push(w);
    i++;
  }
  let s = out.join(' ').replace(/\s+([,.)])/g, '$1').replace(/\(\s+/g, '(');
  if (s) s = s[0].toUpperCase() + s.slice(1);
  return s;
}
