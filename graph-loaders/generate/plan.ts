// The corpus plan: who issues each document, its number and date, the supersession chain it
// belongs to, and what it cites. Documents are planned in date order, so every reference points to
// an earlier document (or to a well-known one outside the corpus).
import type { RelationType } from '../types.js';
import { FAMILIES, centralTerm, nationalAssemblyTerm, provincialTerm, unitCount, type Family, type Form } from './families.js';
import { Rng } from './rng.js';
import { KNOWN, SUBJECTS, TYPES, type KnownDocument, type TypeKey } from './vocab.js';

export const FIRST_DAY = Date.UTC(2001, 0, 2) / 86_400_000;
export const LAST_DAY = Date.UTC(2025, 11, 31) / 86_400_000;

export function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export type Target = { doc: number } | { known: KnownDocument };

/** Where a reference is written, and with which words. */
export type Phrase =
  | 'basis' // Căn cứ ...;
  | 'title-implements'
  | 'title-guides'
  | 'title-details'
  | 'title-amends'
  | 'opening' // Thực hiện ..., ... xây dựng ...
  | 'replaces' // ... này thay thế ...
  | 'repeals' // Bãi bỏ ...
  | 'stops' // dừng thực hiện ...
  | 'theo' // Theo ..., ...
  | 'quy-dinh-tai' // ... quy định tại ...
  | 'report' // (kết quả cụ thể trong Báo cáo ...)
  | 'continue' // Tiếp tục triển khai thực hiện có hiệu quả ...
  | 'gan-voi' // ... gắn với thực hiện ...
  | 'future' // nghiên cứu, tham mưu ban hành ... mới thay thế ...: not a supersession
  | 'review'; // tổng kết ... năm thực hiện ...: a citation

export interface PlannedRef {
  relation: RelationType;
  alsoOk: RelationType[];
  target: Target;
  dated: boolean;
  phrase: Phrase;
}

/** A sentence asserting a relation between two other documents. */
export interface ThirdParty {
  relation: 'IMPLEMENTS' | 'SUPERSEDES';
  from: number;
  to: Target;
}

export interface PlannedDoc {
  index: number;
  family: Family;
  form: Form;
  unit: number;
  type: TypeKey;
  date: string;
  symbol: string;
  subject: number;
  /** Party committee term (khóa) of its issuer, when the issuer is a Party body. */
  term: number | null;
  /** Previous document of its supersession chain, or -1. */
  prev: number;
  /** The title's reference, if the title names one (first of refs when present). */
  titleRef: PlannedRef | null;
  refs: PlannedRef[];
  third: ThirdParty[];
  ocr: boolean;
  nfd: boolean;
}

const LINEAGE_FAMILIES: [Family['key'], TypeKey, boolean, number][] = [
  ['ubnd', 'qd', false, 35],
  ['ubnd', 'qd', true, 15],
  ['hdnd', 'nq', true, 12],
  ['tu', 'qd', false, 10],
  ['tu', 'kh', false, 10],
  ['bo', 'tt', true, 8],
  ['cp', 'nd', true, 5],
  ['tw', 'qdi', false, 5],
];

interface Lineage {
  family: number;
  form: number;
  unit: number;
  subject: number;
}

/** Chain lengths: mostly short, a few past 20 (the chain-walk benchmark needs depth 20). */
function chainLength(rng: Rng): number {
  const [lo, hi] = rng.weighted<[number, number]>([
    [[2, 2], 55],
    [[3, 4], 25],
    [[5, 9], 13],
    [[10, 19], 5],
    [[20, 30], 2],
  ]);
  return rng.int(lo, hi);
}

export class CorpusPlan {
  readonly n: number;
  private readonly rng: Rng;
  private readonly fam: Uint8Array;
  private readonly formOf: Uint8Array;
  private readonly unitOf: Int16Array;
  private readonly subjectOf: Uint16Array;
  private readonly termOf: Uint8Array;
  readonly symbols: string[];
  private readonly prevOf: Int32Array;
  private readonly lineageOf: Int32Array;
  private readonly lineages: Lineage[] = [];
  /** Last member of each chain and its length: where a chain walk starts. */
  readonly chainEnds: { index: number; length: number }[] = [];
  private readonly pools = new Map<string, number[]>();
  private readonly counters = new Map<string, number>();
  private dayIds = { day: -1, ids: new Set<string>() };

  constructor(n: number, seed: number) {
    this.n = n;
    this.rng = new Rng(seed ^ 0x5eed);
    this.fam = new Uint8Array(n);
    this.formOf = new Uint8Array(n);
    this.unitOf = new Int16Array(n);
    this.subjectOf = new Uint16Array(n);
    this.termOf = new Uint8Array(n);
    this.symbols = new Array<string>(n);
    this.prevOf = new Int32Array(n).fill(-1);
    this.lineageOf = new Int32Array(n).fill(-1);
    this.placeChains();
  }

  dayOf(i: number): number {
    return FIRST_DAY + Math.floor((i * (LAST_DAY - FIRST_DAY)) / Math.max(1, this.n));
  }

  dateOf(i: number): string {
    return isoOfDay(this.dayOf(i));
  }

  family(i: number): Family {
    return FAMILIES[this.fam[i]];
  }

  form(i: number): Form {
    return FAMILIES[this.fam[i]].forms[this.formOf[i]];
  }

  unit(i: number): number {
    return this.unitOf[i];
  }

  subject(i: number): number {
    return this.subjectOf[i];
  }

  term(i: number): number | null {
    return this.termOf[i] || null;
  }

  prev(i: number): number {
    return this.prevOf[i];
  }

  // ---- chains, placed before any document is planned ----

  private placeChains(): void {
    const n = this.n;
    const want: number[] = [];
    // three long chains whenever the corpus can hold them, then a share of every length
    if (n >= 300) want.push(24, 24, 24);
    for (let k = Math.round(n * 0.035); k > 0; k--) want.push(chainLength(this.rng));
    const familyIndex = (key: string) => FAMILIES.findIndex((f) => f.key === key);
    for (const length of want) {
      if (length > n / 4) continue;
      const [fkey, type, normative] = this.rng.weighted(LINEAGE_FAMILIES.map((l) => [l, l[3]] as const));
      const family = familyIndex(fkey);
      const form = FAMILIES[family].forms.findIndex((f) => f.type === type && f.normative === normative);
      const lineage: Lineage = { family, form, unit: this.rng.int(0, unitCount(FAMILIES[family]) - 1), subject: this.rng.int(0, SUBJECTS.length - 1) };
      const gap = Math.max(1, Math.floor((n * (0.15 + 0.75 * this.rng.next())) / length));
      const start = this.rng.int(0, Math.max(0, n - 1 - gap * (length - 1)));
      const members: number[] = [];
      for (let k = 0; k < length; k++) {
        let p = Math.max(start + k * gap, members.length ? members[members.length - 1] + 1 : 0);
        while (p < n && this.lineageOf[p] >= 0) p++;
        if (p >= n) break;
        members.push(p);
        this.lineageOf[p] = this.lineages.length;
      }
      if (members.length < 2) {
        for (const p of members) this.lineageOf[p] = -1;
        continue;
      }
      for (let k = 1; k < members.length; k++) this.prevOf[members[k]] = members[k - 1];
      this.chainEnds.push({ index: members[members.length - 1], length: members.length });
      this.lineages.push(lineage);
    }
  }

  // ---- one document ----

  plan(i: number): PlannedDoc {
    const rng = this.rng;
    const date = this.dateOf(i);
    const line = this.lineageOf[i] >= 0 ? this.lineages[this.lineageOf[i]] : null;
    let familyIndex: number;
    let formIndex: number;
    let unit: number;
    if (line) {
      familyIndex = line.family;
      formIndex = line.form;
      unit = line.unit;
      this.subjectOf[i] = line.subject;
    } else {
      familyIndex = rng.weighted(FAMILIES.map((f, k) => [k, f.weight] as const));
      const fam = FAMILIES[familyIndex];
      formIndex = rng.weighted(fam.forms.map((f, k) => [k, f.weight] as const));
      unit = rng.int(0, unitCount(fam) - 1);
      this.subjectOf[i] = rng.int(0, SUBJECTS.length - 1);
    }
    const family = FAMILIES[familyIndex];
    const form = family.forms[formIndex];
    this.fam[i] = familyIndex;
    this.formOf[i] = formIndex;
    this.unitOf[i] = unit;
    const term = family.party ? (family.scope === 'central' ? centralTerm(date) : provincialTerm(unit, date)) : null;
    this.termOf[i] = term ?? 0;
    this.symbols[i] = this.number(i, family, form, formIndex, unit, date, term);

    const doc: PlannedDoc = {
      index: i,
      family,
      form,
      unit,
      type: form.type,
      date,
      symbol: this.symbols[i],
      subject: this.subjectOf[i],
      term,
      prev: this.prevOf[i],
      titleRef: null,
      refs: [],
      third: [],
      ocr: rng.chance(0.08),
      nfd: rng.chance(0.04),
    };
    this.planReferences(doc);
    this.remember(i, family, form, unit);
    return doc;
  }

  /** Next number of its series; the same symbol never gets the same date twice (ids stay unique). */
  private number(i: number, family: Family, form: Form, formIndex: number, unit: number, date: string, term: number | null): string {
    const year = Number(date.slice(0, 4));
    const period = term ?? year;
    const key = `${family.key}|${unit}|${formIndex}|${period}`;
    const step = family.party ? 3 : 12;
    let n = (this.counters.get(key) ?? this.rng.int(0, 20)) + this.rng.int(1, step);
    const day = this.dayOf(i);
    if (this.dayIds.day !== day) this.dayIds = { day, ids: new Set() };
    let symbol = form.symbol(n, year, unit, nationalAssemblyTerm(date));
    while (this.dayIds.ids.has(symbol)) symbol = form.symbol(++n, year, unit, nationalAssemblyTerm(date));
    this.dayIds.ids.add(symbol);
    this.counters.set(key, n);
    return symbol;
  }

  private remember(i: number, family: Family, form: Form, unit: number): void {
    const push = (key: string) => {
      let list = this.pools.get(key);
      if (!list) this.pools.set(key, (list = []));
      list.push(i);
    };
    if (family.scope === 'province') push(`p:${unit}:${family.party ? 'party' : 'state'}`);
    else if (family.party) push('c:party');
    else push(form.normative ? 'c:normative' : 'c:admin');
    push(`i:${family.key}:${unit}:${form.type}:${form.normative}`);
    if (this.prevOf[i] >= 0) push('chained');
  }

  private pool(key: string): number[] {
    return this.pools.get(key) ?? [];
  }

  // ---- references ----

  private planReferences(doc: PlannedDoc): void {
    const rng = this.rng;
    const used = new Set<string>();
    const key = (t: Target) => ('doc' in t ? `d${t.doc}` : `k${t.known.symbol}@${t.known.date}`);
    const add = (relation: RelationType, target: Target | null, phrase: Phrase, dated: boolean, alsoOk: RelationType[] = []): PlannedRef | null => {
      if (!target || used.has(key(target))) return null;
      used.add(key(target));
      const ref = { relation, alsoOk, target, dated, phrase };
      doc.refs.push(ref);
      return ref;
    };
    const { family, form, type } = doc;
    const local = family.scope === 'province';
    const directive = (t: Target | null) => (t && !['bc', 'tb', 'cv'].includes(this.typeOf(t)) ? t : null);

    // the chain: this document replaces (or stops) its predecessor
    if (doc.prev >= 0) add('SUPERSEDES', { doc: doc.prev }, family.party && rng.chance(0.3) ? 'stops' : 'replaces', true);

    // the title's purpose
    if (type === 'kh' || type === 'ctr' || (type === 'cv' && rng.chance(0.4)) || (['nq', 'kl', 'ct'].includes(type) && rng.chance(0.15))) {
      if (doc.prev < 0 || rng.chance(0.3)) doc.titleRef = add('IMPLEMENTS', directive(this.higher(doc)) ?? this.known(doc, (k) => k.party), 'title-implements', rng.chance(0.85));
    } else if (type === 'hd') {
      doc.titleRef = add('GUIDES', directive(this.higher(doc)) ?? this.known(doc, (k) => k.party), 'title-guides', rng.chance(0.85), ['IMPLEMENTS']);
    } else if (type === 'tt' || (type === 'nd' && rng.chance(0.5))) {
      doc.titleRef = add('GUIDES', this.known(doc, (k) => k.type === 'luat') ?? this.pick('c:normative', doc), 'title-details', true);
    } else if (form.normative && doc.prev < 0 && rng.chance(0.1)) {
      const same = this.pick(`i:${family.key}:${doc.unit}:${type}:${form.normative}`, doc);
      doc.titleRef = add('AMENDS', same, 'title-amends', true);
    }

    // legal basis: State normative documents cite laws and decrees; Party regulations the Party rules
    if (form.normative || family.key === 'ubnd' || family.key === 'hdnd') {
      for (let k = rng.int(1, 3); k > 0; k--) add('BASED_ON', rng.chance(0.5) ? this.known(doc, (d) => d.normative) : this.pick('c:normative', doc), 'basis', rng.chance(0.8));
    } else if (family.party && ['nq', 'qd', 'qdi', 'hd'].includes(type) && rng.chance(0.5)) {
      add('BASED_ON', this.known(doc, (d) => d.party && d.type === 'qdi'), 'basis', true);
    }

    // an opening "Thực hiện ..." for plans and conclusions that do not say it in the title
    if (!doc.titleRef && !TYPES[type].letter && rng.chance(family.party ? 0.35 : 0.2)) add('IMPLEMENTS', directive(this.higher(doc)), 'opening', rng.chance(0.8));

    // a repeal of another document of the same issuer
    if (rng.chance(0.04)) add('SUPERSEDES', this.pick(`i:${family.key}:${doc.unit}:${type}:${form.normative}`, doc), family.party ? 'stops' : 'repeals', true);

    // the body's citations
    const body: Phrase[] = ['theo', 'quy-dinh-tai', 'report', 'continue', 'gan-voi'];
    for (let k = rng.int(7, 11); k > 0; k--) {
      const phrase = rng.pick(body);
      const scope = rng.next();
      const target =
        phrase === 'report'
          ? this.pickType(local ? `p:${doc.unit}:${family.party ? 'party' : 'state'}` : 'c:party', doc, 'bc')
          : scope < 0.55 && local
            ? this.pick(`p:${doc.unit}:${rng.chance(0.6) === family.party ? 'party' : 'state'}`, doc)
            : scope < 0.9
              ? this.pick(rng.pick(['c:party', 'c:normative', 'c:admin']), doc)
              : this.known(doc, () => true);
      const soft = phrase === 'continue' || phrase === 'gan-voi';
      add('CITES', target, phrase, rng.chance(0.75), soft ? ['IMPLEMENTS'] : []);
    }

    // statements a careful reader must not take for a supersession or an implementation
    if (rng.chance(0.03)) add('CITES', this.pick(`i:${family.key}:${doc.unit}:${type}:${form.normative}`, doc), 'future', true);
    if (rng.chance(0.05)) add('CITES', directive(this.higher(doc)), 'review', true, ['IMPLEMENTS']);

    // a relation between two other documents, asserted here
    if (rng.chance(0.15)) {
      const a = rng.chance(0.3) ? rng.recent(this.pool('chained')) : this.pickDirective(local ? `p:${doc.unit}:party` : 'c:admin');
      if (a !== undefined) {
        const supersedes = this.prevOf[a] >= 0 && rng.chance(0.7);
        const to: Target | null = supersedes ? { doc: this.prevOf[a] } : this.higherThan(a);
        if (to && !used.has(`d${a}`) && !used.has(key(to))) {
          used.add(`d${a}`);
          used.add(key(to));
          doc.third.push({ relation: supersedes ? 'SUPERSEDES' : 'IMPLEMENTS', from: a, to });
        }
      }
    }
  }

  typeOf(t: Target): TypeKey {
    return 'doc' in t ? this.form(t.doc).type : t.known.type;
  }

  /** A recent document of a pool (earlier than doc, since pools only hold planned ones). */
  private pick(pool: string, _doc: PlannedDoc): Target | null {
    const i = this.rng.recent(this.pool(pool));
    return i === undefined ? null : { doc: i };
  }

  private pickDirective(pool: string): number | undefined {
    for (let k = 0; k < 4; k++) {
      const i = this.rng.recent(this.pool(pool));
      if (i !== undefined && !['bc', 'tb', 'cv'].includes(this.form(i).type)) return i;
    }
    return undefined;
  }

  private pickType(pool: string, doc: PlannedDoc, type: TypeKey): Target | null {
    for (let k = 0; k < 4; k++) {
      const t = this.pick(pool, doc);
      if (t && this.typeOf(t) === type) return t;
    }
    return this.pick(pool, doc);
  }

  /** A document a plan or conclusion carries out: central Party, the province's Party, or central State. */
  private higher(doc: PlannedDoc): Target | null {
    const r = this.rng.next();
    if (doc.family.scope === 'province' && r < 0.4) return this.pick(`p:${doc.unit}:party`, doc);
    if (r < 0.75) return this.pick('c:party', doc) ?? this.known(doc, (k) => k.party);
    return this.pick('c:admin', doc) ?? this.known(doc, () => true);
  }

  /** Something document `a` may carry out: central and older than it. */
  private higherThan(a: number): Target | null {
    const pool = this.pool('c:party');
    let hi = pool.length;
    let lo = 0;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pool[mid] < a) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) return { doc: pool[lo - 1 - Math.floor(lo * this.rng.next() ** 3)] };
    const date = this.dateOf(a);
    const known = KNOWN.filter((k) => k.party && k.date < date);
    return known.length ? { known: this.rng.pick(known) } : null;
  }

  /** A well-known document older than doc. */
  private known(doc: PlannedDoc, ok: (k: KnownDocument) => boolean): Target | null {
    const list = KNOWN.filter((k) => k.date <= doc.date && ok(k));
    return list.length ? { known: this.rng.pick(list) } : null;
  }
}
