// Stage 4, classify. Every mention links the text itself to the document it names: CITES, or the
// stronger relation its clause gives (SUPERSEDES, AMENDS, IMPLEMENTS, GUIDES, BASED_ON). A clause that
// asserts a relation between two other documents ("Kết luận số 96-KL/TW ... về tiếp tục thực hiện
// Nghị quyết số 45-NQ/TW") yields that edge too, with this text as its evidence.
//
// How a mention is read: find the clause around it; take the last relation phrase before it in that
// clause; the phrase governs the mention when only filler words stand between them ("thực hiện có hiệu
// quả Nghị quyết số ...") or when the mention is coordinated with one it governs ("... và Nghị quyết
// số ..."). Then ask who says it: this document ("Kết luận này thay thế", an imperative, a decision
// verb, the title), another document (a symbol right before the phrase), or a document not yet issued
// ("xây dựng Nghị quyết mới thay thế ...") which makes it a mere citation.
import type { DocumentIdentity, EndingKind, ExtractedRelation, ReferenceTarget, RelationType } from './types.js';
import type { Layout } from './identify.js';
import type { Mention } from './references.js';
import { TYPE_NAMES } from './lexicon.js';
import { dateAt, withoutProvinces } from './normalise.js';
import { lineStartWithin, onlyBlanksBefore } from './lines.js';

export type TriggerCategory = 'review' | 'supersede' | 'amend' | 'guide' | 'implement' | 'basis';

interface Trigger {
  start: number;
  end: number;
  cat: TriggerCategory;
  text: string;
}

const TH = String.raw`th[uyi]{1,2}[ce]{1,2}\s+hien`;
const TK = String.raw`trien\s+khai`;
const NUM_WORD = String.raw`(?:\d+|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)`;
const NOUNS = TYPE_NAMES.map(([k]) => k.replace(/ /g, '\\s+'))
  .concat(['v[aie]n\\s+ban'])
  .join('|');

const TRIGGER_PARTS: [TriggerCategory, string][] = [
  [
    'review',
    [
      String.raw`(?:so|tong)\s+ket(?:\s+${NUM_WORD}\s+nam)?(?:\s+(?:tinh\s+hinh|ket\s+qua|viec|qua\s+trinh))?(?:\s+(?:to\s+chuc\s+)?${TK})?(?:\s+${TH})?`,
      String.raw`danh\s+gia(?:\s+(?:tinh\s+hinh|ket\s+qua|viec))?(?:\s+${TK})?(?:\s+${TH})?`,
      String.raw`kiem\s+diem(?:\s+(?:viec|ket\s+qua))?(?:\s+${TH})?`,
      String.raw`(?:ket\s+qua|tinh\s+hinh|qua\s+trinh|(?<!ve\s)viec)(?:\s+(?:sau\s+)?${NUM_WORD}\s+nam)?(?:\s+to\s+chuc)?\s+(?:${TK}(?:\s+${TH})?|${TH})`,
      String.raw`${NUM_WORD}\s+nam\s+(?:${TK}\s+)?${TH}`,
    ].join('|'),
  ],
  [
    'supersede',
    String.raw`thay\s+the(?:\s+cho)?|bai\s+bo|huy\s+bo|huy(?=\s+(?:cac\s+)?(?:${NOUNS})\s)|tam\s+dung\s+(?:${TH}|hieu\s+luc)|(?<!xay\s)dung\s+(?:${TH}|hieu\s+luc)|thoi\s+${TH}|het\s+hieu\s+luc(?:\s+thi\s+hanh)?|khong\s+con\s+hieu\s+luc|cham\s+dut\s+(?:hieu\s+luc|(?:viec\s+)?${TH})|dinh\s+chi(?:\s+viec\s+thi\s+hanh)?|(?:tam\s+)?ngung\s+(?:hieu\s+luc|${TH}|thi\s+hanh)`,
  ],
  ['amend', String.raw`sua\s+doi\s*,?\s*(?:va\s+)?bo\s+sung|sua\s+doi|bo\s+sung|dieu\s+chinh|dinh\s+chinh`],
  ['guide', String.raw`quy\s+dinh\s+chi\s+tiet(?:\s+va\s+huong\s+dan(?:\s+thi\s+hanh)?)?(?:\s+thi\s+hanh)?|huong\s+dan(?:\s+(?:thi\s+hanh|${TH}|${TK}(?:\s+${TH})?))?`],
  [
    'implement',
    String.raw`tiep\s+tuc\s+(?:${TK}\s+)?(?:to\s+chuc\s+)?${TH}|(?:to\s+chuc\s+)?${TK}\s+${TH}|to\s+chuc\s+${TH}|${TH}|${TK}|quan\s+triet|cu\s+the\s+hoa|the\s+che\s+hoa|thi\s+hanh`,
  ],
  ['basis', String.raw`can\s+c(?:u|tr|t|ir|tt|ii)(?:\s+vao)?`],
];

const TRIGGER_RE = new RegExp(TRIGGER_PARTS.map(([, src]) => `(${src})(?![a-z])`).join('|'), 'g');

function findTriggers(folded: string, from: number, to: number): Trigger[] {
  const out: Trigger[] = [];
  // a little past `to`, so that lookaheads ("hủy" before a document noun) see what follows
  const window = folded.slice(from, Math.min(folded.length, to + 32));
  const limit = to - from;
  TRIGGER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TRIGGER_RE.exec(window))) {
    if (m.index + m[0].length > limit) break;
    const before = m.index > 0 ? window.charCodeAt(m.index - 1) : from > 0 ? folded.charCodeAt(from - 1) : 32;
    if (before >= 97 && before <= 122) {
      TRIGGER_RE.lastIndex = m.index + 1;
      continue;
    }
    let cat: TriggerCategory = 'implement';
    for (let g = 1; g <= TRIGGER_PARTS.length; g++) if (m[g] !== undefined) cat = TRIGGER_PARTS[g - 1][0];
    out.push({ start: from + m.index, end: from + m.index + m[0].length, cat, text: m[0] });
  }
  return out;
}

const TRIGGER_AT = new RegExp(TRIGGER_PARTS.map(([, src]) => `(${src})(?![a-z])`).join('|'), 'y');

function triggerAt(folded: string, pos: number): Trigger | null {
  TRIGGER_AT.lastIndex = pos;
  const m = TRIGGER_AT.exec(folded);
  if (!m) return null;
  let cat: TriggerCategory = 'implement';
  for (let g = 1; g <= TRIGGER_PARTS.length; g++) if (m[g] !== undefined) cat = TRIGGER_PARTS[g - 1][0];
  return { start: pos, end: pos + m[0].length, cat, text: m[0] };
}

// ---------------------------------------------------------------------------------------------
// Filler between a relation phrase and the document it governs

const FILLER_WORDS = [
  'co hieu qua', 'hieu qua', 'nghiem tuc', 'dong bo', 'quyet liet', 'thuc chat', 'tot', 'kip thoi', 'day du', 'sau rong',
  'manh me', 'thang loi', 'toan dien', 'tich cuc', 'nghiem', 'cac', 'toan bo', 'mot phan', 'mot so dieu', 'mot so noi dung',
  'mot so quy dinh', 'noi dung', 'cua', 'tai', 'viec', 'va', 'thi hanh', 'quy dinh', 'so', 's', 'se',
].map((w) => w.replace(/ /g, '\\s+'));
const PART = String.raw`(?:diem\s+[a-z]\d?|khoan\s+\d+[a-z]?|dieu\s+\d+[a-z]?(?:\s*,\s*\d+[a-z]?)*(?:\s+va\s+\d+[a-z]?)?|chuong\s+[ivxl\d]+|muc\s+\d+|phan\s+[ivxl\d]+|phu\s+luc(?:\s+[ivxl\d]+)?|cac\s+dieu\s+\d+[a-z]?(?:\s*,\s*\d+[a-z]?)*(?:\s+va\s+\d+[a-z]?)?)`;
const FILLER_RE = new RegExp(
  String.raw`(?<![a-z])(?:${PART}|(?:[a-z]+\s+){0,8}ban\s+hanh\s+kem\s+theo|(?:bo\s+)?luat(?:[ \t,\-]+[a-z]+){1,8}?\s+va|${NOUNS}|${FILLER_WORDS.join('|')})(?![a-z])`,
  'g',
);

function tightGap(gap: string, afterGapIsSo = false): boolean {
  if (gap.length > 160) return false;
  if (/^\s*(?:[a-z]+\s+){1,2}(?:(?:so|se|s)\s*[:.]?\s*)?$/.test(gap) && (/(?:so|se|s)\s*[:.]?\s*$/.test(gap) || afterGapIsSo)) return true; // "Huéng dan s6": a type noun damaged by OCR
  return /^[\s,"'()\-]*$/.test(gap.replace(FILLER_RE, ' ').replace(/(?<![a-z])[a-z]{1,2}(?![a-z])/g, ' '));
}

const COORD_RE = /^[\s,"'”“)]*(?:(?:va|hoac|cung\s+nhu)\s+)?(?:cac\s+)?$/;

const PART_RE = new RegExp(PART, 'g');

/** The part a relation names (Điều 5, khoản 2 Điều 3), written as printed. */
function scopeIn(stored: string, folded: string, from: number, to: number): string | null {
  if (to <= from) return null;
  const seg = folded.slice(from, to);
  if (/mot\s+so\s+dieu/.test(seg) && !/dieu\s+\d/.test(seg)) return 'một số điều';
  const parts: string[] = [];
  PART_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let lastEnd = -1;
  let cur = '';
  while ((m = PART_RE.exec(seg))) {
    const txt = stored.slice(from + m.index, from + m.index + m[0].length).replace(/\s+/g, ' ');
    if (lastEnd >= 0 && /^\s*(?:cua\s+)?$/.test(seg.slice(lastEnd, m.index))) cur += ' ' + txt;
    else {
      if (cur) parts.push(cur);
      cur = txt;
    }
    lastEnd = m.index + m[0].length;
  }
  if (cur) parts.push(cur);
  return parts.length ? parts.join('; ') : null;
}

// ---------------------------------------------------------------------------------------------
// Clauses

function isListMarkerLine(folded: string, lineStart: number): boolean {
  return /^[ \t]*(?:[-+•*]|\d+(?:\.\d+)*[.)]|[a-zd][).]|dieu\s+\d+|[ivx]+\.)\s/.test(folded.slice(lineStart, lineStart + 12));
}

/** Start of the clause that contains `pos` (after ; : . ? ! a blank line or a new list item). */
function clauseStart(folded: string, pos: number, floor: number): number {
  const min = Math.max(floor, pos - 600);
  for (let i = pos - 1; i >= min; i--) {
    const c = folded[i];
    if (c === ';' || c === ':' || c === '?' || c === '!') return skipLead(folded, i + 1, pos);
    if (c === '.' && /\s/.test(folded[i + 1] ?? ' ') && !/\d/.test(folded[i - 1] ?? '')) return skipLead(folded, i + 1, pos);
    if (c === '.' && /\s/.test(folded[i + 1] ?? ' ') && /\d/.test(folded[i - 1] ?? '') && isLineStartNumber(folded, i)) return skipLead(folded, i + 1, pos);
    if (c === '\n') {
      if (folded[i - 1] === '\n' || (i > 0 && /^\s*$/.test(folded.slice(folded.lastIndexOf('\n', i - 1) + 1, i)))) {
        if (!brokenParagraph(folded, i)) return skipLead(folded, i + 1, pos);
        continue;
      }
      if (isListMarkerLine(folded, i + 1)) return skipLead(folded, i + 1, pos);
    }
  }
  return skipLead(folded, min, pos);
}

/** A blank line inside a sentence (text extracted from PDF): the line before ends mid-phrase, the next goes on in lower case. */
function brokenParagraph(folded: string, nl: number): boolean {
  let a = nl - 1;
  while (a >= 0 && /\s/.test(folded[a])) a--;
  let b = nl + 1;
  while (b < folded.length && /\s/.test(folded[b])) b++;
  if (a < 0 || b >= folded.length) return false;
  return /[\p{L}\d,]/u.test(folded[a]) && /[a-z]/.test(folded[b]) && !isListMarkerLine(folded, b) && lowerInStored(b);
}

let currentStored = '';
function lowerInStored(i: number): boolean {
  const ch = currentStored[i];
  return !!ch && ch === ch.toLowerCase();
}

function isLineStartNumber(folded: string, dotAt: number): boolean {
  let j = dotAt - 1;
  while (j >= 0 && /[\d.]/.test(folded[j])) j--;
  return j < 0 || folded[j] === '\n' || onlyBlanksBefore(folded, j + 1);
}

function skipLead(folded: string, from: number, limit: number): number {
  const m = /^[\s*]*(?:(?:[-+•]|\(?\d+(?:\.\d+)*[.)]|\(?[a-zd]\)|[ivx]+\.)\s+)?/.exec(folded.slice(from, Math.min(limit, from + 20)));
  return from + (m ? m[0].length : 0);
}

/** End of the clause that starts before `pos`. */
function clauseEnd(folded: string, pos: number, ceil: number): number {
  const max = Math.min(ceil, pos + 400);
  for (let i = pos; i < max; i++) {
    const c = folded[i];
    if (c === ';' || c === '?' || c === '!') return i;
    if (c === '.' && /\s/.test(folded[i + 1] ?? ' ')) return i;
    if (c === '\n' && (folded[i + 1] === '\n' || isListMarkerLine(folded, i + 1))) return i;
  }
  return max;
}

// ---------------------------------------------------------------------------------------------
// Who asserts the relation

const THIS_DOC_RE = new RegExp(String.raw`(?<![a-z])(?:${NOUNS})\s+nay(?![a-z])`);
const THIS_DOC_AT = new RegExp(String.raw`(?:${NOUNS})\s+nay(?![a-z])`, 'y');
const LIST_SUBJECT_RE = new RegExp(String.raw`(?<![a-z])cac\s+(?:${NOUNS}|quy\s+dinh)?\s*(?:sau|duoi)\s*(?:day)?`);
const NOUN_RE = new RegExp(String.raw`(?<![a-z])(?:${NOUNS})(?![a-z])`);
const FUTURE_RE =
  /(?<![a-z])(?:xay\s+dung|ban\s+hanh|du\s+thao|soan\s+thao|nghien\s+cuu|de\s+xuat|trinh|kien\s+nghi|tham\s+muu|chuan\s+bi|hoan\s+thien|ra\s+soat|xem\s+xet|de\s+nghi|se|du\s+kien|huong\s+toi|tien\s+toi|chi\s+dao|giao|yeu\s+cau|da|sau\s+khi|khi|neu|truong\s+hop|co\s+the|can|phai)(?![a-z])/;
const DECISION_RE = /(?:^|\s)(?:nhat\s+tri|dong\s+y|thong\s+nhat|quyet\s+nghi|chap\s+thuan|cho\s+phep)(?:\s+viec)?\s*$|\S\s+quyet\s+dinh(?:\s+viec)?\s*$/;
const IMPERATIVE_LEAD =
  /^(?:\s|,|tiep\s+tuc|day\s+manh|khan\s+truong|tap\s+trung|quyet\s+liet|tich\s+cuc|chu\s+dong|nghiem\s+tuc|kip\s+thoi|lanh\s+dao|chi\s+dao|to\s+chuc|thuc\s+hien|quan\s+triet|tuyen\s+truyen|va|de|dong\s+thoi|ngay|sau\s+do)*$/;
const STRIP_LEAD = /^(?:\s|dieu\s+\d+[a-z]?\s*[.:]|ve\s+viec|v\/v|ve|dong\s+thoi|,|(?:ke\s+)?tu\s+ngay\s+\d{1,2}\s*[\/.\-]\s*\d{1,2}\s*[\/.\-]\s*\d{4}\s*,?)*/;

type Speaker = 'self' | 'other' | 'future';

/** Who says the relation phrase: the text before it in its clause. */
function speaker(preRaw: string, cat: TriggerCategory): Speaker {
  const pre = withoutProvinces(preRaw);
  if (THIS_DOC_RE.test(pre)) return FUTURE_RE.test(pre.replace(THIS_DOC_RE, ' ').replace(/co\s+hieu\s+luc[^,]*/, ' ')) && !/co\s+hieu\s+luc/.test(pre) ? 'future' : 'self';
  const p = pre.replace(STRIP_LEAD, '');
  if (LIST_SUBJECT_RE.test(p) && !FUTURE_RE.test(p)) return 'self';
  if (!p.trim()) return 'self';
  if (cat === 'implement') return IMPERATIVE_LEAD.test(p) ? 'self' : FUTURE_RE.test(p) ? 'future' : 'other';
  if (DECISION_RE.test(p) && !FUTURE_RE.test(p.replace(DECISION_RE, ''))) return 'self';
  if (FUTURE_RE.test(p)) return 'future';
  return 'other';
}

/**
 * Who says a relation phrase of the title. The title names what the document does ("về việc dừng thực
 * hiện ...", "Ban hành Kế hoạch thực hiện ..."), unless it names another document to be made ("Tờ trình
 * về việc ban hành Nghị quyết thay thế ...").
 */
function titleSpeaker(preRaw: string, cat: TriggerCategory): Speaker {
  const pre = withoutProvinces(preRaw);
  const p = pre.replace(STRIP_LEAD, '');
  if (!p.trim()) return 'self';
  if (cat === 'implement' && /^(?:ban\s+hanh\s+)?(?:ke\s+hoach|chuong\s+trinh)(?:\s+hanh\s+dong)?(?:\s+cua\s+[a-z ]{2,60}?)?\s*$/.test(p)) return 'self';
  if (cat === 'implement' && IMPERATIVE_LEAD.test(p)) return 'self';
  if (FUTURE_RE.test(p) || NOUN_RE.test(p)) return 'future';
  return 'self';
}

const KIND_OF: [RegExp, EndingKind][] = [
  [/^thay/, 'thay thế'],
  [/^bai/, 'bãi bỏ'],
  [/^huy/, 'hủy bỏ'],
  [/^tam\s+dung/, 'ngưng hiệu lực'],
  [/^thoi/, 'dừng thực hiện'],
  [/^cham\s+dut\s+(?:viec\s+)?th/, 'dừng thực hiện'],
  [/^dung/, 'dừng thực hiện'],
  [/^(?:het|khong\s+con|cham\s+dut\s+hieu)/, 'hết hiệu lực'],
  [/^cham\s+dut\s+viec/, 'dừng thực hiện'],
  [/^dinh/, 'đình chỉ'],
  [/^(?:tam\s+)?ngung\s+(?:hieu|thi)/, 'ngưng hiệu lực'],
  [/^(?:tam\s+)?ngung/, 'dừng thực hiện'],
];

function endingKind(triggerText: string): EndingKind {
  const t = triggerText.replace(/^(?:bi|duoc)\s+/, '');
  for (const [re, k] of KIND_OF) if (re.test(t)) return k;
  return 'thay thế';
}

const REL_OF: Record<TriggerCategory, RelationType> = {
  review: 'CITES',
  supersede: 'SUPERSEDES',
  amend: 'AMENDS',
  guide: 'GUIDES',
  implement: 'IMPLEMENTS',
  basis: 'BASED_ON',
};

// ---------------------------------------------------------------------------------------------

export interface ClassifyInput {
  stored: string;
  folded: string;
  layout: Layout;
  identity: DocumentIdentity;
  mentions: Mention[];
}

interface Decision {
  type: RelationType;
  rule: string;
  trigger: Trigger | null;
  kind?: EndingKind | null;
  scope?: string | null;
  effectiveFrom?: string | null;
  evidenceStart?: number;
  evidenceEnd?: number;
}

export function targetOf(m: Mention): ReferenceTarget {
  const t: ReferenceTarget = { symbol: m.symbol, date: m.date };
  if (m.type) t.type = m.type;
  if (m.issuer) t.issuer = m.issuer;
  if (m.term) t.term = m.term;
  const subject = m.subject ?? m.name;
  if (subject) t.subject = subject;
  if (m.shortForm) t.shortForm = m.shortForm;
  if (m.shortForm && m.unresolved) t.unresolved = true;
  if (m.date && m.dateFrom && m.dateFrom !== 'printed') t.dateSource = m.dateFrom;
  return t;
}

const EVIDENCE_MAX = 300;

function evidenceSpan(stored: string, start: number, end: number, keep: number): [number, number] {
  if (end - start > EVIDENCE_MAX) {
    start = Math.max(start, Math.min(keep, end - EVIDENCE_MAX));
    if (end - start > EVIDENCE_MAX) end = start + EVIDENCE_MAX;
    while (start < end && /\S/.test(stored[start - 1] ?? ' ') && /\S/.test(stored[start])) start++;
  }
  while (start < end && /[\s,;:*]/.test(stored[start])) start++;
  while (end > start && /[\s,;:*]/.test(stored[end - 1])) end--;
  return [start, end];
}

const POST_ENDING =
  /\s*,?\s*(?:(da|se|dang)\s+)?(?:(bi|duoc)\s+)?(het\s+hieu\s+luc(?:\s+thi\s+hanh)?|khong\s+con\s+hieu\s+luc|bai\s+bo|huy\s+bo|(?:tam\s+)?ngung\s+hieu\s+luc|dinh\s+chi(?:\s+thi\s+hanh)?|thay\s+the\s+(?:bang|boi)|sua\s+doi(?:\s*,?\s*bo\s+sung)?(?=\s*(?:nhu\s+sau|:))|bo\s+sung(?=\s*(?:nhu\s+sau|:)))(?![a-z])/y;
const PASSIVE =
  /\s*,?\s*(?:(?:da\s+duoc|da\s+bi|duoc|bi|da)\s+)?(sua\s+doi\s*,?\s*(?:va\s+)?bo\s+sung|sua\s+doi|bo\s+sung|dieu\s+chinh|thay\s+the|bai\s+bo|huy\s+bo|dinh\s+chinh|huong\s+dan(?:\s+thi\s+hanh)?|quy\s+dinh\s+chi\s+tiet)(?:\s+(?:mot\s+so\s+dieu|nhu\s+sau))?\s+(?:tai|boi|bang|theo)\s+/y;
const ACTIVE_LEAD = /\s*,?\s*(?:(?:da|se)\s+)?(?:(?:ve|v\/v)\s+(?:viec\s+)?|(?:de|nham)\s+)?/y;
const ISSUING_PLAN = /(?:ban\s+hanh\s+)?(?:chuong\s+trinh|ke\s+hoach)(?:\s+hanh\s+dong)?\s+/y;
const WORD_AFTER = /[a-z]+\s+/y;

/**
 * "Chỉ thị số 37-CT/TU, ngày ... về tăng cường ..., thay thế Chỉ thị số 15-CT/TU": an ending or amending
 * phrase that closes the subject of X, right before the next document, in the same clause.
 */
function endingAfterSubject(folded: string, x: Mention, next: Mention | undefined): Trigger | null {
  if (!next || x.subjectEnd <= x.tailEnd) return null;
  const seg = folded.slice(x.tailEnd, next.phraseStart);
  if (seg.length > 260 || /[;:]|\.\s|\n\s*\n/.test(seg)) return null;
  const m = /,\s*((?:da\s+)?(?:thay\s+the(?:\s+cho)?|bai\s+bo|huy\s+bo|sua\s+doi\s*,?\s*(?:va\s+)?bo\s+sung|sua\s+doi))\s*$/.exec(seg.replace(FILLER_TAIL, ''));
  if (!m) return null;
  const subject = withoutProvinces(seg.slice(0, m.index));
  if (FUTURE_RE.test(subject) || NOUN_RE.test(subject)) return null;
  const start = x.tailEnd + m.index + m[0].indexOf(m[1]);
  const t = triggerAt(folded, start + (/^da\s+/.exec(m[1])?.[0].length ?? 0));
  return t && (t.cat === 'supersede' || t.cat === 'amend') ? t : null;
}

const FILLER_TAIL = new RegExp(String.raw`(?:\s(?:toan\s+bo|mot\s+so\s+dieu\s+cua|cac))*\s*$`);

/**
 * "Bãi bỏ Quyết định số 1, bãi bỏ Quyết định số 2": after a comma, the same verb that governs X starts a
 * parallel clause of this text, not a relation of X. So does a capitalised verb (a new item).
 */
function parallelClause(stored: string, folded: string, x: Mention, trig: Trigger): boolean {
  if (!folded.slice(x.tailEnd, trig.start).includes(',')) return false;
  const ch = stored[trig.start];
  if (ch && ch !== ch.toLowerCase()) return true;
  const cs = clauseStart(folded, x.phraseStart, 0);
  const before = findTriggers(folded, cs, x.phraseStart);
  const last = before[before.length - 1];
  return !!last && last.cat === trig.cat;
}

/** The relation phrase right after a document's tail, allowing "về ban hành Chương trình hành động của Chính phủ ...". */
function activeTriggerAfter(folded: string, pos: number): Trigger | null {
  ACTIVE_LEAD.lastIndex = pos;
  ACTIVE_LEAD.exec(folded);
  let at = ACTIVE_LEAD.lastIndex;
  const direct = triggerAt(folded, at);
  if (direct) return direct;
  ISSUING_PLAN.lastIndex = at;
  if (!ISSUING_PLAN.exec(folded)) return null;
  at = ISSUING_PLAN.lastIndex;
  for (let k = 0; k <= 6; k++) {
    const t = triggerAt(folded, at);
    if (t) return t.cat === 'implement' ? t : null;
    if (k === 0 && !/^cua\s/.test(folded.slice(at, at + 4))) return null;
    WORD_AFTER.lastIndex = at;
    if (!WORD_AFTER.exec(folded)) return null;
    at = WORD_AFTER.lastIndex;
  }
  return null;
}
const DATE_FROM = /(?<![a-z\/\-])(?:ke\s+)?tu\s+ngay\s+/g;

/** Relations of a text. Mentions must be in order and already resolved within the text. */
export function classify(input: ClassifyInput): ExtractedRelation[] {
  const { stored, folded, layout, identity, mentions } = input;
  currentStored = stored;
  const out: ExtractedRelation[] = [];
  const ownKey = identity.symbol ? identity.symbol.toUpperCase() : null;
  // The text's own number printed again with its own date ("Kèm theo Kế hoạch số 15/KH-UBND ngày ..."). An undated
  // mention of the same symbol is a reference: numbers restart each year and recur across terms.
  const isSelfMention = (m: Mention) =>
    !!ownKey &&
    m.family !== 'short' &&
    m.symbol.toUpperCase() === ownKey &&
    ((!!m.date && m.date === identity.issuedOn) || (!m.date && /kem\s+theo\s*(?:[a-z]+\s+){0,3}$/.test(folded.slice(Math.max(0, m.phraseStart - 40), m.phraseStart))));
  const consumed = new Set<number>(); // mentions that are a side of a relation between two others
  const inTitle = (m: Mention) => layout.titleStart >= 0 && m.start >= layout.titleStart && m.end <= layout.titleEnd;

  // ---- relations between two other documents (and "X được thay thế bằng Quyết định này")
  const selfFromPassive = new Map<number, Decision>();
  const chainAgents = new Set<number>();
  for (let i = 0; i < mentions.length; i++) {
    const x = mentions[i];
    if (x.family === 'short' && x.unresolved) continue;
    const next = mentions[i + 1];
    // passive: "X, điều chỉnh tại Y" → Y AMENDS X; "X đã được sửa đổi ... theo Y và Z hết hiệu lực ..." → this text ends X
    const passive = passiveAfter(folded, x, next);
    if (passive) {
      const { cat, verb, at } = passive;
      THIS_DOC_AT.lastIndex = at;
      if (THIS_DOC_AT.exec(folded) && (cat === 'supersede' || cat === 'amend')) {
        const trig: Trigger = { start: passive.verbStart, end: passive.verbStart + verb.length, cat, text: verb };
        selfFromPassive.set(x.index, {
          type: identity.consolidated ? 'CITES' : REL_OF[cat],
          rule: identity.consolidated ? 'cites:consolidated-repeat' : `${cat}:passive-this-document`,
          trigger: trig,
          kind: cat === 'supersede' ? endingKind(verb) : null,
          scope: scopeBefore(stored, folded, x),
          evidenceStart: x.phraseStart,
          evidenceEnd: THIS_DOC_AT.lastIndex,
        });
        continue;
      }
      if (next && next.phraseStart >= at && !(next.family === 'short' && next.unresolved)) {
        const agents: Mention[] = [next];
        for (let j = next.index + 1; j < mentions.length; j++) {
          const prev = agents[agents.length - 1];
          const cand = mentions[j];
          if (cand.phraseStart - prev.tailEnd > 40 || !COORD_RE.test(folded.slice(prev.tailEnd, cand.phraseStart))) break;
          agents.push(cand);
        }
        for (const y of agents) {
          const [s0, e0] = evidenceSpan(stored, x.phraseStart, y.tailEnd, x.phraseStart);
          out.push(rel(targetOf(y), targetOf(x), REL_OF[cat], stored, s0, e0, `${cat}:passive-between-others`, cat === 'supersede' ? endingKind(verb) : null, subjectScope(stored, folded, x)));
          consumed.add(y.index);
        }
        // the chain ends with an ending phrase: "... hết hiệu lực kể từ ngày Luật này có hiệu lực" ends X itself
        const last = agents[agents.length - 1];
        const ending = postEnding(stored, folded, last, identity, layout);
        if (ending && ending.type !== 'CITES' && ending.type !== 'AMENDS') {
          selfFromPassive.set(x.index, { ...ending, scope: scopeBefore(stored, folded, x), evidenceStart: x.phraseStart, rule: ending.rule + '+amended-chain' });
          for (const y of agents) chainAgents.add(y.index);
        }
        continue;
      }
    }
    // active: "X ... về tiếp tục thực hiện Y", "X ... triển khai Y", "X ... thay thế Y"
    const trig = activeTriggerAfter(folded, x.tailEnd) ?? endingAfterSubject(folded, x, next);
    if (!trig || trig.cat === 'basis') continue;
    if (parallelClause(stored, folded, x, trig)) continue;
    if (!next || next.phraseStart < trig.end) continue;
    if (!tightGap(folded.slice(trig.end, next.phraseStart))) continue;
    if (trig.cat === 'implement' && /^(?:thi\s+hanh)$/.test(trig.text)) continue;
    const objects: Mention[] = [next];
    for (let j = i + 2; j < mentions.length; j++) {
      const prev = objects[objects.length - 1];
      const cand = mentions[j];
      if (cand.phraseStart - prev.tailEnd > 40 || !COORD_RE.test(folded.slice(prev.tailEnd, cand.phraseStart))) break;
      objects.push(cand);
    }
    for (const z of objects) {
      if (z.family === 'short' && z.unresolved) continue;
      const fromSelf = isSelfMention(x);
      let type = REL_OF[trig.cat];
      let rule = `${trig.cat}:asserted-between-others`;
      if (trig.cat === 'review') rule = 'cites:review-by-other';
      if (identity.consolidated && (type === 'SUPERSEDES' || type === 'AMENDS') && fromSelf) {
        type = 'CITES';
        rule = 'cites:consolidated-repeat';
      }
      const [s, e] = evidenceSpan(stored, x.phraseStart, z.tailEnd, x.phraseStart);
      const scope = trig.cat === 'supersede' || trig.cat === 'amend' ? scopeIn(stored, folded, trig.end, z.phraseStart) : null;
      out.push(rel(fromSelf ? null : targetOf(x), targetOf(z), type, stored, s, e, rule, trig.cat === 'supersede' ? endingKind(trig.text) : null, scope));
      consumed.add(z.index);
    }
  }

  // ---- list governors: "Bãi bỏ các văn bản sau:" / "... hết hiệu lực:" followed by list items
  const listGov = listGovernors(folded, layout, identity);

  // ---- the text itself
  const governed = new Map<number, { trig: Trigger; dec: Decision }>();
  let lastClause = -1;
  let clauseMentions: Mention[] = [];
  const bodyStart = findBodyStart(folded, layout);
  for (const m of mentions) {
    if (isSelfMention(m) || isExample(folded, m)) continue;
    const title = inTitle(m);
    const floor = title ? layout.titleStart : 0;
    const cs = clauseStart(folded, m.phraseStart, floor);
    if (cs !== lastClause) {
      lastClause = cs;
      clauseMentions = [];
    }
    let dec: Decision | null = null;
    const passiveSelf = selfFromPassive.get(m.index);
    if (passiveSelf) dec = passiveSelf;
    if (!dec && consumed.has(m.index)) dec = { type: 'CITES', rule: 'cites:side-of-asserted-relation', trigger: null };
    if (!dec && !chainAgents.has(m.index)) dec = postEnding(stored, folded, m, identity, layout);
    if (!dec) {
      const triggers = findTriggers(folded, cs, m.phraseStart);
      const t = triggers[triggers.length - 1];
      if (t) {
        const gap = folded.slice(t.end, m.phraseStart);
        let governs = tightGap(gap, /^(?:so|se|s)\s*[:.]?\s*\d/.test(folded.slice(m.phraseStart, m.phraseStart + 8)));
        let carried: Decision | null = null;
        if (!governs) {
          const prev = clauseMentions[clauseMentions.length - 1];
          const g = prev ? governed.get(prev.index) : undefined;
          if (prev && g && g.trig.start === t.start && m.phraseStart - prev.tailEnd <= 40 && COORD_RE.test(folded.slice(prev.tailEnd, m.phraseStart))) {
            carried = g.dec;
          }
        }
        if (carried) {
          dec = { ...carried, scope: carried.type === 'SUPERSEDES' || carried.type === 'AMENDS' ? carried.scope : null, rule: carried.rule + '+coordinated' };
          governed.set(m.index, { trig: t, dec });
        } else if (governs) {
          // "Bãi bỏ A, bãi bỏ B": a parallel clause has the speaker of the one before it
          const prev = clauseMentions[clauseMentions.length - 1];
          const pg = prev ? governed.get(prev.index) : undefined;
          const parallel = !!pg && pg.trig.cat === t.cat && pg.dec.type !== 'CITES' && /^[\s,;]*(?:va\s+)?$/.test(folded.slice(prev.tailEnd, t.start));
          dec = decide(stored, folded, t, m, parallel ? t.start : cs, title, identity);
          if (parallel) dec = { ...dec, rule: dec.rule + '+parallel' };
          governed.set(m.index, { trig: t, dec });
        } else if (t.cat === 'basis' && folded.slice(cs, t.start).trim() === '') {
          dec = { type: 'BASED_ON', rule: 'based-on:can-cu-clause', trigger: t };
          governed.set(m.index, { trig: t, dec });
        } else if (t.cat === 'implement' && openingClause(folded, t, gap)) {
          dec = { type: identity.type === 'Hướng dẫn' ? 'GUIDES' : 'IMPLEMENTS', rule: 'implements:opening-clause', trigger: t };
          governed.set(m.index, { trig: t, dec });
        }
        void governs;
      }
    }
    if (!dec) {
      const lg = listGov.find((g) => m.phraseStart > g.start && m.phraseStart < g.end && firstInItem(folded, m, mentions));
      if (lg) dec = lg.dec;
    }
    if ((!dec || (dec.type === 'CITES' && dec.rule !== 'cites:review')) && basisParagraph(folded, cs)) {
      dec = { type: 'BASED_ON', rule: 'based-on:can-cu-paragraph', trigger: dec?.trigger ?? null };
    }
    if (dec && dec.type === 'CITES' && dec.trigger && (dec.trigger.cat === 'amend' || dec.trigger.cat === 'supersede' || dec.trigger.cat === 'guide') && m.phraseStart < bodyStart && enactingFormula(folded, cs, dec.trigger, identity)) {
      const d2 = decide(stored, folded, dec.trigger, m, dec.trigger.start, false, identity);
      if (d2.type !== 'CITES') dec = { ...d2, rule: d2.rule.replace(/:this-document$/, ':enacting-formula') };
    }
    if (!dec) dec = { type: 'CITES', rule: title ? 'cites:title' : 'cites:mention', trigger: null };
    clauseMentions.push(m);
    if (dec.type === 'SUPERSEDES' && !dec.effectiveFrom && identity.effectiveFrom && !identity.consolidated) dec = { ...dec, effectiveFrom: identity.effectiveFrom };
    const ev = selfEvidence(stored, folded, m, dec, cs);
    out.push(
      rel(null, targetOf(m), dec.type, stored, ev[0], ev[1], dec.rule, dec.type === 'SUPERSEDES' ? (dec.kind ?? null) : null, dec.type === 'SUPERSEDES' || dec.type === 'AMENDS' ? (dec.scope ?? null) : null, dec.type === 'SUPERSEDES' ? (dec.effectiveFrom ?? null) : null),
    );
  }

  // ---- a title that implements a document it names only by description ("V/v thực hiện Thông báo kết luận ...")
  titleObject(stored, folded, layout, identity, mentions, out);

  out.sort((a, b) => a.start - b.start || (a.from ? 1 : 0) - (b.from ? 1 : 0));
  return out;
}

const PASSIVE_LATER =
  /,\s*(?:(?:da\s+duoc|da\s+bi|duoc|bi)\s+)(sua\s+doi\s*,?\s*(?:va\s+)?bo\s+sung|sua\s+doi|bo\s+sung|dieu\s+chinh|thay\s+the|bai\s+bo|huy\s+bo|dinh\s+chinh)(?:\s+(?:mot\s+so\s+dieu|nhu\s+sau))?\s+(?:tai|boi|bang|theo)\s*:?[\s\d.)\-+]*$/;
const EFFECT_CLAUSE = /\s*,\s*co\s+hieu\s+luc(?:\s+thi\s+hanh)?\s+(?:ke\s+)?tu\s+ngay\s+/y;

/**
 * A passive phrase that makes X the target of another document: right after X's tail ("X, điều chỉnh
 * tại Y"), after an effect clause ("X ..., có hiệu lực kể từ ngày ..., được sửa đổi, bổ sung bởi: Y"),
 * or after a description set off by a comma ("X ... quy định ..., đã được sửa đổi, bổ sung bởi Y").
 */
function passiveAfter(folded: string, x: Mention, next: Mention | undefined): { cat: TriggerCategory; verb: string; verbStart: number; at: number } | null {
  let pos = x.tailEnd;
  EFFECT_CLAUSE.lastIndex = pos;
  if (EFFECT_CLAUSE.exec(folded)) {
    const d = dateAt(folded, EFFECT_CLAUSE.lastIndex);
    if (d) pos = d.end;
  }
  PASSIVE.lastIndex = pos;
  const pm = PASSIVE.exec(folded);
  if (pm) {
    let at = PASSIVE.lastIndex;
    const colon = /^\s*:?[\s\d.)\-+]*/.exec(folded.slice(at, at + 12));
    if (colon && next && at + colon[0].length === next.phraseStart) at = next.phraseStart;
    return { cat: passiveCat(pm[1]), verb: pm[1], verbStart: pos + pm[0].indexOf(pm[1]), at };
  }
  if (!next) return null;
  const seg = folded.slice(x.tailEnd, next.phraseStart);
  if (seg.length > 240 || /[;.:](?!\s*$)/.test(seg.replace(/\d+\.\d+/g, '').replace(/:\s*$/, ''))) return null;
  const lm = PASSIVE_LATER.exec(seg);
  if (!lm) return null;
  return { cat: passiveCat(lm[1]), verb: lm[1], verbStart: x.tailEnd + lm.index + lm[0].indexOf(lm[1]), at: next.phraseStart };
}

const ITEM_PART = new RegExp(String.raw`\n[ \t]*(?:\d+|[a-zd])[.)][ \t]+(?:sua\s+doi\s*,?\s*(?:va\s+)?bo\s+sung|sua\s+doi|bo\s+sung|bai\s+bo|thay\s+the)\s+(${PART}(?:\s*(?:,|va)?\s*${PART})*)`, 'g');

/** "Sửa đổi, bổ sung một số điều của X như sau: 1. Sửa đổi khoản 2 Điều 3 ...; 2. Bổ sung Điều 5a ...": the parts listed. */
function listedParts(stored: string, folded: string, m: Mention): string | null {
  const after = folded.slice(m.tailEnd, m.tailEnd + 40);
  const ns = /^[^.;\n]{0,30}?nhu\s+sau\s*:/.exec(after);
  if (!ns) return null;
  const from = m.tailEnd + ns[0].length;
  const next = /\n[ \t*#]*(?:dieu\s+\d+[a-z]?\s*[.:]|chuong\s+[ivxl]+\b)/.exec(folded.slice(from, from + 20000));
  const to = next ? from + next.index : Math.min(folded.length, from + 20000);
  const region = folded.slice(from, to);
  const parts: string[] = [];
  ITEM_PART.lastIndex = 0;
  let im: RegExpExecArray | null;
  while ((im = ITEM_PART.exec(region))) {
    const at = from + im.index + im[0].length - im[1].length;
    const sc = scopeIn(stored, folded, at, at + im[1].length);
    if (sc) parts.push(sc);
  }
  return parts.length ? [...new Set(parts)].join('; ') : null;
}

/** Mentions given as examples ("(ví dụ: Số 45-NQ/TW, ...)") are no references. */
function isExample(folded: string, m: Mention): boolean {
  const pre = folded.slice(Math.max(0, m.phraseStart - 100), m.phraseStart);
  const open = pre.lastIndexOf('(');
  if (open < 0 || pre.indexOf(')', open) >= 0) return false;
  return /^\s*(?:vi\s+du|vd|chang\s+han|mau)\s*[:.,]/.test(pre.slice(open + 1));
}

const BASIS_START = /^(?:can\s+c(?:u|tr|t|ir|tt|ii))(?![a-z])/;
const NOUN_START = new RegExp(String.raw`^(?:cac\s+)?(?:${NOUNS}|hien\s+phap|dieu\s+le)(?![a-z])`);

/**
 * Is the clause starting at `cs` part of a "Căn cứ ..." paragraph: the clause itself starts with
 * "Căn cứ", or it continues one after ";" with another document ("Căn cứ A; Hướng dẫn số B;").
 */
function basisParagraph(folded: string, cs: number): boolean {
  let start = cs;
  for (let hop = 0; hop < 12; hop++) {
    const head = folded.slice(start, start + 16);
    if (BASIS_START.test(head)) return true;
    if (!NOUN_START.test(head)) return false;
    // the clause before: it must end with ";" on the same paragraph
    let i = start - 1;
    while (i >= 0 && /[ \t]/.test(folded[i])) i--;
    if (i < 0 || folded[i] !== ';') return false;
    const prevStart = clauseStart(folded, i, 0);
    if (prevStart >= start) return false;
    start = prevStart;
  }
  return false;
}

/** Start of the body: "Điều 1." (or the first numbered section) after the title. */
function findBodyStart(folded: string, layout: Layout): number {
  const from = Math.max(0, layout.titleEnd);
  const re = /\n[ \t*#]*(?:dieu\s+1\s*[.:]|chuong\s+i\b|i\s*[.:]\s|1\s*[.:]\s)/g;
  re.lastIndex = from;
  const m = re.exec(folded);
  return m ? m.index : folded.length;
}

/** "Bộ trưởng Bộ Tài chính ban hành Thông tư sửa đổi, bổ sung ...": the preamble names this document. */
function enactingFormula(folded: string, cs: number, t: Trigger, identity: DocumentIdentity): boolean {
  if (!identity.type) return false;
  const own = identity.type
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
  const pre = folded.slice(cs, t.start).replace(/\s+/g, ' ');
  return pre.endsWith(`ban hanh ${own} `) || pre.endsWith(`ban hanh ${own} quy dinh `) || pre.endsWith(`ban hanh ${own} huong dan `);
}

function passiveCat(verb: string): TriggerCategory {
  if (/^(?:thay|bai|huy)/.test(verb)) return 'supersede';
  if (/^(?:huong|quy)/.test(verb)) return 'guide';
  return 'amend';
}

function rel(
  from: ReferenceTarget | null,
  to: ReferenceTarget,
  type: RelationType,
  stored: string,
  start: number,
  end: number,
  rule: string,
  kind: EndingKind | null = null,
  scope: string | null = null,
  effectiveFrom: string | null = null,
): ExtractedRelation {
  const r: ExtractedRelation = { from, to, type, evidence: stored.slice(start, end), start, end, rule };
  if (type === 'SUPERSEDES') r.kind = kind ?? 'thay thế';
  if (scope && (type === 'SUPERSEDES' || type === 'AMENDS')) r.scope = scope;
  if (effectiveFrom && type === 'SUPERSEDES') r.effectiveFrom = effectiveFrom;
  return r;
}

/** The relation a governing phrase gives, once we know who says it. */
function decide(stored: string, folded: string, t: Trigger, m: Mention, cs: number, title: boolean, identity: DocumentIdentity): Decision {
  if (t.cat === 'review') return { type: 'CITES', rule: 'cites:review', trigger: t };
  const pre = folded.slice(cs, t.start);
  const who: Speaker = title ? titleSpeaker(pre, t.cat) : speaker(pre, t.cat);
  if (t.cat === 'basis') return who === 'self' || pre.trim() === '' ? { type: 'BASED_ON', rule: 'based-on:can-cu', trigger: t } : { type: 'CITES', rule: 'cites:basis-of-other', trigger: t };
  if (who !== 'self') return { type: 'CITES', rule: who === 'future' ? `cites:${t.cat}-planned-or-by-others` : `cites:${t.cat}-by-unnumbered-subject`, trigger: t };
  if (t.cat === 'supersede' || t.cat === 'amend') {
    if (identity.consolidated) return { type: 'CITES', rule: 'cites:consolidated-repeat', trigger: t };
    let scope = scopeIn(stored, folded, t.end, m.phraseStart);
    if (!title && (!scope || scope === 'một số điều')) scope = listedParts(stored, folded, m) ?? scope;
    const dec: Decision = { type: REL_OF[t.cat], rule: `${t.cat}:${title ? 'title' : 'this-document'}`, trigger: t, scope };
    if (t.cat === 'supersede') {
      dec.kind = endingKind(t.text);
      dec.effectiveFrom = effectDate(folded, pre, m.tailEnd, clauseEnd(folded, m.tailEnd, folded.length), identity);
    }
    return dec;
  }
  if (t.cat === 'guide') {
    if (title || THIS_DOC_RE.test(pre)) return { type: 'GUIDES', rule: `guides:${title ? 'title' : 'this-document'}`, trigger: t };
    return { type: 'CITES', rule: 'cites:guide-mentioned', trigger: t };
  }
  // implement
  if (/^thi\s+hanh$/.test(t.text) && !title) return { type: 'CITES', rule: 'cites:thi-hanh', trigger: t };
  const type: RelationType = identity.type === 'Hướng dẫn' && title ? 'GUIDES' : 'IMPLEMENTS';
  return { type, rule: `implements:${title ? 'title' : 'imperative'}`, trigger: t };
}

function effectDate(folded: string, pre: string, from: number, to: number, identity: DocumentIdentity): string | null {
  const seg = folded.slice(from, to);
  DATE_FROM.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_FROM.exec(seg))) {
    const at = from + DATE_FROM.lastIndex;
    const d = dateAt(folded, at);
    if (d) return d.iso;
    THIS_DOC_AT.lastIndex = at;
    if (THIS_DOC_AT.exec(folded) && /^\s*co\s+hieu\s+luc/.test(folded.slice(THIS_DOC_AT.lastIndex, THIS_DOC_AT.lastIndex + 20))) return identity.effectiveFrom ?? null;
    if (/^ky(?:\s+ban\s+hanh)?(?![a-z])/.test(folded.slice(at, at + 14))) return identity.issuedOn ?? null;
  }
  const pm = /(?<![a-z\/\-])(?:ke\s+)?tu\s+ngay\s+(\d{1,2}\s*[\/.\-]\s*\d{1,2}\s*[\/.\-]\s*\d{4})/.exec(pre);
  if (pm) {
    const d = dateAt(pm[1], 0);
    if (d) return d.iso;
  }
  if (THIS_DOC_RE.test(pre) && /co\s+hieu\s+luc/.test(pre)) return identity.effectiveFrom ?? (/ke\s+tu\s+ngay\s+ky/.test(pre) ? identity.issuedOn : null);
  return null;
}

/** "X hết hiệu lực kể từ ...", "X bị bãi bỏ", "Điều 5 của X được sửa đổi như sau:" — this text ends or amends X. */
function postEnding(stored: string, folded: string, m: Mention, identity: DocumentIdentity, layout: Layout): Decision | null {
  for (const at of m.subjectEnd > m.tailEnd ? [m.tailEnd, m.subjectEnd] : [m.tailEnd]) {
    POST_ENDING.lastIndex = at;
    const pm = POST_ENDING.exec(folded);
    if (!pm) continue;
    const tense = pm[1];
    const verb = pm[3];
    const end = POST_ENDING.lastIndex;
    const ce = clauseEnd(folded, end, folded.length);
    const rest = folded.slice(end, ce);
    const isAmend = /^(?:sua|bo\s+sung)/.test(verb);
    if (/^thay\s+the/.test(verb)) {
      THIS_DOC_AT.lastIndex = end + (/^\s*/.exec(rest)?.[0].length ?? 0);
      if (!THIS_DOC_AT.exec(folded)) return null; // "X được thay thế bằng Y": a relation between others
    }
    if (tense === 'da' || tense === 'dang') return { type: 'CITES', rule: 'cites:ended-before', trigger: null };
    const cs = clauseStart(folded, m.phraseStart, 0);
    const pre = folded.slice(cs, m.phraseStart);
    if (/(?:xay\s+dung|du\s+thao|de\s+xuat|kien\s+nghi|nghien\s+cuu)/.test(pre)) return null;
    const sure = THIS_DOC_RE.test(rest) || THIS_DOC_RE.test(pre) || /(?:ke\s+)?tu\s+ngay\s+\d/.test(rest) || m.phraseStart >= layout.finalStart || isAmend;
    if (!sure) return null;
    const trig: Trigger = { start: at + pm[0].indexOf(verb), end, cat: isAmend ? 'amend' : 'supersede', text: verb };
    if (identity.consolidated) return { type: 'CITES', rule: 'cites:consolidated-repeat', trigger: trig, evidenceStart: m.phraseStart, evidenceEnd: ce };
    const scope = scopeBefore(stored, folded, m);
    if (isAmend) return { type: 'AMENDS', rule: 'amends:named-part-amended', trigger: trig, scope, evidenceStart: scope ? m.phraseStart - 40 : m.phraseStart, evidenceEnd: end };
    return {
      type: 'SUPERSEDES',
      rule: 'supersedes:ending-declared',
      trigger: trig,
      kind: endingKind(verb),
      scope,
      effectiveFrom: effectDate(folded, '', end, ce, identity),
      evidenceStart: m.phraseStart,
      evidenceEnd: ce,
    };
  }
  return null;
}

const SCOPE_BEFORE = new RegExp(String.raw`((?:${PART})(?:\s*,?\s*(?:va\s+)?(?:${PART}))*)\s*(?:cua\s+|tai\s+)?$`);

/** The part named before X when it is the subject of the clause ("Điều 5 của Thông tư số X được sửa đổi ..."). */
function subjectScope(stored: string, folded: string, m: Mention): string | null {
  const pre = folded.slice(Math.max(0, m.phraseStart - 80), m.phraseStart);
  const sm = SCOPE_BEFORE.exec(pre);
  if (!sm) return null;
  const at = m.phraseStart - pre.length + sm.index;
  const cs = clauseStart(folded, at + 1, 0);
  if (folded.slice(cs, at).trim()) return null;
  return scopeIn(stored, folded, at, at + sm[1].length);
}

function scopeBefore(stored: string, folded: string, m: Mention): string | null {
  const pre = folded.slice(Math.max(0, m.phraseStart - 80), m.phraseStart);
  const sm = SCOPE_BEFORE.exec(pre);
  if (!sm) return null;
  const at = m.phraseStart - pre.length + sm.index;
  return scopeIn(stored, folded, at, at + sm[1].length);
}

const NOUN_SO_END = new RegExp(String.raw`(?:${NOUNS})?\s*(?:so|s|se)?\s*[:.]?\s*$`);

/** A paragraph that opens with "Thực hiện ..." and names the document it carries out ("... tại Văn bản số ..."). */
function openingClause(folded: string, t: Trigger, gap: string): boolean {
  // bounded look-back (see lines.ts); a longer lead can match only if it is all bullets and blanks
  let ls = lineStartWithin(folded, t.start, 200);
  if (ls < 0) ls = /^[\s\-+•*de]*$/.test(folded.slice(t.start - 200, t.start)) ? folded.lastIndexOf('\n', t.start - 1) + 1 : t.start - 200;
  const lead = folded.slice(ls, t.start);
  if (!/^[\s\-+•*]*(?:de\s+)?$/.test(lead)) return false;
  if (!/^(?:thuc|thyc|tiep|trien|thi|to)/.test(t.text)) return false;
  return gap.length <= 180 && /(?:^|\s)(?:tai|theo)\s*$/.test(gap.replace(NOUN_SO_END, ''));
}

function selfEvidence(stored: string, folded: string, m: Mention, dec: Decision, cs: number): [number, number] {
  const tailEnd = m.tailEnd;
  let start: number;
  let end: number;
  if (dec.evidenceStart !== undefined && dec.evidenceEnd !== undefined) {
    start = Math.max(0, dec.evidenceStart);
    end = dec.evidenceEnd;
  } else if (dec.trigger) {
    start = Math.min(dec.trigger.start, m.phraseStart);
    end = Math.max(tailEnd, Math.min(m.subjectEnd, tailEnd + 80));
  } else {
    start = Math.max(cs, m.phraseStart - 120);
    end = Math.max(tailEnd, Math.min(m.subjectEnd, tailEnd + 80));
    if (start > cs) while (start < m.phraseStart && /\S/.test(stored[start - 1])) start++;
  }
  if (end < m.end) end = m.end;
  if (end > tailEnd && end < stored.length) {
    // do not cut a word
    while (end < stored.length && /[\p{L}\d]/u.test(stored[end]) && end - start < EVIDENCE_MAX) end++;
  }
  return evidenceSpan(stored, start, end, m.phraseStart);
}

interface ListGovernor {
  start: number;
  end: number;
  dec: Decision;
}

const LIST_TRIGGER = new RegExp(String.raw`(?<![a-z])(?:${TRIGGER_PARTS[1][1]}|${TRIGGER_PARTS[2][1]}|${TRIGGER_PARTS[5][1]})(?![a-z])`, 'g');

/** Lines that end with ":" and carry an ending/amending/basis phrase: they introduce a list. */
function* listIntros(folded: string): Generator<{ index: number; end: number }> {
  let from = 0;
  for (;;) {
    const colon = folded.indexOf(':', from);
    if (colon < 0) return;
    from = colon + 1;
    let j = colon + 1;
    while (j < folded.length && (folded[j] === ' ' || folded[j] === '\t')) j++;
    if (folded[j] !== '\n') continue;
    const ls = Math.max(folded.lastIndexOf('\n', colon - 1) + 1, colon - 600);
    const seg = folded.slice(ls, colon);
    LIST_TRIGGER.lastIndex = 0;
    let m: RegExpExecArray | null;
    let last: RegExpExecArray | null = null;
    while ((m = LIST_TRIGGER.exec(seg))) last = m;
    if (!last) continue;
    const between = seg.slice(last.index + last[0].length);
    if (between.length > 140 || /[;.:]/.test(between.replace(/\d+\.\d+/g, ''))) continue;
    yield { index: ls + last.index, end: j + 1 };
  }
}

function listGovernors(folded: string, layout: Layout, identity: DocumentIdentity): ListGovernor[] {
  const out: ListGovernor[] = [];
  for (const intro of listIntros(folded)) {
    const m = { index: intro.index, 0: folded.slice(intro.index, intro.end) };
    const t = triggerAt(folded, m.index);
    if (!t) continue;
    const cs = clauseStart(folded, t.start, 0);
    const pre = folded.slice(cs, t.start);
    const mid = folded.slice(t.end, m.index + m[0].length);
    const who = speaker(pre + ' ' + (THIS_DOC_RE.test(mid) ? mid : ''), t.cat);
    if (who !== 'self' && !(t.cat === 'basis' && !pre.trim())) continue;
    // the list: following lines that start with a list marker
    let pos = m.index + m[0].length;
    let end = pos;
    for (let n = 0; n < 100_000; n++) {
      let e = folded.indexOf('\n', pos);
      if (e < 0) e = folded.length;
      const line = folded.slice(pos, e);
      if (/^\s*$/.test(line)) {
        if (e >= folded.length) break;
        pos = e + 1;
        continue;
      }
      if (!isListMarkerLine(folded, pos) || /^\s*dieu\s+\d/.test(line)) break;
      end = e;
      pos = e + 1;
      if (pos >= folded.length) break;
    }
    if (end <= m.index + m[0].length) continue;
    let dec: Decision;
    if (t.cat === 'basis') dec = { type: 'BASED_ON', rule: 'based-on:list-item', trigger: t };
    else if (identity.consolidated) dec = { type: 'CITES', rule: 'cites:consolidated-repeat', trigger: t };
    else {
      dec = { type: REL_OF[t.cat], rule: `${t.cat}:list-item`, trigger: t };
      if (t.cat === 'supersede') {
        dec.kind = endingKind(t.text);
        dec.effectiveFrom = effectDate(folded, pre, t.end, m.index + m[0].length, identity);
      }
    }
    void layout;
    out.push({ start: m.index + m[0].length, end, dec });
  }
  return out;
}

function firstInItem(folded: string, m: Mention, mentions: Mention[]): boolean {
  const ls = folded.lastIndexOf('\n', m.phraseStart - 1) + 1;
  const prev = mentions[m.index - 1];
  return !prev || prev.phraseStart < ls;
}

// ---------------------------------------------------------------------------------------------

const TITLE_OBJECT = new RegExp(
  String.raw`(?<![a-z])(?:${TH}|${TK}(?:\s+${TH})?|huong\s+dan(?:\s+${TH})?)\s+(thong\s+b[ea]{1,2}o(?:\s+ket\s+luan)?|ket\s+luan|ke\s+hoach|chi\s+thi|quyet\s+dinh|y\s+kien\s+chi\s+dao|van\s+ban|cong\s+van)(?!\s+(?:so|s|se)\b)(?![a-z])`,
);
const OBJECT_CODES: [RegExp, string[]][] = [
  [/^thong/, ['TB']],
  [/^ket/, ['KL', 'TB']],
  [/^ke/, ['KH']],
  [/^chi/, ['CT']],
  [/^quyet/, ['QD']],
  [/^(?:y|van|cong)/, ['CV', 'TB', 'VP']],
];
const STOP = new Set(['va', 'cua', 've', 'viec', 'cac', 'so', 'trong', 'den', 'het', 'nam', 'thang', 'ngay', 'tai', 'theo']);

function words(s: string): string[] {
  return s.split(/[^a-z0-9]+/).filter((w) => w.length > 1 && !STOP.has(w));
}

function titleObject(stored: string, folded: string, layout: Layout, identity: DocumentIdentity, mentions: Mention[], out: ExtractedRelation[]): void {
  if (layout.titleStart < 0) return;
  const title = folded.slice(layout.titleStart, layout.titleEnd);
  const tm = TITLE_OBJECT.exec(title);
  if (!tm) return;
  const codes = OBJECT_CODES.find(([re]) => re.test(tm[1]))?.[1] ?? [];
  const desc = words(title.slice(tm.index + tm[0].length)).slice(0, 12);
  if (desc.length < 4) return;
  let best: { m: Mention; score: number; end: number } | null = null;
  for (const m of mentions) {
    if (m.family === 'short' || m.start < layout.titleEnd && m.start >= layout.titleStart) continue;
    const parts = m.symbol.split(/[-/]/);
    const code = m.family === 'party' ? parts[1] : parts[1];
    if (codes.length && !codes.some((c) => (code ?? '').toUpperCase().replace('Đ', 'D').startsWith(c))) continue;
    const after = folded.slice(m.tailEnd, Math.min(folded.length, m.tailEnd + 200));
    const body = new Set(words(after).slice(0, 25));
    const score = desc.filter((w) => body.has(w)).length / desc.length;
    if (score >= 0.6 && (!best || score > best.score)) best = { m, score, end: Math.min(folded.length, m.tailEnd + 200) };
  }
  if (!best) return;
  const m = best.m;
  if (out.some((r) => !r.from && r.to.symbol === m.symbol && r.type !== 'CITES' && r.type !== 'BASED_ON')) return;
  const ce = clauseEnd(folded, m.tailEnd, best.end);
  const [s, e] = evidenceSpan(stored, m.phraseStart, Math.max(ce, m.tailEnd), m.phraseStart);
  out.push(rel(null, targetOf(m), identity.type === 'Hướng dẫn' ? 'GUIDES' : 'IMPLEMENTS', stored, s, e, 'implements:title-names-it-by-description'));
}
