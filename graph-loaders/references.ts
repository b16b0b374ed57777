// Stage 3, find references. One pass of the symbol pattern over the folded text finds Party shapes
// (45-NQ/TW, 49-CTr/TU, 07-TB/VPTU) and State shapes (35/2021/QH15, 1232/NQ-UBTVQH15, 118/2025/NĐ-CP,
// 1511/QĐ-TTg, 11494/VP-VX); a second finds short forms ("Nghị quyết số 35 của Quốc hội",
// "Nghị quyết 57"). Each hit is then read in a small window: the type noun before it, and after it
// the date, the issuer ("của Ban Chấp hành Trung ương Đảng khóa XII"), the term and the subject ("về ...").
import { ISSUER_PHRASES, LOCAL_ISSUER_CODES, PARTY_TYPE_OVERRIDES, TYPE_CODE_NAMES, TYPE_NAME_BY_FOLDED, TYPE_NAMES, canonicalTerm } from './lexicon.js';
import { BoundedCache, memo, canonicalCode, canonicalSymbolWithKey, dateAt, detached, fastSymbolKey as symbolKey, repairIssuerCode, repairStateIssuerCode, repairTypeCode, singleSpaces } from './normalise.js';

export type SymbolFamily = 'party' | 'state' | 'short';

export interface Mention {
  /** Order in the text. */
  index: number;
  /** The symbol as printed (or the number of a short form). */
  start: number;
  end: number;
  /** Start of the whole phrase: the type noun ("Nghị quyết số ...") when there is one. */
  phraseStart: number;
  /** Written the Vietnamese way; for an unresolved short form a placeholder such as "35/?/QH". */
  symbol: string;
  key: string;
  family: SymbolFamily;
  /** Folded upper type code (NQ, QD, ND...) and issuer code (TW, TU, CP, QH...). */
  typeCode: string | null;
  issuerCode: string | null;
  /** Type name: from the noun before the symbol, else from its code. */
  type: string | null;
  /** Folded noun printed before the symbol ("nghi quyet", "van ban"), if any. */
  noun: string | null;
  /** For a Law or Ordinance: its name as printed ("Luật Đất đai"). */
  name: string | null;
  date: string | null;
  /** How the date was obtained when it was not printed next to this mention. */
  dateFrom: 'printed' | 'same-text' | null;
  issuer: string | null;
  term: string | null;
  /** End of the symbol with its date, issuer and term: where a following phrase starts. */
  tailEnd: number;
  subject: string | null;
  subjectEnd: number;
  /** Short forms: the phrase as printed, and whether it was resolved in this text. */
  shortForm: string | null;
  number: string | null;
  unresolved: boolean;
  /** OCR repair applied to the symbol, for provenance. */
  repaired: string | null;
}

const NUMBER_PREFIX = String.raw`(?<![\p{L}\d\/.\-])`;
const FORM_BEFORE = /(?:^|[^a-z])(?:mau|bieu(?:\s+mau)?|phu\s+luc|to\s+khai|form)\s*(?:so\s*)?[:.]?\s*$/;
const FORM_WORD = /mau|bieu|luc|khai|form/; // in every FORM_BEFORE match: a quick test first
// Party: N-TYPE/ISSUER. State: N/YEAR/CODE(-CODE)* or N/CODE-CODE(-CODE)*.
const SYMBOL_RE = new RegExp(
  NUMBER_PREFIX +
    String.raw`(\d{1,5}[a-z]?)(?:[ \t]?-[ \t]?\n?([a-z]{1,5})[ \t]?\n?\/[ \t]?\n?([a-z]{1,10})(\d{0,2})(?![a-z])` +
    String.raw`|\s?\/\s?(?:((?:19|20)\d{2})\s?\/\s?([a-z]{1,12}\d{0,2}(?:[ \t]?-[ \t]?[a-z]{1,12}\d{0,2}){0,3})|([a-z]{1,12}\d{0,2}(?:[ \t]?-[ \t]?[a-z]{1,12}\d{0,2}){1,3}))(?![a-z\d]))`,
  'gu',
);

/** The nouns that name a document before its number ("Nghị quyết số", OCR "Vin ban sé6"). */
const NOUN_ALT = TYPE_NAMES.map(([k]) => k.replace(/ /g, '\\s+'))
  .concat(['v[aie]n\\s+ban', 'ke\\s+hoach'])
  .join('|');
const SO = String.raw`(?:so|se|s)`;
const NOUN_BEFORE = new RegExp(String.raw`(?:^|[^a-z])(${NOUN_ALT})\s*(?:${SO}\s*[:.]?\s*)?$`);
const SO_BEFORE = new RegExp(String.raw`(?:^|[^a-z])${SO}\s*[:.]?\s*$`);
const LAW_NAME_BEFORE = /^[\s\S]*(?:^|[^a-z])((?:bo\s+)?luat|phap\s+lenh)((?:[ \t,\-]+[a-z]+){1,10}?)[ \t]+(?:so|s)\s*[:.]?\s*$/;

const SHORT_RE = new RegExp(
  String.raw`(nghi\s+quyet|ket\s+luan|chi\s+thi|quyet\s+dinh|quy\s+dinh|nghi\s+dinh|thong\s+tu|thong\s+bao|ke\s+hoach|chuong\s+trinh(?:\s+hanh\s+dong)?|huong\s+dan|luat)\s+(so\s*)?(\d{1,5})(?![\d\/\-a-z]|\s?\/|\s?-\s?[a-z])`,
  'g',
);
const NOT_A_DOCUMENT_AFTER = /^\s*(?:nam|thang|ngay|gio|phut|%|nguoi|lan|trieu|ty|nghin|ha|km|m2|muc|diem|cap|loai|buoc|noi dung|nhiem vu|chi tieu|van ban|de an|du an|khoa)(?![a-z])/;

/** Lower-case words that continue an issuer name after "của". */
const ISSUER_WORDS = new Set(
  'ban chap hanh trung uong wong chinh tri trj thuong vu truc truong nghi lan thu nhat tam bay chin muoi nhan dan thanh pho tinh huyen quan xa phuong dang bo uy chi dao kiem tra to chuc tuyen giao van phong hoi dong quoc phu tuong bi thu can su doan cong san viet lanh nganh ky dieu phoi hanh chinh'.split(
    ' ',
  ),
);
/** Words that end an issuer name; the second set only when printed in lower case ("tại" vs "Bộ Tài chính"). */
const ISSUER_STOP_ALWAYS = new Set(['ve', 'va', 'khoa', 'ngay', 'thang', 'theo', 'thuc', 'trien', 'duoc', 'nhiem', 'nham', 'gan', 'voi', 'cho', 'trong']);
const ISSUER_STOP = new Set(['tai', 'so', 'nam', 'tu', 'tong', 'de', 'da', 'den']); // "Bộ Tài chính", "Sở", "Quảng Nam", "Đà Nẵng"...
const ISSUER_HEADS = new Set(['ban', 'bo', 'chinh', 'quoc', 'thu', 'uy', 'ubnd', 'hdnd', 'hoi', 'thanh', 'tinh', 'huyen', 'quan', 'dang', 'van', 'trung', 'thuong', 'mat', 'toa', 'vien', 'kiem', 'ngan', 'tong', 'chu', 'so', 'cuc']);

function isUpperInitial(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90; // ASCII without two case conversions
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

interface Tail {
  date: string | null;
  issuer: string | null;
  term: string | null;
  tailEnd: number;
}

const DATE_LEAD = /\s*,?\s*(?:ban\s+hanh\s+)?(?:vao\s+)?ngay\s+/y;
const ISSUER_LEAD = /\s*,?\s*c(?:u|ti|li|ii|tl|t|l)a\s+/y;
const TERM_LEAD = /\s*,?\s*(\(\s*)?(?:khoa|nhiem\s+ky)\s+([ivxl1]{1,6})(?![a-z])(?:\s*\))?/y;
const WORD = /[ \t]*\n?[ \t]*(\(?)([a-z0-9]+)(\)?)/y;

/** Read the date, issuer and term that follow a symbol. */
export function readTail(stored: string, folded: string, pos: number): Tail {
  const tail: Tail = { date: null, issuer: null, term: null, tailEnd: pos };
  for (let step = 0; step < 4; step++) {
    let progressed = false;
    if (!tail.date) {
      DATE_LEAD.lastIndex = tail.tailEnd;
      if (DATE_LEAD.exec(folded)) {
        const d = dateAt(folded, DATE_LEAD.lastIndex);
        if (d) {
          tail.date = d.iso;
          tail.tailEnd = d.end;
          progressed = true;
        }
      }
    }
    if (!tail.issuer) {
      ISSUER_LEAD.lastIndex = tail.tailEnd;
      if (ISSUER_LEAD.exec(folded)) {
        const r = readIssuer(stored, folded, ISSUER_LEAD.lastIndex);
        if (r) {
          tail.issuer = r.issuer;
          tail.tailEnd = r.end;
          progressed = true;
        }
      }
    }
    if (!tail.term) {
      TERM_LEAD.lastIndex = tail.tailEnd;
      const m = TERM_LEAD.exec(folded);
      if (m) {
        const t = canonicalTerm(m[2]);
        if (t) {
          tail.term = t;
          tail.tailEnd = TERM_LEAD.lastIndex;
          progressed = true;
        }
      }
    }
    if (!progressed) break;
  }
  return tail;
}

/** Words that start a relation phrase end an issuer name, even in a title printed in capitals. */
const ISSUER_PHRASE_STOP = /^(?:huong\s+dan|quy\s+dinh\s+chi\s+tiet|quy\s+dinh(?!\s+chi)|sua\s+doi|bo\s+sung|thay\s+the|bai\s+bo|ban\s+hanh|tiep\s+tuc|tong\s+ket|so\s+ket|thuc\s+hien|trien\s+khai|het\s+hieu|dinh\s+chi)(?![a-z])/;

/** First words of ISSUER_PHRASE_STOP's phrases and of the document nouns (TYPE_START). */
const PHRASE_STOP_FIRST = new Set(['huong', 'quy', 'sua', 'bo', 'thay', 'bai', 'ban', 'tiep', 'tong', 'so', 'thuc', 'trien', 'het', 'dinh']);
const NOUN_FIRST = new Set([...TYPE_NAMES.map(([k]) => k.split(' ')[0]), 'van', 'vin', 'ven', 'ke']);

function readIssuer(stored: string, folded: string, pos: number): { issuer: string; end: number } | null {
  let end = pos;
  let count = 0;
  let p = pos;
  while (count < 12) {
    WORD.lastIndex = p;
    const m = WORD.exec(folded);
    if (!m || m[1] || m[3]) break;
    const w = m[2];
    const wStart = WORD.lastIndex - w.length;
    const upper = isUpperInitial(stored[wStart]);
    if (ISSUER_STOP_ALWAYS.has(w) || (ISSUER_STOP.has(w) && !upper)) break;
    // the phrase tests only where the word can start one (a regex per word was most of this loop)
    if (PHRASE_STOP_FIRST.has(w) && ISSUER_PHRASE_STOP.test(folded.slice(wStart, wStart + 24))) break;
    if (w === 'ban' && /^ban\s+hanh(?![a-z])/.test(folded.slice(wStart, wStart + 10))) break;
    if (w.charCodeAt(0) <= 57) break; // a digit: words are [a-z0-9]+
    if (count === 0 ? !(upper || ISSUER_HEADS.has(w)) : !(upper || ISSUER_WORDS.has(w))) break;
    if (upper && NOUN_FIRST.has(w) && TYPE_START.test(folded.slice(wStart, wStart + 40))) break;
    count++;
    p = WORD.lastIndex;
    end = p;
  }
  if (!count) return null;
  const issuer = singleSpaces(stored.slice(pos, end)).trim();
  return { issuer, end };
}

const TYPE_START = new RegExp(String.raw`^(?:${NOUN_ALT})\s+(?:${SO}\b|\d)`);
const SUBJECT_LEAD = /\s*,?\s*"?\s*(?:ve|v\/v)\s+/y;

function readSubject(stored: string, folded: string, pos: number, limit: number): { subject: string; end: number } | null {
  SUBJECT_LEAD.lastIndex = pos;
  if (!SUBJECT_LEAD.exec(folded)) return null;
  const s = SUBJECT_LEAD.lastIndex;
  const max = Math.min(limit, s + 200);
  let e = s;
  while (e < max) {
    const c = folded[e];
    if (c === ';' || c === ':' || c === '(' || (c === '.' && /\s/.test(folded[e + 1] ?? ' ')) || (c === '\n' && folded[e + 1] === '\n')) break;
    e++;
  }
  const subject = singleSpaces(stored.slice(s, e).replace(/[*_]+/g, '')).replace(/[\s,"“”]+$/, '').trim();
  return subject ? { subject, end: e } : null;
}

function typeNameFromCode(code: string | null, family: SymbolFamily): string | null {
  if (!code) return null;
  if (family === 'party' && PARTY_TYPE_OVERRIDES[code]) return PARTY_TYPE_OVERRIDES[code];
  return TYPE_CODE_NAMES[code] ?? null;
}

function nounTypeName(noun: string | null): string | null {
  if (!noun) return null;
  const key = singleSpaces(noun);
  if (/^v[aie]n ban$/.test(key)) return null;
  return TYPE_NAME_BY_FOLDED.get(key) ?? null;
}

export interface FindOptions {
  /** Spans not to read as references (the document's own number line). */
  skip?: [number, number][];
}

/** All references of a text, in order. */
export function findReferences(stored: string, folded: string, options: FindOptions = {}): Mention[] {
  const skip = options.skip ?? [];
  const mentions: Mention[] = [];
  SYMBOL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SYMBOL_RE.exec(folded))) {
    const start = m.index;
    if (skip.some(([a, b]) => start < b && start + m![0].length > a)) continue;
    // form and table numbers ("Mẫu số 01/TK-TNCN", "Biểu số 02/BC-UBND", "Phụ lục số 03/PL-...") are no documents
    const before = folded.slice(Math.max(0, start - 24), start);
    if (FORM_WORD.test(before) && FORM_BEFORE.test(before)) continue;
    const mention = symbolMention(stored, folded, m);
    if (mention) mentions.push(mention);
  }
  findShortForms(stored, folded, mentions, skip);
  mentions.sort((a, b) => a.start - b.start);
  for (let i = 0; i < mentions.length; i++) {
    const cur = mentions[i];
    cur.index = i;
    const next = mentions[i + 1];
    const tail = readTail(stored, folded, cur.end);
    const limit = next ? next.phraseStart : folded.length;
    if (tail.tailEnd > limit) {
      tail.tailEnd = cur.end;
      tail.date = tail.issuer = tail.term = null;
    }
    if (cur.family === 'state' && tail.date && /\/(\d{4})\//.test(cur.symbol) && !tail.date.startsWith(/\/(\d{4})\//.exec(cur.symbol)![1])) {
      tail.date = null; // a legal document's symbol carries its year: a date of another year belongs to something else
    }
    if (!tail.date) tail.date = dateBefore(folded, cur, mentions[i - 1]);
    cur.date = tail.date;
    cur.dateFrom = tail.date ? 'printed' : null;
    cur.issuer = tail.issuer;
    cur.term = tail.term ?? termFromIssuer(tail.issuer) ?? (tail.issuer ? termNearby(folded, tail.tailEnd, limit) : null);
    cur.tailEnd = tail.tailEnd;
    const subj = readSubject(stored, folded, cur.tailEnd, limit);
    cur.subject = subj?.subject ?? null;
    cur.subjectEnd = subj?.end ?? cur.tailEnd;
  }
  // a list of short forms shares the issuer printed after its last number
  for (let i = mentions.length - 2; i >= 0; i--) {
    const a = mentions[i];
    const b = mentions[i + 1];
    if (a.family === 'short' && b.family === 'short' && !a.issuer && b.issuer && a.noun === b.noun && /^[\s,]*(?:va\s+)?$/.test(folded.slice(a.tailEnd, b.phraseStart))) {
      a.issuer = b.issuer;
      a.term ??= b.term;
    }
  }
  for (const cur of mentions) if (cur.family === 'short') finishShortForm(stored, cur);
  return mentions;
}

// "Ngày 07/11/2025, Văn phòng Thành ủy có Văn bản số 07-TB/VPTU": the date opens the clause.
const DATE_OPENS = /(?:^|[\s(])ngay\s+(\d{1,2}\s*[\/.\-]\s*\d{1,2}\s*[\/.\-]\s*\d{4}|\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4})\s*,\s*(?:[^\s,.;:]+\s+){1,10}?(?:co|ban\s+hanh|da\s+ban\s+hanh|da\s+co|gui|phat\s+hanh|[a-z][a-z0-9]{0,2})\s+$/;

function dateBefore(folded: string, cur: Mention, prev: Mention | undefined): string | null {
  const from = Math.max(prev ? prev.tailEnd : 0, cur.phraseStart - 160);
  const pre = folded.slice(from, cur.phraseStart);
  const m = DATE_OPENS.exec(pre);
  if (!m) return null;
  return dateAt(m[1], 0)?.iso ?? null;
}

/** "của Hội nghị lần thứ tám Ban Chấp hành Trung ương khóa XII": a term shortly after an issuer that was cut short. */
function termNearby(folded: string, from: number, limit: number): string | null {
  const seg = folded.slice(from, Math.min(limit, from + 90));
  const stop = seg.search(/(?:^|\s)ve\s|[;.:(\n]/);
  const m = /(?:^|\s)khoa\s+([ivxl1]{1,6})(?![a-z])/.exec(stop >= 0 ? seg.slice(0, stop) : seg);
  return m ? canonicalTerm(m[1]) : null;
}

function termFromIssuer(issuer: string | null): string | null {
  if (!issuer || !/kh/i.test(issuer)) return null;
  const m = /kh[oó]a\s+([IVXLivxl1]+)\b/u.exec(issuer.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
  return m ? canonicalTerm(m[1]) : null;
}

/** What a symbol's own characters say, whatever surrounds it. */
interface PrintedSymbol {
  /** The folded match it was read from: the same printed symbol folds the same way, but checked. */
  match: string;
  /** Its length: footnote digits glued to the symbol are not part of it. */
  length: number;
  family: SymbolFamily;
  typeCode: string | null;
  issuerCode: string | null;
  repaired: string | null;
  symbol: string;
  key: string;
  number: string | null;
  codeType: string | null;
}

// The same printed symbols recur across texts (a province's 24/QĐ-UBND, 45-NQ/TW): parsed once
const printedSymbols = new BoundedCache<PrintedSymbol>(50_000);

function printedSymbol(stored: string, m: RegExpExecArray): PrintedSymbol {
  const printed = stored.slice(m.index, m.index + m[0].length);
  const hit = printedSymbols.get(printed);
  if (hit && hit.match === m[0]) return hit;
  const parsed = parsePrintedSymbol(stored, m);
  printedSymbols.set(printed, parsed);
  return parsed;
}

function parsePrintedSymbol(stored: string, m: RegExpExecArray): PrintedSymbol {
  const start = m.index;
  let end = start + m[0].length;
  let family: SymbolFamily;
  let typeCode: string | null = null;
  let issuerCode: string | null = null;
  let repaired: string | null = null;
  let raw: string;
  if (m[2] !== undefined) {
    family = 'party';
    if (m[4]) end -= m[4].length; // footnote digits glued to a Party symbol
    raw = stored.slice(start, end);
    typeCode = m[2].toUpperCase();
    issuerCode = m[3].toUpperCase();
    // codes as printed (the folded copy reads J as I), repaired only into known codes
    const printedIssuer = raw.slice(raw.length - m[3].length);
    const fixed = repairIssuerCode(printedIssuer);
    if (fixed) {
      repaired = `issuer code ${printedIssuer} read as ${fixed}`;
      raw = raw.slice(0, raw.length - m[3].length) + fixed;
      issuerCode = fixed;
    }
    const dash = /-[ \t]?/.exec(raw);
    const typeAt = dash ? dash.index + dash[0].length : -1;
    const printedType = typeAt >= 0 ? raw.slice(typeAt, typeAt + m[2].length) : m[2];
    const fixedType = repairTypeCode(printedType);
    if (fixedType && typeAt >= 0) {
      repaired = (repaired ? repaired + '; ' : '') + `type code ${printedType} read as ${fixedType}`;
      raw = raw.slice(0, typeAt) + fixedType + raw.slice(typeAt + m[2].length);
      typeCode = fixedType;
    }
  } else {
    family = 'state';
    const codes = (m[6] ?? m[7]).replace(/[ \t]/g, '');
    const segs = codes.split('-');
    // digits after the last code are a footnote unless the code is QH/UBTVQH (QH15)
    const last = segs[segs.length - 1];
    const dm = /^([a-z]+)(\d+)$/.exec(last);
    if (dm && !dm[1].endsWith('qh')) end -= dm[2].length;
    raw = stored.slice(start, end);
    // OCR damage to the codes after the number ("16/NO-CP", "10/UIND-XD"): repaired only into a known code
    const codeStart = raw.length - raw.replace(/^\d+[a-z]?\s?\/\s?(?:\d{4}\s?\/\s?)?/i, '').length;
    let fixedAny = false;
    const fixedCodes = raw
      .slice(codeStart)
      .split('-')
      .map((tok, i) => {
        const t = tok.trim();
        const letters = /^[A-Za-zĐđ]+/.exec(t)?.[0] ?? '';
        const fix = letters && (i === 0 && segs.length > 1 ? repairTypeCode(letters) ?? repairStateIssuerCode(letters) : repairStateIssuerCode(letters));
        if (!fix) return tok;
        fixedAny = true;
        repaired = (repaired ? repaired + '; ' : '') + `code ${letters.toUpperCase()} read as ${fix}`;
        return tok.replace(letters, fix);
      });
    if (fixedAny) raw = raw.slice(0, codeStart) + fixedCodes.join('-');
    if (m[5]) {
      // N/YEAR/CODE[-ISSUER]: the first code is the type unless it is the issuer alone (QH15)
      typeCode = segs.length > 1 ? segs[0].replace(/\d+$/, '').toUpperCase() : null;
      issuerCode = segs[segs.length - 1].replace(/\d+$/, '').toUpperCase();
      if (segs.length === 1) issuerCode = segs[0].replace(/\d+$/, '').toUpperCase();
    } else {
      typeCode = segs[0].replace(/\d+$/, '').toUpperCase();
      issuerCode = segs[segs.length - 1].replace(/\d+$/, '').toUpperCase();
    }
  }
  const { symbol, key } = canonicalSymbolWithKey(raw);
  return { match: detached(m[0]), length: end - start, family, typeCode, issuerCode, repaired, symbol, key, number: /^\d+/.exec(symbol)?.[0] ?? null, codeType: typeNameFromCode(typeCode, family) };
}

function symbolMention(stored: string, folded: string, m: RegExpExecArray): Mention | null {
  const start = m.index;
  const { length, family, typeCode, issuerCode, repaired, symbol, key, number, codeType } = printedSymbol(stored, m);
  const end = start + length;
  const pre = folded.slice(Math.max(0, start - 90), start);
  let phraseStart = start;
  let noun: string | null = null;
  let name: string | null = null;
  const near = pre.length > 44 ? pre.slice(-44) : pre; // the longest noun with "số:" fits in 44 characters
  const nmNear = NOUN_BEFORE.exec(near);
  const nm = nmNear ? Object.assign(nmNear, { index: nmNear.index + (pre.length - near.length) }) : null;
  if (nm) {
    noun = singleSpaces(nm[1]);
    phraseStart = start - pre.length + nm.index + nm[0].indexOf(nm[1]);
  } else {
    const lm = pre.includes('luat') || pre.includes('phap') ? LAW_NAME_BEFORE.exec(pre) : null;
    if (lm) {
      const at = start - pre.length + lm[0].lastIndexOf(lm[1] + lm[2]);
      noun = lm[1].replace(/\s+/g, ' ');
      name = stored.slice(at, at + lm[1].length + lm[2].length).replace(/\s+/g, ' ').trim();
      phraseStart = at;
    } else {
      const sm = SO_BEFORE.exec(pre);
      if (sm) phraseStart = start - sm[0].length + (/[^a-z]/.test(sm[0][0]) ? 1 : 0);
    }
  }
  const type = nounTypeName(noun) ?? codeType ?? (family === 'state' && typeCode && !TYPE_CODE_NAMES[typeCode] ? 'Công văn' : null);
  return {
    index: 0,
    start,
    end,
    phraseStart,
    symbol,
    key,
    family,
    typeCode,
    issuerCode,
    type,
    noun,
    name,
    date: null,
    dateFrom: null,
    issuer: null,
    term: null,
    tailEnd: end,
    subject: null,
    subjectEnd: end,
    shortForm: null,
    number,
    unresolved: false,
    repaired,
  };
}

const NOUN_CODE: Record<string, string> = {
  'nghi quyet': 'NQ',
  'ket luan': 'KL',
  'chi thi': 'CT',
  'quyet dinh': 'QD',
  'quy dinh': 'QD',
  'nghi dinh': 'ND',
  'thong tu': 'TT',
  'thong bao': 'TB',
  'ke hoach': 'KH',
  'chuong trinh': 'CTR',
  'chuong trinh hanh dong': 'CTR',
  'huong dan': 'HD',
  luat: 'L',
};

function findShortForms(stored: string, folded: string, mentions: Mention[], skip: [number, number][]): void {
  const taken = mentions.map((x) => [x.phraseStart, x.end] as [number, number]);
  SHORT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SHORT_RE.exec(folded))) {
    if (m.index > 0 && folded.charCodeAt(m.index - 1) >= 97 && folded.charCodeAt(m.index - 1) <= 122) {
      SHORT_RE.lastIndex = m.index + 1;
      continue;
    }
    const phraseStart = m.index;
    const numStart = m.index + m[0].length - m[3].length;
    const end = m.index + m[0].length;
    if (taken.some(([a, b]) => phraseStart < b && end > a) || skip.some(([a, b]) => phraseStart < b && end > a)) continue;
    const after = folded.slice(end, end + 24);
    if (NOT_A_DOCUMENT_AFTER.test(after)) continue;
    // "Nghị quyết số 57, 59, 66 và 68 của Bộ Chính trị": a list of short forms sharing the noun
    const list = SHORT_LIST.exec(folded.slice(end, end + 80));
    if (list && !NOT_A_DOCUMENT_AFTER.test(folded.slice(end + list[0].length, end + list[0].length + 24)) && !/^\s*(?:\/|-\s?[a-z])/.test(folded.slice(end + list[0].length, end + list[0].length + 4))) {
      const noun = m[1].replace(/\s+/g, ' ');
      pushShort(mentions, stored, phraseStart, numStart, end, m[3], noun);
      const re = /(\d{1,5})/g;
      let nm: RegExpExecArray | null;
      while ((nm = re.exec(list[0]))) {
        const s0 = end + nm.index;
        pushShort(mentions, stored, s0, s0, s0 + nm[1].length, nm[1], noun);
      }
      SHORT_RE.lastIndex = end + list[0].length;
      continue;
    }
    if (/^\s*[,.]?\s*\d/.test(after)) continue; // a list of numbers, not a document
    if (/^[\s,]*(?:khoa|ngay\s+\d|nam\s+\d)/.test(after) && !m[2]) continue;
    pushShort(mentions, stored, phraseStart, numStart, end, m[3], m[1].replace(/\s+/g, ' '));
  }
}

const SHORT_LIST = /^(?:\s*,\s*\d{1,5}(?![\d\/\-a-z]))*(?:\s*,?\s*(?:va|và)\s+\d{1,5}(?![\d\/\-a-z]))/;

function pushShort(mentions: Mention[], stored: string, phraseStart: number, numStart: number, end: number, number: string, noun: string): void {
  {
    const typeCode = NOUN_CODE[noun] ?? null;
    mentions.push({
      index: 0,
      start: numStart,
      end,
      phraseStart,
      symbol: number,
      key: '',
      family: 'short',
      typeCode,
      issuerCode: null,
      type: TYPE_NAME_BY_FOLDED.get(noun) ?? null,
      noun,
      name: null,
      date: null,
      dateFrom: null,
      issuer: null,
      term: null,
      tailEnd: end,
      subject: null,
      subjectEnd: end,
      shortForm: phraseStart === numStart ? `${TYPE_NAME_BY_FOLDED.get(noun) ?? ''} ${number}`.trim() : stored.slice(phraseStart, end),
      number,
      unresolved: true,
      repaired: null,
    });
  }
}

/** The issuer code a phrase names ("của Quốc hội" → QH), if it is a known one. */
export function issuerCodeOf(issuer: string | null): string | null {
  if (!issuer) return null;
  const key = issuer
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  for (const [phrase, , code] of ISSUER_PHRASES) if (key === phrase || key.startsWith(phrase + ' ')) return code;
  return null;
}

function finishShortForm(stored: string, cur: Mention): void {
  const issuerCode = issuerCodeOf(cur.issuer);
  cur.issuerCode = issuerCode;
  const end = cur.issuer ? cur.tailEnd : cur.end;
  if (cur.phraseStart !== cur.start) cur.shortForm = stored.slice(cur.phraseStart, end).replace(/\s+/g, ' ').trim();
  else if (cur.issuer) cur.shortForm = `${cur.shortForm} của ${cur.issuer}`;
  cur.symbol = shortPlaceholder(cur.number!, cur.typeCode, issuerCode);
  cur.key = symbolKey(cur.symbol);
}

const STATE_ISSUERS = new Set(['QH', 'UBTVQH', 'CP', 'TTG']);

/** Placeholder symbol of a short form not (yet) resolved: "35/?/QH", "57-NQ/?". */
export function shortPlaceholder(number: string, typeCode: string | null, issuerCode: string | null): string {
  if (issuerCode && STATE_ISSUERS.has(issuerCode)) return `${number}/?/${canonicalCode(issuerCode)}`;
  return `${number}-${typeCode ? canonicalCode(typeCode) : '?'}/${issuerCode ? canonicalCode(issuerCode) : '?'}`;
}

/** Parse a placeholder back. */
export function parseShortPlaceholder(symbol: string): { number: string; typeCode: string | null; issuerCode: string | null } | null {
  const a = /^(\d+)\/\?\/(.+)$/.exec(symbol);
  if (a) return { number: a[1], typeCode: null, issuerCode: symbolKey(a[2]) };
  const b = /^(\d+)-([^/]+)\/(.+)$/.exec(symbol);
  if (b && (b[2] === '?' || b[3] === '?')) return { number: b[1], typeCode: b[2] === '?' ? null : symbolKey(b[2]), issuerCode: b[3] === '?' ? null : symbolKey(b[3]) };
  return null;
}

/** Parts of a full symbol: number, type code, issuer code(s), year, term digits. */
export type SymbolParts = Readonly<{ number: string; typeCode: string | null; issuerCode: string | null; year: string | null; assembly: string | null; party: boolean }>;

/** The parts of a symbol. Memoised and frozen: resolution asks again for the same symbols' parts for every candidate it weighs. */
export const symbolParts = memo((symbol: string): SymbolParts => Object.freeze(parseSymbolParts(symbol)), 100_000);

function parseSymbolParts(symbol: string): SymbolParts {
  const s = symbolKey(symbol);
  const party = /^(\d+[A-Z]?)-([A-Z]+)\/([A-Z]+)$/.exec(s);
  if (party) return { number: party[1], typeCode: party[2], issuerCode: party[3], year: null, assembly: null, party: true };
  const withYear = /^(\d+[A-Z]?)\/(\d{4})\/(.+)$/.exec(s);
  const noYear = /^(\d+[A-Z]?)\/(.+)$/.exec(s);
  const number = (withYear ?? noYear)?.[1] ?? (/^\d+/.exec(s)?.[0] ?? '');
  const year = withYear?.[2] ?? null;
  const codes = (withYear?.[3] ?? noYear?.[2] ?? '').split('-');
  const typeCode = codes.length > 1 ? codes[0].replace(/\d+$/, '') : null;
  const last = codes[codes.length - 1] ?? '';
  const assembly = /^(?:UBTV)?QH(\d+)$/.exec(last) ? last.replace(/^UBTV/, '') : null;
  return { number, typeCode, issuerCode: last.replace(/\d+$/, '') || null, year, assembly, party: false };
}

export function isLocalSymbol(symbol: string): boolean {
  const p = symbolParts(symbol);
  return !!p.issuerCode && LOCAL_ISSUER_CODES.has(p.issuerCode);
}

/** Find the symbol starting at or right after `pos` (the document's own "Số: ..." line). */
export function symbolAt(stored: string, folded: string, pos: number, within = 30): { symbol: string; start: number; end: number } | null {
  // search a short slice only: a global search from `pos` would scan on to the next symbol, however far
  const from = Math.max(0, pos - 1);
  const seg = folded.slice(from, Math.min(folded.length, pos + within + 80));
  SYMBOL_RE.lastIndex = pos - from;
  const m = SYMBOL_RE.exec(seg);
  if (!m || m.index + from > pos + within) return null;
  m.index += from;
  const mention = symbolMention(stored, folded, m);
  return mention ? { symbol: mention.symbol, start: mention.start, end: mention.end } : null;
}
