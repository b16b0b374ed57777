// Seeded hostile inputs for the loader, each with what a correct answer is: the exact text the
// loader must store, or "error" (it must refuse), or "either" (random bytes may happen to decode).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TCVN3, VNI } from '../../graph-loaders/legacy-encodings.js';
import { vietnameseScore } from '../../graph-loaders/vietnamese.js';

export interface FuzzInput {
  kind: string;
  bytes: Uint8Array;
  /** NFC text a correct load stores; null when the input must be refused; undefined when either is fine. */
  expect?: string | null;
  /** Compare without case (TCVN3 capitals in an all-caps font are lowercase codes). */
  caseless?: boolean;
}

export function rng(seed: number): () => number {
  // mix the seed first (murmur3's finaliser): xorshift's first outputs for nearby seeds are alike,
  // which made the kinds of consecutive inputs come in long runs
  let s = seed >>> 0;
  s = Math.imul(s ^ (s >>> 16), 0x85ebca6b) >>> 0;
  s = Math.imul(s ^ (s >>> 13), 0xc2b2ae35) >>> 0;
  s = (s ^ (s >>> 16)) >>> 0 || 1;
  return () => {
    // xorshift32
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Lines of the sample corpus: the raw material of realistic texts. */
export function corpusLines(): string[] {
  const dir = path.join(ROOT, 'graph-loaders/sample-corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').normalize('NFC').split('\n'))
    .filter((l) => l.trim());
}

/** Unicode → legacy bytes, by searching the decoder's table (for making inputs only). */
function encoderFor(table: ReadonlyMap<number, string>, twoByte: boolean): (text: string) => Uint8Array | null {
  const back = new Map<string, number[]>();
  for (const [b, s] of table) if (s.normalize('NFC').length === 1 && !back.has(s)) back.set(s, [b]);
  if (twoByte) {
    for (const base of 'aeiouyAEIOUY') {
      for (const [b, mark] of table) {
        const composed = (base + mark).normalize('NFC');
        if (composed.length === 1 && !back.has(composed)) back.set(composed, [base.charCodeAt(0), b]);
      }
    }
    // ơ/ư with a tone: the single-byte letter, then the tone byte
    for (const [lb, letter] of table) {
      if (!'ơưƠƯ'.includes(letter)) continue;
      for (const [tb, mark] of table) {
        const composed = (letter + mark).normalize('NFC');
        if (composed.length === 1 && composed !== letter && !back.has(composed)) back.set(composed, [lb, tb]);
      }
    }
  }
  return (text) => {
    const out: number[] = [];
    for (const ch of text) {
      const c = ch.charCodeAt(0);
      if (c < 0x80) out.push(c);
      else {
        const seq = back.get(ch);
        if (!seq) return null;
        out.push(...seq);
      }
    }
    return Uint8Array.from(out);
  };
}

const toTcvn3 = encoderFor(TCVN3, false);
const toVni = encoderFor(VNI, true);
let to1258: ((t: string) => Uint8Array | null) | null = null;

async function windows1258(): Promise<(t: string) => Uint8Array | null> {
  if (to1258) return to1258;
  const iconv = (await import('iconv-lite')).default;
  // As Windows writes it: a letter the code page has is one byte; any other is its letter without
  // the tone (ư, ơ, ă, ê ... are in the code page) followed by the combining tone byte.
  const one = (c: string): Buffer | null => {
    const b = iconv.encode(c, 'windows1258');
    return iconv.decode(b, 'windows1258') === c ? b : null;
  };
  to1258 = (t) => {
    const parts: Buffer[] = [];
    for (const c of t) {
      const direct = one(c);
      if (direct) {
        parts.push(direct);
        continue;
      }
      const nfd = c.normalize('NFD');
      const tone = nfd.match(/[\u0300\u0301\u0303\u0309\u0323]/)?.[0] ?? '';
      const base = one(nfd.replace(tone, '').normalize('NFC'));
      const mark = tone ? one(tone) : Buffer.alloc(0);
      if (!base || !mark) return null;
      parts.push(base, mark);
    }
    return Uint8Array.from(Buffer.concat(parts));
  };
  return to1258;
}

const clean = new WeakMap<string[], string[]>();
function cleanOf(lines: string[]): string[] {
  let c = clean.get(lines);
  if (!c) {
    c = lines.filter((l) => {
      const s = vietnameseScore(l);
      return s.accented > 0 && s.valid === s.accented;
    });
    clean.set(lines, c);
  }
  return c;
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)];
}

const TYPES = ['NGHỊ QUYẾT', 'KẾT LUẬN', 'QUYẾT ĐỊNH', 'CHỈ THỊ', 'KẾ HOẠCH'];
const CODES = ['NQ/TU', 'KL/TU', 'QĐ/TU', 'CT/TU', 'KH/TU'];

/** Lines of the corpus, mostly under a header of their own so that most texts are distinct documents. */
function text(r: () => number, lines: string[], maxLines: number): string {
  const n = 1 + Math.floor(r() * maxLines);
  const out: string[] = [];
  if (r() < 0.9) {
    const t = Math.floor(r() * TYPES.length);
    const day = 1 + Math.floor(r() * 28);
    const month = 1 + Math.floor(r() * 12);
    const year = 1990 + Math.floor(r() * 36);
    out.push('ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG', `Số ${1 + Math.floor(r() * 99999)}-${CODES[t]}`, `Hải Phòng, ngày ${day} tháng ${month} năm ${year}`, TYPES[t], `về ${pick(r, lines).slice(0, 80)}`);
  }
  for (let i = 0; i < n; i++) out.push(pick(r, lines));
  return out.join('\n') + '\n';
}

function randomBytes(r: () => number, n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(r() * 256);
  return b;
}

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const HEADERS: [string, number[]][] = [
  ['pdf', [...Buffer.from('%PDF-1.4\n')]],
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['ole2', [0xd0, 0xcf, 0x11, 0xe0]],
  ['gzip', [0x1f, 0x8b, 0x08]],
];
const HOSTILE = ['số 45-NQ/TW ', ', ngày 1 tháng 1 năm 2020', 'Nghị quyết số ', '(((((', '-NQ/', '/', 'thay thế ', 'Căn cứ ', '\t', ' ', '..........', '1/1/2020 '];

/** The i-th input of a run with this seed: same seed, same inputs. */
export async function fuzzInput(seed: number, i: number, lines: string[]): Promise<FuzzInput> {
  const r = rng(seed * 1_000_003 + i);
  const roll = r();
  if (roll < 0.14) return { kind: 'random-bytes', bytes: randomBytes(r, Math.floor(r() * 4096)) };
  if (roll < 0.3) {
    const t = text(r, lines, 30);
    return { kind: 'utf8', bytes: utf8(t), expect: t };
  }
  if (roll < 0.38) {
    // UTF-8 cut inside a multi-byte character: refused, never loaded as garbage
    const b = utf8(text(r, lines, 20));
    const cuts: number[] = [];
    for (let k = 1; k < b.length; k++) if (b[k] >= 0x80 && b[k] < 0xc0 && b[k - 1] >= 0xc0) cuts.push(k);
    if (!cuts.length) return { kind: 'random-bytes', bytes: randomBytes(r, 64) };
    return { kind: 'truncated-utf8', bytes: b.subarray(0, pick(r, cuts)), expect: null };
  }
  if (roll < 0.43) {
    const b = Array.from(utf8(text(r, lines, 10)));
    b.splice(Math.floor(r() * b.length), 0, 0);
    return { kind: 'nul-byte', bytes: Uint8Array.from(b), expect: null };
  }
  if (roll < 0.53) {
    // mixed NFC/NFD: must load as the NFC text
    const t = text(r, lines, 20);
    const mixed = t
      .split(' ')
      .map((w) => (r() < 0.5 ? w.normalize('NFD') : w))
      .join(' ');
    return { kind: 'mixed-nfc-nfd', bytes: utf8(mixed), expect: t };
  }
  if (roll < 0.68) {
    // legacy files were typed, not OCR'd: made from the clean lines
    const t = text(r, cleanOf(lines), 20);
    const which = Math.floor(r() * 3);
    const enc = which === 0 ? toTcvn3 : which === 1 ? toVni : await windows1258();
    const b = enc(t);
    const kind = ['tcvn3', 'vni', 'windows-1258'][which];
    // a legacy file decodes to exactly this text, or is refused
    if (!b) return { kind: 'utf8', bytes: utf8(t), expect: t };
    return { kind, bytes: b, expect: t, caseless: which === 0 };
  }
  if (roll < 0.73) {
    const [name, head] = pick(r, HEADERS);
    return { kind: `${name}-renamed-txt`, bytes: Uint8Array.from([...head, ...randomBytes(r, Math.floor(r() * 2048))]), expect: null };
  }
  if (roll < 0.85) {
    // OCR-like damage: characters replaced, dropped or duplicated; still UTF-8
    const chars = [...text(r, lines, 20)];
    for (let k = 0; k < chars.length; k++) {
      const x = r();
      if (x < 0.03) chars[k] = pick(r, ['6', '$', 'é', '¢', 'ﬁ', ' ', '\n', '/', '-', 'Đ', '\u00ad', '\u200b', '\r']);
      else if (x < 0.04) chars[k] = '';
      else if (x < 0.05) chars[k] += chars[k];
    }
    const t = chars.join('');
    return { kind: 'ocr-damage', bytes: utf8(t), expect: t.normalize('NFC').trim() ? t.normalize('NFC') : null };
  }
  // structural abuse: long runs of one pattern, odd line ends, BOMs, whitespace only
  const pattern = pick(r, HOSTILE);
  const reps = 1 + Math.floor(r() * 400);
  const style = Math.floor(r() * 5);
  let t = pattern.repeat(reps);
  if (style === 1) t = text(r, lines, 10).replace(/\n/g, '\r');
  if (style === 2) t = text(r, lines, 10).replace(/\n/g, ' ');
  if (style === 3) t = ' \n\t\r\n'.repeat(reps);
  if (style === 4) return { kind: 'utf16-bom', bytes: Uint8Array.from([0xff, 0xfe, ...Buffer.from(t, 'utf16le')]), expect: t.trim() ? t.normalize('NFC') : null };
  return { kind: `structure-${style}`, bytes: utf8(t), expect: t.trim() ? t.normalize('NFC') : null };
}
