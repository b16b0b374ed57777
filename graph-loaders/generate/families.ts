// Issuer families: who issues what, how their numbers look, how their headers read, and how
// numbering restarts (per committee term for the Party, per year for the State).
import { PROVINCES, ROMAN, TYPES, provinceUnit, type TypeKey } from './vocab.js';

export interface Ministry {
  name: string;
  code: string;
}

export const MINISTRIES: Ministry[] = [
  { name: 'Bộ Tài chính', code: 'BTC' },
  { name: 'Bộ Nội vụ', code: 'BNV' },
  { name: 'Bộ Tài nguyên và Môi trường', code: 'BTNMT' },
  { name: 'Bộ Giáo dục và Đào tạo', code: 'BGDĐT' },
  { name: 'Bộ Y tế', code: 'BYT' },
  { name: 'Bộ Xây dựng', code: 'BXD' },
  { name: 'Bộ Kế hoạch và Đầu tư', code: 'BKHĐT' },
  { name: 'Bộ Công Thương', code: 'BCT' },
];

export interface Form {
  type: TypeKey;
  weight: number;
  /** A legal normative document: its symbol carries the year, it has a "Căn cứ" preamble. */
  normative: boolean;
  /** The symbol for number n, issued in year y by unit u (qh: the National Assembly's term number). */
  symbol: (n: number, y: number, u: number, qh: number) => string;
}

export interface Family {
  key: 'tw' | 'tu' | 'du' | 'vptu' | 'qh' | 'cp' | 'ttg' | 'bo' | 'ubnd' | 'hdnd' | 'vpub';
  weight: number;
  party: boolean;
  /** What `unit` indexes: a province, a ministry, or nothing (central). */
  scope: 'central' | 'province' | 'ministry';
  forms: Form[];
  /** Issuer as the text names it. */
  issuer: (unit: number, type: TypeKey) => string;
  /** Left column of the header, top to bottom. */
  header: (unit: number) => string[];
  /** The line under the heading naming the issuing body (Party central and State collective bodies). */
  byLine?: (unit: number) => string | null;
  signer: (unit: number) => string[];
}

const party = (type: TypeKey, weight: number, org: string): Form => ({
  type,
  weight,
  normative: false,
  symbol: (n) => `${pad(n)}-${TYPES[type].code}/${org}`,
});
const admin = (type: TypeKey, weight: number, org: string, code = TYPES[type].code): Form => ({
  type,
  weight,
  normative: false,
  symbol: (n) => `${n}/${code}-${org}`,
});
const normative = (type: TypeKey, weight: number, org: string): Form => ({
  type,
  weight,
  normative: true,
  symbol: (n, y) => `${n}/${y}/${TYPES[type].code}-${org}`,
});

/** Party numbers below ten are printed with a leading zero ("08-NQ/TU") about half the time. */
function pad(n: number): string {
  return n < 10 && n % 2 === 0 ? `0${n}` : String(n);
}

const UP = (s: string) => s.toLocaleUpperCase('vi');
const prov = (u: number) => PROVINCES[u];
const committee = (u: number) => (prov(u).city ? 'Thành ủy' : 'Tỉnh ủy');

export const FAMILIES: Family[] = [
  {
    key: 'tw',
    weight: 2,
    party: true,
    scope: 'central',
    forms: [party('nq', 25, 'TW'), party('kl', 25, 'TW'), party('ct', 14, 'TW'), party('qdi', 14, 'TW'), party('tb', 10, 'TW'), party('hd', 8, 'TW')],
    issuer: (_u, t) => (t === 'nq' ? 'Ban Chấp hành Trung ương' : t === 'hd' || t === 'tb' ? 'Ban Bí thư' : 'Bộ Chính trị'),
    header: () => ['BAN CHẤP HÀNH TRUNG ƯƠNG', '*'],
    byLine: () => 'CỦA BỘ CHÍNH TRỊ',
    signer: () => ['T/M BỘ CHÍNH TRỊ', 'TỔNG BÍ THƯ'],
  },
  {
    key: 'tu',
    weight: 24,
    party: true,
    scope: 'province',
    forms: [party('nq', 12, 'TU'), party('kl', 12, 'TU'), party('kh', 25, 'TU'), party('ctr', 8, 'TU'), party('ct', 6, 'TU'), party('tb', 12, 'TU'), party('bc', 10, 'TU'), party('qd', 8, 'TU'), party('hd', 7, 'TU')],
    issuer: (u, t) => (t === 'nq' || t === 'kl' ? `Ban Chấp hành Đảng bộ ${provinceUnit(prov(u))}` : `Ban Thường vụ ${committee(u)} ${prov(u).name}`),
    header: (u) => [UP(`${committee(u)} ${prov(u).name}`), '*'],
    signer: () => ['T/M BAN THƯỜNG VỤ', 'BÍ THƯ'],
  },
  {
    key: 'du',
    weight: 5,
    party: true,
    scope: 'province',
    forms: [party('kh', 30, 'ĐU'), party('bc', 30, 'ĐU'), party('nq', 20, 'ĐU'), party('tb', 20, 'ĐU')],
    issuer: (u) => `Đảng ủy Ủy ban nhân dân ${provinceUnit(prov(u))}`,
    header: (u) => [UP(`Đảng bộ ${provinceUnit(prov(u))}`), 'ĐẢNG ỦY ỦY BAN NHÂN DÂN', '*'],
    signer: () => ['T/M ĐẢNG ỦY', 'BÍ THƯ'],
  },
  {
    key: 'vptu',
    weight: 5,
    party: true,
    scope: 'province',
    forms: [party('tb', 50, 'VPTU'), party('cv', 50, 'VPTU')],
    issuer: (u) => `Văn phòng ${committee(u)} ${prov(u).name}`,
    header: (u) => [UP(`${committee(u)} ${prov(u).name}`), 'VĂN PHÒNG', '*'],
    signer: () => ['K/T CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG'],
  },
  {
    key: 'qh',
    weight: 0.6,
    party: false,
    scope: 'central',
    forms: [
      { type: 'luat', weight: 50, normative: true, symbol: (n, y, _u, qh) => `${n}/${y}/QH${qh}` },
      { type: 'nq', weight: 50, normative: true, symbol: (n, y, _u, qh) => `${n}/${y}/QH${qh}` },
    ],
    issuer: () => 'Quốc hội',
    header: () => ['QUỐC HỘI'],
    signer: () => ['CHỦ TỊCH QUỐC HỘI'],
  },
  {
    key: 'cp',
    weight: 2.4,
    party: false,
    scope: 'central',
    forms: [normative('nd', 60, 'CP'), admin('nq', 40, 'CP')],
    issuer: () => 'Chính phủ',
    header: () => ['CHÍNH PHỦ'],
    byLine: () => 'CHÍNH PHỦ',
    signer: () => ['TM. CHÍNH PHỦ', 'THỦ TƯỚNG'],
  },
  {
    key: 'ttg',
    weight: 3,
    party: false,
    scope: 'central',
    forms: [admin('qd', 80, 'TTg'), admin('ct', 20, 'TTg')],
    issuer: () => 'Thủ tướng Chính phủ',
    header: () => ['THỦ TƯỚNG CHÍNH PHỦ'],
    byLine: () => 'THỦ TƯỚNG CHÍNH PHỦ',
    signer: () => ['THỦ TƯỚNG'],
  },
  {
    key: 'bo',
    weight: 5,
    party: false,
    scope: 'ministry',
    forms: [
      { type: 'tt', weight: 70, normative: true, symbol: (n, y, u) => `${n}/${y}/TT-${MINISTRIES[u].code}` },
      { type: 'qd', weight: 30, normative: false, symbol: (n, _y, u) => `${n}/QĐ-${MINISTRIES[u].code}` },
    ],
    issuer: (u) => MINISTRIES[u].name,
    header: (u) => [UP(MINISTRIES[u].name)],
    signer: () => ['K/T BỘ TRƯỞNG', 'THỨ TRƯỞNG'],
  },
  {
    key: 'ubnd',
    weight: 36,
    party: false,
    scope: 'province',
    forms: [admin('qd', 45, 'UBND'), normative('qd', 15, 'UBND'), admin('kh', 20, 'UBND'), admin('ct', 5, 'UBND'), { type: 'cv', weight: 15, normative: false, symbol: (n) => `${n}/UBND-${LETTER_UNITS[n % LETTER_UNITS.length]}` }],
    issuer: (u) => `Ủy ban nhân dân ${provinceUnit(prov(u))}`,
    header: (u) => ['ỦY BAN NHÂN DÂN', UP(provinceUnit(prov(u)))],
    byLine: (u) => UP(`Ủy ban nhân dân ${provinceUnit(prov(u))}`),
    signer: () => ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
  },
  {
    key: 'hdnd',
    weight: 8,
    party: false,
    scope: 'province',
    forms: [admin('nq', 60, 'HĐND'), normative('nq', 40, 'HĐND')],
    issuer: (u) => `Hội đồng nhân dân ${provinceUnit(prov(u))}`,
    header: (u) => ['HỘI ĐỒNG NHÂN DÂN', UP(provinceUnit(prov(u)))],
    byLine: (u) => UP(`Hội đồng nhân dân ${provinceUnit(prov(u))}`),
    signer: () => ['CHỦ TỊCH'],
  },
  {
    key: 'vpub',
    weight: 9,
    party: false,
    scope: 'province',
    forms: [{ type: 'cv', weight: 75, normative: false, symbol: (n) => `${n}/VP-${LETTER_UNITS[n % LETTER_UNITS.length]}` }, admin('tb', 25, 'VP')],
    issuer: (u) => `Văn phòng Ủy ban nhân dân ${provinceUnit(prov(u))}`,
    header: (u) => ['ỦY BAN NHÂN DÂN', UP(provinceUnit(prov(u))), 'VĂN PHÒNG'],
    signer: () => ['K/T CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG'],
  },
];

/** Units of a provincial office that letters are numbered under ("11494/VP-VX"). */
export const LETTER_UNITS = ['VX', 'KT', 'NC', 'TH', 'XD', 'NN'];

export function unitCount(f: Family): number {
  return f.scope === 'province' ? PROVINCES.length : f.scope === 'ministry' ? MINISTRIES.length : 1;
}

// ---- terms: Party numbering restarts each term (khóa); National Assembly terms in QH symbols ----

const CENTRAL_TERMS: [string, number][] = [
  ['2001-04-22', 9],
  ['2006-04-25', 10],
  ['2011-01-19', 11],
  ['2016-01-28', 12],
  ['2021-02-01', 13],
  ['2026-01-23', 14],
];

/** The central committee's term (khóa) on a date, as a number. */
export function centralTerm(iso: string): number {
  let t = 8;
  for (const [from, n] of CENTRAL_TERMS) if (iso >= from) t = n;
  return t;
}

/** A provincial committee's term: congresses each October of 2000, 2005, ...; labels differ by province. */
export function provincialTerm(unit: number, iso: string): number {
  const y = Number(iso.slice(0, 4));
  const k = Math.floor((y - 2000 - (iso.slice(5) >= '10-15' ? 0 : 1)) / 5) + 1;
  return 11 + (unit % 3) + Math.max(k, 0);
}

const ASSEMBLY_TERMS: [string, number][] = [
  ['2002-07-01', 11],
  ['2007-07-01', 12],
  ['2011-07-01', 13],
  ['2016-07-01', 14],
  ['2021-07-01', 15],
  ['2026-04-01', 16],
];

export function nationalAssemblyTerm(iso: string): number {
  let t = 10;
  for (const [from, n] of ASSEMBLY_TERMS) if (iso >= from) t = n;
  return t;
}

export function roman(n: number): string {
  return ROMAN[n] ?? String(n);
}
