// Decoders for the 8-bit Vietnamese encodings of older files. Windows-1258 comes from iconv-lite;
// TCVN3 (ABC) and VNI are font encodings iconv-lite lacks, so their tables are written out here
// from the published charts. Bytes below 0x80 are ASCII in all three.
import iconv from 'iconv-lite';

export type LegacyEncoding = 'TCVN3' | 'VNI' | 'Windows-1258';

// TCVN3 (TCVN 5712:1993 VN3, the ".Vn" ABC fonts). Lowercase letters, each toned vowel one byte in
// the order grave, hook, tilde, acute, dot below. ABC files usually write capitals with the same
// codes in an all-caps font (.VnTimeH), so those decode as lowercase. The capitals that VN1 adds in
// unused slots (0x80–0x9F, 0xAF, 0xBA, 0xBF–0xC5, ...) are kept: converters emit them.
const TCVN3_ROWS: [number, string][] = [
  [0xa1, 'ĂÂÊÔƠƯĐăâêôơưđ'],
  [0xb5, 'àảãáạ'],
  [0xbb, 'ằẳẵắ'],
  [0xc6, 'ặầẩẫấậè'],
  [0xce, 'ẻẽéẹềểễếệìỉ'],
  [0xdc, 'ĩíịò'],
  [0xe1, 'ỏõóọồổỗốộờởỡớợù'],
  [0xf1, 'ủũúụừửữứựỳỷỹýỵ'],
  // VN1 capitals
  [0x80, 'ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ'],
  [0xaf, 'Ằ'],
  [0xba, 'Ẳ'],
  [0xbf, 'ẴẮẦẨẪẤỀ'],
  [0xcd, 'Ể'],
  [0xd9, 'ỄẾỒ'],
  [0xe0, 'Ổ'],
  [0xf0, 'Ỗ'],
  [0xff, 'Ố'],
];

export const TCVN3: ReadonlyMap<number, string> = (() => {
  const map = new Map<number, string>([[0xa0, '\u00a0']]);
  for (const [start, letters] of TCVN3_ROWS) [...letters].forEach((ch, i) => map.set(start + i, ch));
  return map;
})();

// VNI: a vowel is the ASCII letter followed by one mark byte; đ, ơ, ư and the toned i and ỵ are
// single bytes. Marks decode to combining characters, composed afterwards by NFC.
const GRAVE = '\u0300';
const ACUTE = '\u0301';
const TILDE = '\u0303';
const HOOK = '\u0309';
const DOT = '\u0323';
const CIRC = '\u0302';
const BREVE = '\u0306';
const VNI_MARKS: [string, string][] = [
  // [lowercase byte as Latin-1, uppercase byte as Latin-1] share one meaning
  ['ø', GRAVE], ['ù', ACUTE], ['õ', TILDE], ['û', HOOK], ['ï', DOT],
  ['â', CIRC], ['à', CIRC + GRAVE], ['á', CIRC + ACUTE], ['ã', CIRC + TILDE], ['å', CIRC + HOOK], ['ä', CIRC + DOT],
  ['ê', BREVE], ['è', BREVE + GRAVE], ['é', BREVE + ACUTE], ['ü', BREVE + TILDE], ['ú', BREVE + HOOK], ['ë', BREVE + DOT],
];
const VNI_LETTERS: [string, string][] = [
  ['ñ', 'đ'], ['ô', 'ơ'], ['ö', 'ư'], ['ì', 'ì'], ['í', 'í'], ['æ', 'ỉ'], ['ó', 'ĩ'], ['ò', 'ị'], ['î', 'ỵ'],
];

export const VNI: ReadonlyMap<number, string> = (() => {
  const map = new Map<number, string>([[0xa0, '\u00a0']]);
  for (const [byte, mark] of VNI_MARKS) {
    map.set(byte.charCodeAt(0), mark);
    map.set(byte.toUpperCase().charCodeAt(0), mark);
  }
  for (const [byte, letter] of VNI_LETTERS) {
    map.set(byte.charCodeAt(0), letter);
    map.set(byte.toUpperCase().charCodeAt(0), letter.toUpperCase());
  }
  return map;
})();

function decodeTable(bytes: Uint8Array, table: ReadonlyMap<number, string>): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    let s = '';
    const end = Math.min(bytes.length, i + CHUNK);
    for (let j = i; j < end; j++) {
      const b = bytes[j];
      s += b < 0x80 ? String.fromCharCode(b) : (table.get(b) ?? '\ufffd');
    }
    parts.push(s);
  }
  return parts.join('');
}

/** Bytes in a legacy encoding → Unicode NFC (unmapped bytes become U+FFFD). */
export function decodeLegacy(bytes: Uint8Array, encoding: LegacyEncoding): string {
  if (encoding === 'Windows-1258') return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows1258').normalize('NFC');
  if (encoding === 'VNI') return decodeTable(bytes, VNI).normalize('NFC');
  return capitalWords(decodeTable(bytes, TCVN3).normalize('NFC'));
}

/** A TCVN3 word in capitals ("NGHÞ", typed in an all-caps font) gets its lowercase-coded letters in capitals too. */
function capitalWords(text: string): string {
  return text.replace(/[^\s\d!-/:-@[-`{-~]{2,}/g, (word) => (/[A-Z][^a-z]*[A-Z]/.test(word) && !/[a-z]/.test(word) ? word.toUpperCase() : word));
}

export const LEGACY_ENCODINGS: readonly LegacyEncoding[] = ['TCVN3', 'VNI', 'Windows-1258'];

/** Text made by reading legacy bytes as Windows-1252 (or Latin-1), back to those bytes; null if it cannot be. */
export function asWindows1252Bytes(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const b = c < 0x100 ? c : CP1252_BACK.get(c);
    if (b === undefined) return null;
    out[i] = b;
  }
  return out;
}

const CP1252_BACK: ReadonlyMap<number, number> = (() => {
  const map = new Map<number, number>();
  for (let b = 0x80; b < 0xa0; b++) {
    const ch = iconv.decode(Buffer.from([b]), 'windows1252');
    if (ch !== '\ufffd') map.set(ch.charCodeAt(0), b);
  }
  return map;
})();
