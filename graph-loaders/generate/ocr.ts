// OCR-style damage, in the manner of the scanned samples: tone marks lost, "Số" read as "S6" or
// "$6", "Đảng" as "Pang", stray accents, a few misread letters, lines wrapped at the scan's width.
import type { Rng } from './rng.js';

const ACCENTED: Record<string, string> = { a: 'á', e: 'é', o: 'ó', u: 'ú', i: 'í' };
const MISREAD: [RegExp, string][] = [
  [/m/, 'rn'],
  [/h/, 'b'],
  [/c/, 'e'],
  [/i/, 'l'],
  [/u/, 'v'],
];

function stripMarks(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

export function ocrDamage(text: string, rng: Rng): string {
  let t = text.replace(/Đảng|ĐẢNG/g, (w) => (rng.chance(0.3) ? (w === 'Đảng' ? 'Pang' : 'PANG') : w));
  let headerNumber = true;
  t = t.replace(/(^|\n)Số:? /g, (m, lead: string) => {
    if (!headerNumber) return m;
    headerNumber = false;
    return lead + rng.pick(['S6: ', '$6:', 'Sé ', 'S6 ', 'So: ']);
  });
  t = t.replace(/ số /g, (m) => (rng.chance(0.2) ? ' s6 ' : rng.chance(0.1) ? ' sé ' : m));
  t = stripMarks(t);
  // word noise, never inside numbers and symbols
  t = t.replace(/[A-Za-z]{3,}/g, (w) => {
    const r = rng.next();
    if (r < 0.05) {
      const k = w.search(/[aeoui]/);
      return k < 0 ? w : w.slice(0, k) + ACCENTED[w[k]] + w.slice(k + 1);
    }
    if (r < 0.06) {
      const [re, to] = rng.pick(MISREAD);
      return w.replace(re, to);
    }
    return w;
  });
  return wrap(t, rng.int(68, 82));
}

/** Lines as a scan gives them: wrapped at a width, paragraphs kept apart. */
function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.length <= width || /\s{3,}/.test(line)) return line;
      const out: string[] = [];
      let cur = '';
      for (const word of line.split(' ')) {
        if (cur && cur.length + 1 + word.length > width) {
          out.push(cur);
          cur = word;
        } else cur = cur ? `${cur} ${word}` : word;
      }
      if (cur) out.push(cur);
      return out.join('\n');
    })
    .join('\n');
}

/** A symbol damaged beyond certainty (its truth edge is marked optional). */
export function damageSymbol(symbol: string, rng: Rng): string {
  const r = rng.next();
  if (r < 0.3) return symbol.replace(/TW$/, 'TVV').replace(/TU$/, 'TIJ');
  if (r < 0.6) return symbol.replace(/\d/, (d) => ({ '1': 'l', '0': 'O', '5': 'S', '8': 'B' })[d] ?? d);
  if (r < 0.8) return symbol.replace(/[A-Z]{2}/, (c) => c[0] + (c[1] === 'Q' ? 'O' : 'I'));
  return symbol.replace('-', ' ').replace('/', '');
}
