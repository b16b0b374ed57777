// Stage 2, identify the document itself: its number (the "Số: ..." line of the header, not the first
// symbol the text cites), its type from the heading (a Party "QĐ" can be a Quy định), its issuer with
// the locality of a local issuer, its place and issue date from the "<Nơi>, ngày … tháng … năm …"
// line (not from a signature stamp), its title (trích yếu), and the layout the classifier needs:
// where the title is, where the final provisions start.
import { TYPE_CODE_NAMES, TYPE_NAMES, canonicalTerm, PARTY_TYPE_OVERRIDES, LOCAL_ISSUER_CODES } from './lexicon.js';
import { allDates, dateAt, foldShort, institutionName, isoDate, memo, provinceIn, provinceName, singleSpaces } from './normalise.js';
import { symbolAt, symbolParts, type Mention } from './references.js';
import { documentId, unnumberedId } from './ids.js';
import { createHash } from 'node:crypto';
import { lineStartWithin, onlyBlanksBefore } from './lines.js';
import type { DocumentIdentity } from './types.js';

export interface Layout {
  /** The heading line with the type name ("KẾT LUẬN", "NGHỊ ĐỊNH"), if found. */
  headingStart: number;
  headingEnd: number;
  /** The title block (trích yếu): from "về"/"V/v" (or the heading's next line) to the first blank line. */
  titleStart: number;
  titleEnd: number;
  /** Span of the document's own number, so the finder does not read it as a reference. */
  ownSymbolSpan: [number, number] | null;
  /** Start of the final provisions ("Hiệu lực thi hành", "Điều khoản thi hành", "Tổ chức thực hiện"). */
  finalStart: number;
  /** Start of the "Nơi nhận" block (end of the body). */
  recipientsStart: number;
}

export interface Identified {
  identity: DocumentIdentity;
  layout: Layout;
}

const HEADER_CHARS = 4000;

function lineBounds(text: string, pos: number): [number, number] {
  const s = text.lastIndexOf('\n', pos - 1) + 1;
  let e = text.indexOf('\n', pos);
  if (e < 0) e = text.length;
  return [s, e];
}

const TYPE_HEADING = new RegExp(
  String.raw`^[\s*#_>]*(${TYPE_NAMES.map(([k]) => k.replace(/ /g, '\\s+')).join('|')})(?![a-z])`,
);
const TITLE_WITH_NUMBER = new RegExp(String.raw`^(${TYPE_NAMES.map(([k]) => k.replace(/ /g, '\\s+')).join('|')})\s+(?:so\s*[:.]?\s*)?(?=\d)`);
const MOTTO = /(?:cong\s+hoa\s+xa\s+h[a-z]*i\s+ch[a-z]*\s+ngh[a-z]*\s+viet\s+nam|[a-z]*ang\s+cong\s+san\s+viet\s+nam|[a-z]{2,4}c\s+l[a-z]{1,2}p\s*-\s*t[a-z]{0,2}\s+do\s*-\s*h[a-z]{2,4}\s+ph[a-z]{1,3}c)/;

/** Identify the document and read its layout. `mentions` (optional) gives the dates for issuedNotBefore. */
export function identify(stored: string, folded: string, file = ''): Identified {
  const headerEnd = Math.min(folded.length, HEADER_CHARS);
  const header = folded.slice(0, headerEnd);

  // ---- heading with the type name
  let headingStart = -1;
  let headingEnd = -1;
  let headingType: string | null = null;
  {
    let pos = 0;
    let lines = 0;
    while (pos < headerEnd && lines < 60) {
      let e = folded.indexOf('\n', pos);
      if (e < 0) e = folded.length;
      const line = folded.slice(pos, e);
      const m = TYPE_HEADING.exec(line);
      if (m && !/^[\s*#_>]*(?:van ban|cong van)\s+so/.test(line)) {
        const at = pos + line.indexOf(m[1]);
        const printed = stored.slice(at, at + m[1].length);
        if (printed === printed.toUpperCase() && !/^\s*(?:quyet dinh|quyet nghi|ket luan|chi thi)\s*:/.test(line.slice(line.indexOf(m[1])))) {
          headingStart = at;
          headingEnd = e;
          headingType = TYPE_NAMES.find(([k]) => k === m[1].replace(/\s+/g, ' '))?.[1] ?? null;
          break;
        }
      }
      pos = e + 1;
      lines++;
    }
  }

  // ---- own number: "Số: 96-KL/TW", OCR "S6 96-KL/TW", "$6:11494 /VP-VX"
  let ownSymbol: { symbol: string; start: number; end: number } | null = null;
  let blankNumber = false;
  {
    const limit = headingStart >= 0 ? Math.max(headingStart, 0) : Math.min(headerEnd, 1500);
    // " {2}" rather than " {2,}": the same matches ([ \t*]* takes the other blanks), without trying
    // every split of a long run of spaces between the two quantifiers
    const re = /(?:^|\n|\t| {2}|\*)[ \t*]*(?:(?:bo\s+)?luat\s+|phap\s+lenh\s+|nghi\s+quyet\s+|lenh\s+)?s[oe]\s*[:.]?[ \t]*/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(header)) && m.index <= limit) {
      const at = m.index + m[0].length;
      const found = symbolAt(stored, folded, at, 3);
      if (found) {
        ownSymbol = found;
        break;
      }
      if (/^[ \t.…]*\/[ \t]*[a-z]/.test(header.slice(at, at + 20))) blankNumber = true;
    }
    if (!ownSymbol && !blankNumber) {
      // a copy whose first line is the title with the number ("Kết luận 96-KL/TW năm 2024 về ...", "NGHỊ QUYẾT SỐ 12-NQ/TU ...")
      const first = /^[\s*#_]*/.exec(header)?.[0].length ?? 0;
      const lineEnd = header.indexOf('\n', first);
      const line = header.slice(first, lineEnd < 0 ? header.length : lineEnd);
      const tm = TITLE_WITH_NUMBER.exec(line);
      if (tm && !/^(?:van ban|cong van)/.test(tm[1])) {
        const found = symbolAt(stored, folded, first + tm[0].length, 1);
        if (found) {
          ownSymbol = found;
          headingType ??= TYPE_NAMES.find(([k]) => k === tm[1].replace(/\s+/g, ' '))?.[1] ?? null;
        }
      }
    }
    if (!ownSymbol && !blankNumber) {
      // text flattened into one line: "... THÀNH PHỐ X Số: 123/QĐ-UBND X, ngày ..." (the colon makes it the number line)
      const flat = /\ss[oe]\s*:\s*/g;
      let fm: RegExpExecArray | null;
      while ((fm = flat.exec(header)) && fm.index <= Math.min(limit, 1500)) {
        const found = symbolAt(stored, folded, fm.index + fm[0].length, 2);
        if (found) {
          ownSymbol = found;
          break;
        }
      }
    }
  }

  // ---- place and issue date
  let place: string | null = null;
  let issuedOn: string | null = null;
  {
    const re = /,\s*ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s+nam\s+(\d{4})|,\s*ngay\s+(\d{1,2})\s*[\/.\-]\s*(\d{1,2})\s*[\/.\-]\s*(\d{4})/g;
    const tryAt = (from: number, to: number, lineStartOnly: boolean): boolean => {
      // search the region only (plus room for the date itself): exec on the whole text would run on past `to`
      const region = to >= folded.length ? folded : folded.slice(0, Math.min(folded.length, to + 40));
      re.lastIndex = from;
      let m: RegExpExecArray | null;
      while ((m = re.exec(region)) && m.index < to) {
        const iso = m[1] ? isoDate(+m[1], +m[2], +m[3]) : isoDate(+m[4], +m[5], +m[6]);
        if (!iso) continue;
        const p = placeBefore(stored, folded, m.index, lineStartOnly);
        if (p === null) continue;
        place = p;
        issuedOn = iso;
        return true;
      }
      return false;
    };
    if (!tryAt(0, headingStart > 0 ? Math.max(headingStart, 600) : headerEnd, false)) {
      // some texts print the place-date line elsewhere (above the signature): accept it on a line of its own
      if (!tryAt(0, folded.length, true)) {
        // or the header prints the date without the place: "ngày 30 tháng 9 năm 2024" alone on its line
        const limit = headingStart > 0 ? headingStart : Math.min(headerEnd, 1500);
        const lone = /(?:^|\n)[ \t*]*ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s+nam\s+(\d{4})[ \t*]*(?=\n|$)/.exec(folded.slice(0, limit));
        if (lone) issuedOn = isoDate(+lone[1], +lone[2], +lone[3]);
      }
    }
  }

  if (!issuedOn) {
    // a Law or a resolution of the National Assembly: "Luật này được Quốc hội ... thông qua ngày 15 tháng 6 năm 2022"
    const re = /(?:luat|bo\s+luat|phap\s+lenh|nghi\s+quyet)\s+nay\s+(?:da\s+)?duoc\s+[^.;]{0,240}?thong\s+qua\s+(?:vao\s+)?ngay\s+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(folded))) {
      const d = dateAt(folded, re.lastIndex);
      if (d) {
        issuedOn = d.iso;
        break;
      }
    }
  }

  // ---- title block
  let titleStart = -1;
  let titleEnd = -1;
  let title: string | null = null;
  let issuerFromHeading: string | null = null;
  let term: string | null = null;
  if (headingStart >= 0) {
    const typeKeyLen = /^[a-z]+(?:\s+[a-z]+)*/.exec(folded.slice(headingStart))?.[0] ?? '';
    const typeName = TYPE_NAMES.find(([k]) => typeKeyLen.startsWith(k))?.[0] ?? '';
    const afterType = headingStart + typeNameLength(folded, headingStart, typeName);
    const blockEnd = blockEndFrom(folded, afterType);
    const block = folded.slice(afterType, blockEnd);
    const veAt = /(?:^|[\s*])(ve|v\/v)\s/.exec(block);
    let orgPart: [number, number] | null = null;
    const beforeVe = veAt ? stored.slice(afterType, afterType + veAt.index + veAt[0].indexOf(veAt[1])) : '';
    const orgBeforeVe = veAt && beforeVe.replace(/[\s*#_]/g, '').length > 0 && (/^[\s*#_]*(?:của|cua)\s/iu.test(beforeVe) || beforeVe === beforeVe.toUpperCase());
    if (veAt && (orgBeforeVe || beforeVe.replace(/[\s*#_]/g, '').length === 0)) {
      titleStart = afterType + veAt.index + veAt[0].indexOf(veAt[1]);
      titleEnd = blockEnd;
      if (orgBeforeVe) orgPart = [afterType, titleStart];
    } else if (veAt) {
      titleStart = afterType + (/^[\s*#_]*/.exec(folded.slice(afterType))?.[0].length ?? 0);
      titleEnd = blockEnd;
    } else {
      // no "về": the rest of the heading (a Law's name, a decree's purpose, or "HỘI NGHỊ THÀNH ỦY ...")
      titleStart = afterType;
      titleEnd = blockEnd;
      const firstLineEnd = folded.indexOf('\n', afterType);
      const firstLine = folded.slice(afterType, firstLineEnd < 0 ? blockEnd : firstLineEnd);
      if (/^[\s*#_]*(?:cua\s|ban\s|bo\s|hoi\s+nghi|hoi\s+dong|uy\s+ban|thanh\s+uy|tinh\s+uy|quoc\s+hoi|chinh\s+phu)/.test(firstLine)) {
        orgPart = [afterType, firstLineEnd < 0 ? blockEnd : firstLineEnd];
        if (!/^[\s*#_]*hoi\s+nghi/.test(firstLine)) titleStart = orgPart[1];
      }
    }
    if (orgPart) {
      const raw = stored.slice(orgPart[0], orgPart[1]).replace(/[*_#]+/g, ' ').replace(/\s+/g, ' ').trim();
      const tm = /\bKH[OÓÒ]A\s+([IVXL1]+)\b/iu.exec(raw.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
      if (tm) term = canonicalTerm(tm[1]);
      let org = raw.replace(/^(?:của|cua|CỦA|CUA)\s+/u, '').replace(/,?\s*\(?\s*kh[oóòa]a\s+[IVXL1]+\s*\)?\s*$/iu, '').trim();
      if (/^(?:hội nghị|hoi nghi)\s/iu.test(org)) {
        const f = folded.slice(orgPart[0], orgPart[1]);
        org = /thanh\s+uy/.test(f) ? 'Ban Chấp hành Đảng bộ thành phố' : /tinh\s+uy/.test(f) ? 'Ban Chấp hành Đảng bộ tỉnh' : /trung\s+uong/.test(f) ? 'Ban Chấp hành Trung ương Đảng' : org;
      } else org = institutionName(org);
      issuerFromHeading = org || null;
    }
    if (titleEnd > titleStart) title = cleanTitle(stored.slice(titleStart, titleEnd));
  }
  if (titleStart < 0) {
    // a letter: the "V/v ..." block near the top
    const m = /(?:^|\n)[ \t*]*(v\/v|ve viec)\s/.exec(header);
    if (m) {
      titleStart = m.index + m[0].indexOf(m[1]);
      titleEnd = blockEndFrom(folded, titleStart);
      title = cleanTitle(stored.slice(titleStart, titleEnd));
    }
  }

  // ---- issuer from the header's left column
  let headerCache: { issuer: string | null; locality: string | null } | null = null;
  const headerIssuer = () => (headerCache ??= headerOrganisation(stored, folded, headingStart >= 0 ? headingStart : Math.min(headerEnd, titleStart >= 0 ? titleStart : 1200)));
  let issuer = issuerFromHeading ?? headerIssuer().issuer;

  if (!issuerFromHeading && issuer) issuer = signatureIssuer(stored, folded, issuer) ?? issuer;

  // ---- type
  let type: string | null = headingType;
  if (ownSymbol) {
    const parts = symbolParts(ownSymbol.symbol);
    const code = parts.typeCode;
    if (code === 'VBHN' || /VBHN/.test(ownSymbol.symbol)) type = 'Văn bản hợp nhất';
    else if (!type && code) type = (parts.party && PARTY_TYPE_OVERRIDES[code]) || TYPE_CODE_NAMES[code] || (parts.party ? null : 'Công văn');
    else if (!type && !parts.party && !code && !parts.year) type = 'Công văn';
  }
  if (!type && titleStart >= 0 && /^v\/v/.test(folded.slice(titleStart, titleStart + 3))) type = 'Công văn';

  const consolidated =
    type === 'Văn bản hợp nhất' ||
    (header.includes('van ban hop nhat') && /(?:^|\n)[\s*#]*van ban hop nhat(?![a-z])/.test(header)) ||
    indexBefore(folded, 'duoc hop nhat tu', 20000) >= 0;
  if (consolidated && type !== 'Văn bản hợp nhất' && ownSymbol && /VBHN/.test(ownSymbol.symbol)) type = 'Văn bản hợp nhất';

  // ---- locality
  const local = isLocalIssuer(issuer, ownSymbol?.symbol ?? null);
  let locality: string | null = null;
  if (issuer) locality = provinceIn(foldedName(issuer));
  if (!locality && local) locality = (issuerFromHeading ? null : headerIssuer().locality) ?? (place ? provinceName(place) : null) ?? dominantProvince(folded);
  if (issuer && locality && local && !provinceIn(foldedName(issuer)) && /(?:thành phố|tỉnh|Thành ủy|Tỉnh ủy)$/u.test(issuer)) issuer = `${issuer} ${locality}`;
  if (place) place = provinceName(place) ?? place;

  // ---- layout
  const finalStart = findFinalStart(folded);
  const rec = recipientsLine(folded);
  const layout: Layout = {
    headingStart,
    headingEnd,
    titleStart,
    titleEnd,
    ownSymbolSpan: ownSymbol ? [ownSymbol.start, ownSymbol.end] : null,
    finalStart,
    recipientsStart: rec >= 0 ? rec : folded.length,
  };

  const symbol = ownSymbol?.symbol ?? null;
  const identity: DocumentIdentity = {
    id: '',
    symbol,
    type,
    issuer,
    issuedOn,
    title,
    place,
    locality,
    term,
    issuedNotBefore: null,
    expiresOn: null,
    effectiveFrom: null,
    consolidated,
  };
  void blankNumber;
  void file;
  ownDates(stored, folded, identity);
  // A text with nothing to know it by is named by its content, so two such texts never merge.
  const unknown = !symbol && !type && !issuer && !issuedOn && !title;
  identity.id = symbol ? documentId(symbol, issuedOn) : unknown ? `unidentified:${createHash('sha256').update(stored).digest('hex').slice(0, 16)}` : unnumberedId(type, issuer, issuedOn, title);
  return { identity, layout };
}

const TYPE_NAME_RE = new Map<string, RegExp>();

function typeNameLength(folded: string, at: number, typeKey: string): number {
  if (!typeKey) return 0;
  let re = TYPE_NAME_RE.get(typeKey);
  if (!re) TYPE_NAME_RE.set(typeKey, (re = new RegExp('^' + typeKey.split(' ').join('\\s+'))));
  return re.exec(folded.slice(at, at + 60))?.[0].length ?? typeKey.length;
}

/** End of a block of lines: the first blank line (or a line that starts the body), at most 900 chars on. */
function blockEndFrom(folded: string, from: number): number {
  const max = Math.min(folded.length, from + 900);
  let i = from;
  // skip to the end of the first non-empty line
  while (i < max) {
    const nl = folded.indexOf('\n', i);
    if (nl < 0 || nl >= max) return trimBack(folded, from, max);
    const next = folded.indexOf('\n', nl + 1);
    const nextLine = folded.slice(nl + 1, next < 0 ? folded.length : next);
    if (nl > from && (/^\s*$/.test(nextLine) || /^\s*(?:kinh\s+g|can\s+cu|\d+\.|[ivx]+\.|dieu\s+1)/.test(nextLine))) return trimBack(folded, from, nl);
    i = nl + 1;
  }
  return trimBack(folded, from, max);
}

function trimBack(folded: string, from: number, end: number): number {
  while (end > from && /[\s*_#]/.test(folded[end - 1])) end--;
  return end;
}

function cleanTitle(raw: string): string | null {
  const t = singleSpaces(raw.replace(/[*_#]+/g, ' ')).trim();
  return t || null;
}

const PLACE_WINDOW = 256;

/** The words just before ", ngày ..." when they look like a place name. */
function placeBefore(stored: string, folded: string, commaAt: number, lineStartOnly: boolean): string | null {
  // Only the last few words before the comma matter: a bounded window keeps a text on one huge
  // line O(n) instead of O(n) per date (a 2 MB single line took 54 s).
  const ls = lineStartWithin(folded, commaAt, PLACE_WINDOW);
  let from = ls >= 0 ? ls : commaAt - PLACE_WINDOW;
  if (ls < 0) {
    const space = stored.slice(from, commaAt).search(/\s/); // the window may cut a word: drop it
    from = space < 0 ? commaAt : from + space + 1;
  }
  const before = stored.slice(from, commaAt).replace(/\s+$/, '');
  const words = lastWords(before, 5); // the loop below reads at most five
  const keep: string[] = [];
  for (let i = words.length - 1; i >= 0 && keep.length < 4; i--) {
    const w = words[i];
    if (!/^\p{Lu}[\p{L}¢]*$/u.test(w)) break;
    if (w.length > 1 && w === w.toUpperCase() && keep.length && keep[0] !== keep[0].toUpperCase()) break; // "VX" before "Hdi Phong"
    keep.unshift(w);
  }
  if (!keep.length) return null;
  const placeText = keep.join(' ');
  const known = provinceName(placeText);
  const allCaps = placeText === placeText.toUpperCase();
  if (allCaps && !known && keep.every((w) => w.length <= 4)) return null; // a code ("TU" of "312-KL/TU, ngày ...")
  const leadEnd = before.lastIndexOf(keep[0]);
  const lead = before.slice(0, leadEnd);
  const charBefore = lead.slice(-1);
  if (charBefore && !/\s/.test(charBefore)) return null;
  if (lineStartOnly && (lead.trim().length > 0 || (ls < 0 && !onlyBlanksBefore(stored, from)))) return null;
  if (!lineStartOnly && lead.trim().length > 0 && !known && !/(?:\d|\p{Lu}{2,}|\s{2,}|\t)\s*$/u.test(lead)) return null;
  return placeText;
}

/** The last `n` words of `s` split on spaces and tabs: `s.split(/[ \t]+/).filter(Boolean).slice(-n)`. */
function lastWords(s: string, n: number): string[] {
  const out: string[] = [];
  let end = s.length;
  while (out.length < n) {
    while (end > 0 && isSpaceOrTab(s.charCodeAt(end - 1))) end--;
    if (end === 0) break;
    let start = end;
    while (start > 0 && !isSpaceOrTab(s.charCodeAt(start - 1))) start--;
    out.unshift(s.slice(start, end));
    end = start;
  }
  return out;
}

function isSpaceOrTab(c: number): boolean {
  return c === 32 || c === 9;
}

function foldedName(s: string): string {
  return foldShort(s.normalize('NFC'));
}

function isLocalIssuer(issuer: string | null, symbol: string | null): boolean {
  if (symbol) {
    const p = symbolParts(symbol);
    if (p.issuerCode && LOCAL_ISSUER_CODES.has(p.issuerCode)) return true;
  }
  if (!issuer) return false;
  return /thanh pho|tinh|thanh uy|tinh uy|huyen|quan|xa |phuong|dang bo|uy ban nhan dan|hoi dong nhan dan|\bso\b/.test(foldedName(issuer));
}

function dominantProvince(folded: string): string | null {
  const counts = new Map<string, number>();
  const re = /(?:thanh\s+pho|tinh)\s+([a-z]+(?:\s+[a-z]+){1,2})/g;
  const text = folded.length > 60000 ? folded.slice(0, 60000) : folded;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const words = m[1].split(/\s+/);
    for (const n of [3, 2]) {
      if (words.length < n) continue;
      const name = provinceIn(words.slice(0, n).join(' '));
      if (name) {
        counts.set(name, (counts.get(name) ?? 0) + 1);
        break;
      }
    }
  }
  let best: string | null = null;
  let bestN = 0;
  for (const [k, n] of counts) if (n > bestN) [best, bestN] = [k, n];
  return bestN >= 2 ? best : null;
}

/** The organisation in the header's left column, with OCR two-column lines cut at the national motto. */
function headerOrganisation(stored: string, folded: string, end: number): { issuer: string | null; locality: string | null } {
  const lines: string[] = [];
  let pos = 0;
  while (pos < end && lines.length < 12) {
    let e = folded.indexOf('\n', pos);
    if (e < 0 || e > end) e = end;
    let f = folded.slice(pos, e);
    let s = stored.slice(pos, e);
    const cut = /cong\s+hoa|cong\s+san|\sdo\s*-/.test(f) ? MOTTO.exec(f) : null;
    if (cut) {
      f = f.slice(0, cut.index);
      s = s.slice(0, cut.index);
    }
    const so = /(?:^|\s)(?:so|s)\s*[:.]/.exec(f);
    if (so) {
      f = f.slice(0, so.index);
      s = s.slice(0, so.index);
    }
    // a line with a lower-case ASCII letter is not in capitals: no need to build it
    const t = /[a-z]/.test(s) ? null : singleSpaces(s.replace(/[*_#\-–—=]+/g, ' ')).trim();
    if (t && t === t.toUpperCase() && /\p{L}{2,}/u.test(t) && !/,\s*ng[aà]y/iu.test(t)) lines.push(t);
    pos = e + 1;
  }
  return lines.length ? issuerOfLines(lines.join('\n')) : { issuer: null, locality: null };
}

// The same headers recur (every text of an issuer prints its name alike): read once per header
const issuerOfLines = memo((joined: string): { issuer: string | null; locality: string | null } => {
  const lines = joined.split('\n');
  const names = lines.map((l) => institutionName(l));
  const locality = provinceIn(foldedName(names.join(' ')));
  if (names.length === 1) return { issuer: names[0], locality };
  const unit = names[names.length - 1];
  const parent = institutionName(lines.slice(0, -1).join(' '));
  const fu = foldedName(unit);
  if (/^(?:van phong|so |ban |phong |cuc |vu |trung tam|thanh uy|tinh uy|huyen uy|dang uy)/.test(fu)) {
    if (/^dang bo/.test(foldedName(parent))) return { issuer: locality ? `${unit} ${locality}` : unit, locality };
    if (/^ban chap hanh trung uong/.test(foldedName(parent))) return { issuer: `${unit} Trung ương Đảng`, locality: null };
    return { issuer: `${unit} ${parent}`, locality };
  }
  return { issuer: institutionName(lines.join(' ')), locality };
}, 5000);

/**
 * The body that signs ("T/M BỘ CHÍNH TRỊ", "T/M BAN THƯỜNG VỤ") when the header names only the
 * committee: Bộ Chính trị rather than Ban Chấp hành Trung ương, Ban Thường vụ Tỉnh ủy rather than Tỉnh ủy.
 */
function signatureIssuer(stored: string, folded: string, headerIssuer: string): string | null {
  const from = Math.max(0, folded.length - 3000);
  const last = lastSignatureLine(folded, from);
  if (!last) return null;
  const body = last[1].trim().replace(/\s+/g, ' ');
  const h = foldedName(headerIssuer);
  if (/^ban chap hanh trung uong/.test(h)) {
    if (body === 'bo chinh tri') return 'Bộ Chính trị';
    if (body === 'ban bi thu') return 'Ban Bí thư';
    return null;
  }
  if (/^(?:tinh uy|thanh uy|huyen uy|quan uy|dang uy)/.test(h) && /^(?:ban thuong vu|thuong truc)$/.test(body)) {
    const at = last.index + last[0].indexOf(last[1]);
    return `${institutionName(stored.slice(at, at + last[1].trim().length))} ${headerIssuer}`;
  }
  return null;
}

/** Index of `word` when it ends within the first `limit` characters, else -1. */
function indexBefore(text: string, word: string, limit: number): number {
  const i = text.indexOf(word);
  return i >= 0 && i + word.length <= limit ? i : -1;
}

const RECIPIENTS_AT = /\n[ \t*]*noi\s+nh[a-z]{1,3}n\s*:/y;

/**
 * The first "Nơi nhận:" line (the index of its newline). Each "noi" in order, tried from the newline
 * before it when only blanks and stars stand between: the same first match as a search of the text.
 */
function recipientsLine(folded: string): number {
  for (let i = folded.indexOf('noi'); i >= 0; i = folded.indexOf('noi', i + 3)) {
    let j = i - 1;
    while (j >= 0 && (folded.charCodeAt(j) === 32 || folded.charCodeAt(j) === 9 || folded.charCodeAt(j) === 42)) j--;
    if (j < 0 || folded.charCodeAt(j) !== 10) continue;
    RECIPIENTS_AT.lastIndex = j;
    if (RECIPIENTS_AT.test(folded)) return j;
  }
  return -1;
}

const SIGNATURE_LINE = /(?:^|\n)[ \t*]*(?:t\s*\/\s*m|tm\.?|thay\s+mat)[ \t.]+([a-z ]{4,60}?)[ \t]*(?=\n|$)/y;

/**
 * The last "T/M ..." line at or after `from`. A match starts at a line start and no match can start
 * inside another, so trying line starts from the end finds the last match of a forward scan.
 */
function lastSignatureLine(folded: string, from: number): RegExpExecArray | null {
  for (let nl = folded.lastIndexOf('\n'); nl >= from; nl = nl > 0 ? folded.lastIndexOf('\n', nl - 1) : -1) {
    SIGNATURE_LINE.lastIndex = nl;
    const m = SIGNATURE_LINE.exec(folded);
    if (m) return m;
  }
  if (from > 0) return null;
  SIGNATURE_LINE.lastIndex = 0;
  return SIGNATURE_LINE.exec(folded);
}

// one scan for the three anchors (none can overlap another, so every occurrence is found)
const FINAL_ANCHOR = /thi hanh|to chuc thuc hien|chuyen tiep/g;

function findFinalStart(folded: string): number {
  // the last heading line of the final provisions; found from literal anchors, then checked
  const heading = /^[ \t*#]*(?:(?:dieu\s+\d+|[ivx]+|\d+)\s*[.:]\s*)?(?:hieu\s+luc\s+thi\s+hanh|dieu\s+khoan\s+thi\s+hanh|hieu\s+luc\s+va\s+trach\s+nhiem\s+thi\s+hanh|to\s+chuc\s+thuc\s+hien|dieu\s+khoan\s+chuyen\s+tiep)/;
  let last = -1;
  FINAL_ANCHOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FINAL_ANCHOR.exec(folded))) {
    const ls = lineStartWithin(folded, m.index, 61);
    if (ls < 0 || ls <= last) continue;
    if (heading.test(folded.slice(ls, m.index + m[0].length + 10))) last = ls;
  }
  return last >= 0 ? last : folded.length;
}

const THIS_DOC_BEFORE = /(?:luat|bo\s+luat|phap\s+lenh|nghi\s+dinh|nghi\s+quyet|thong\s+tu(?:\s+lien\s+tich)?|quyet\s+dinh|chi\s+thi|quy\s+dinh|quy\s+che|ket\s+luan|huong\s+dan|ke\s+hoach|chuong\s+trinh|van\s+ban|thong\s+tri)\s+nay\s+$/;
const EFFECT_FROM_AFTER = /^(?:\s+thi\s+hanh)?\s+(?:ke\s+)?t[a-z]{1,2}\s+ngay\s+/;
const EFFECT_UNTIL_AFTER = /^(?:\s+thi\s+hanh)?[^.;\n]{0,80}?\s+(?:den|toi)\s+(?:het\s+)?ngay\s+/;

/** Inside a quotation on its paragraph (an amending text quoting the clause it writes into another)? */
function quoted(folded: string, pos: number): boolean {
  const ps = Math.max(folded.lastIndexOf('\n', pos - 1) + 1, pos - 2000);
  let n = 0;
  for (let i = ps; i < pos; i++) if (folded.charCodeAt(i) === 34) n++;
  return n % 2 === 1;
}

/** Each "<Văn bản> này có hiệu lực" of the text: the position right after "có hiệu lực". */
function* effectClauses(folded: string): Generator<number> {
  let from = 0;
  for (;;) {
    const i = folded.indexOf('hieu luc', from);
    if (i < 0) return;
    from = i + 8;
    const before = folded.slice(Math.max(0, i - 34), i);
    const m = /\s(?:co|c[o06e]{1,2})\s+$/.exec(before);
    if (m && THIS_DOC_BEFORE.test(before.slice(0, m.index + 1)) && !quoted(folded, i)) yield i + 8;
  }
}

/** Its own effective date, its own end, and the latest date it mentions. */
function ownDates(stored: string, folded: string, identity: DocumentIdentity): void {
  for (const at of effectClauses(folded)) {
    const rest = folded.slice(at, at + 160);
    const f = EFFECT_FROM_AFTER.exec(rest);
    if (f && !identity.effectiveFrom) {
      const d = dateAt(folded, at + f[0].length);
      if (d) identity.effectiveFrom = d.iso;
      else if (/^ky(?:\s+ban\s+hanh)?/.test(folded.slice(at + f[0].length, at + f[0].length + 14)) && identity.issuedOn) identity.effectiveFrom = identity.issuedOn;
    }
    const u = EFFECT_UNTIL_AFTER.exec(rest);
    if (u && !identity.expiresOn) {
      const d = dateAt(folded, at + u[0].length);
      if (d) identity.expiresOn = d.iso;
    }
  }
  if (!identity.expiresOn && identity.title && (identity.type === 'Kế hoạch' || identity.type === 'Chương trình' || identity.type === 'Chương trình hành động')) {
    const t = foldedName(identity.title);
    const y = /(?:^|[^a-z])nam\s+(\d{4})\s*$/.exec(t) ?? /(?:cong\s+tac|hoat\s+dong|trong\s+tam)\s+nam\s+(\d{4})(?![\d])/.exec(t);
    if (y && !/(?:den|toi|giai\s+doan|tam\s+nhin)\s+nam\s+\d{4}\s*$/.test(t)) identity.expiresOn = `${y[1]}-12-31`;
  }
  void stored;
}

/**
 * The latest date the text mentions (references and events), leaving out dates that are deadlines
 * or effect dates ("trước ngày", "đến hết ngày", "kể từ ngày"): a lower bound of its issue date.
 */
export function latestMentionedDate(folded: string, mentions: Mention[], issuedOn: string | null): string | null {
  let best: string | null = null;
  for (const m of mentions) if (m.date && m.dateFrom === 'printed' && (!best || m.date > best)) best = m.date;
  for (const d of allDates(folded)) {
    if (!afterNgay(folded, d.start)) continue;
    const before = folded.slice(Math.max(0, d.start - 30), d.start);
    if (/(?:truoc|den|toi|het|tu|chậm|cham\s+nhat|han|thoi\s+han|hieu\s+luc)\s*(?:ngay)?\s*$/.test(before)) continue;
    if (!best || d.iso > best) best = d.iso;
  }
  if (issuedOn && best && best > issuedOn) return issuedOn;
  return best;
}

/** `/ngay\s*$/` on the 30 characters before `pos`, without copying them. */
function afterNgay(folded: string, pos: number): boolean {
  const floor = Math.max(0, pos - 30);
  let j = pos;
  while (j > floor && WHITE.test(folded[j - 1])) j--;
  return j - 4 >= floor && folded.startsWith('ngay', j - 4);
}

const WHITE = /\s/;
