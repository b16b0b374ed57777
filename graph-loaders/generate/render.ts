// One planned document → its text (header, title, preamble, body, final provisions, recipients)
// and the truth lines a careful reader would write for it (tests/fixtures/seeds.gold.jsonl format).
import type { RelationType } from '../types.js';
import { ocrDamage, damageSymbol } from './ocr.js';
import type { CorpusPlan, PlannedDoc, PlannedRef, Target } from './plan.js';
import { Rng } from './rng.js';
import { roman } from './families.js';
import { FILLER, PROVINCES, SUBJECTS, TYPES, provincePlace, provinceUnit, type TypeKey } from './vocab.js';

export interface TruthDocument {
  kind: 'document';
  file: string;
  symbol: string;
  type: string;
  issuer: string;
  issuedOn: string;
}

export interface TruthEdge {
  kind: 'edge';
  file: string;
  from: string | null;
  fromDate?: string | null;
  to: string;
  toDate: string | null;
  relation: RelationType;
  alsoOk: RelationType[];
  evidence: string;
  optional?: true;
}

export type TruthLine = TruthDocument | TruthEdge;

export interface Rendered {
  text: string;
  truth: TruthLine[];
}

const LAW_NAMES = ['Luật Du lịch', 'Luật Bảo vệ môi trường', 'Luật Giáo dục', 'Luật Đầu tư', 'Luật Quy hoạch', 'Luật Xây dựng', 'Luật Thủy lợi', 'Luật Công nghệ thông tin', 'Luật Phòng, chống tham nhũng', 'Luật Cán bộ, công chức', 'Luật Quản lý thuế', 'Luật Khoa học và công nghệ', 'Luật Thi đua, khen thưởng'];
const DEPARTMENTS = ['Sở Nội vụ', 'Sở Tài chính', 'Sở Kế hoạch và Đầu tư', 'Sở Tư pháp', 'Sở Tài nguyên và Môi trường', 'Sở Giáo dục và Đào tạo', 'Sở Thông tin và Truyền thông'];
const OUTCOMES = ['các chỉ tiêu chủ yếu đều đạt và vượt kế hoạch', 'các nhiệm vụ trọng tâm được triển khai đúng tiến độ', 'một số chỉ tiêu chưa đạt kế hoạch đề ra', 'tình hình kinh tế - xã hội tiếp tục phát triển ổn định'];
const DUTIES = ['Thực hiện chế độ thông tin, báo cáo', 'Bảo đảm các điều kiện, tiêu chuẩn', 'Thực hiện trình tự, thủ tục', 'Quản lý, sử dụng kinh phí'];

/** What a reference needs to name its target. */
interface TargetInfo {
  symbol: string;
  date: string;
  type: TypeKey;
  typeName: string;
  issuer: string;
  subject: string;
  term: number | null;
  party: boolean;
}

const cap = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
const upper = (s: string) => s.toLocaleUpperCase('vi');

export class Renderer {
  private readonly rng: Rng;

  constructor(
    private readonly plan: CorpusPlan,
    seed: number,
  ) {
    this.rng = new Rng(seed ^ 0x7e47);
  }

  info(t: Target): TargetInfo {
    if ('known' in t) {
      const k = t.known;
      return { symbol: k.symbol, date: k.date, type: k.type, typeName: TYPES[k.type].name, issuer: k.issuer, subject: k.subject, term: null, party: k.party };
    }
    const i = t.doc;
    const family = this.plan.family(i);
    const type = this.plan.form(i).type;
    const typeName = type === 'cv' && !family.party ? 'Văn bản' : type === 'luat' ? LAW_NAMES[this.plan.subject(i) % LAW_NAMES.length] : TYPES[type].name;
    return { symbol: this.plan.symbols[i], date: this.plan.dateOf(i), type, typeName, issuer: family.issuer(this.plan.unit(i), type), subject: SUBJECTS[this.plan.subject(i)], term: this.plan.term(i), party: family.party };
  }

  render(doc: PlannedDoc, file: string): Rendered {
    const rng = this.rng;
    const party = doc.family.party;
    const truth: TruthLine[] = [];
    const issuer = doc.family.issuer(doc.unit, doc.type);
    const typeName = doc.type === 'luat' ? 'Luật' : TYPES[doc.type].name;
    truth.push({ kind: 'document', file, symbol: doc.symbol, type: typeName, issuer, issuedOn: doc.date });

    // a mention of a target, recorded as a truth edge from this document (or from another one)
    const mention = (ref: { target: Target; dated: boolean }, opts: { issuer?: boolean; subject?: boolean } = {}): { text: string; info: TargetInfo; optional: boolean } => {
      const info = this.info(ref.target);
      let symbol = info.symbol;
      let optional = false;
      if (doc.ocr && rng.chance(0.03)) {
        symbol = damageSymbol(symbol, rng);
        optional = true;
      } else if (doc.ocr && rng.chance(0.1)) symbol = symbol.replace('/', ' /');
      else if (!doc.ocr && rng.chance(0.02)) symbol += rng.pick(['¹', '²', '³']);
      const law = info.type === 'luat';
      let text = law ? `${info.typeName} số ${symbol}` : `${info.typeName} số ${symbol}`;
      if (ref.dated) text += party || rng.chance(0.4) ? `, ngày ${shortDate(info.date, rng)}` : ` ngày ${longDate(info.date, rng)}`;
      if (opts.issuer ?? rng.chance(0.6)) text += ` của ${info.issuer}${info.party && info.term && rng.chance(0.3) ? ` khóa ${roman(info.term)}` : ''}`;
      if (!law && (opts.subject ?? rng.chance(0.35))) text += ` về ${info.subject}`;
      return { text, info, optional };
    };
    const edge = (from: { symbol: string; date: string } | null, m: { info: TargetInfo; optional: boolean }, ref: { relation: RelationType; alsoOk: RelationType[]; dated: boolean }, evidence: string) => {
      const e: TruthEdge = { kind: 'edge', file, from: from?.symbol ?? null, ...(from ? { fromDate: from.date } : {}), to: m.info.symbol, toDate: ref.dated ? m.info.date : null, relation: ref.relation, alsoOk: ref.alsoOk, evidence };
      if (m.optional) e.optional = true;
      truth.push(e);
    };
    const say = (ref: PlannedRef, build: (m: string) => string, opts?: { issuer?: boolean; subject?: boolean }): string => {
      const m = mention(ref, opts);
      const sentence = build(m.text);
      edge(null, m, ref, sentence);
      return sentence;
    };

    const lines: string[] = [];
    // ---- header
    const left = doc.family.header(doc.unit);
    const right = party ? ['ĐẢNG CỘNG SẢN VIỆT NAM'] : ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
    const place = doc.family.scope === 'province' ? provincePlace(PROVINCES[doc.unit]) : 'Hà Nội';
    const numberLine = party ? `Số ${doc.symbol}` : `Số: ${doc.symbol}`;
    const dateLine = `${place}, ngày ${dayMonth(doc.date, rng)} năm ${doc.date.slice(0, 4)}`;
    const letter = TYPES[doc.type].letter === true;
    const titleText = this.title(doc, say);
    if (rng.chance(0.5)) {
      const rows = Math.max(left.length, right.length);
      for (let k = 0; k < rows; k++) lines.push(`${(left[k] ?? '').padEnd(42)}${right[k] ?? ''}`.trimEnd());
      lines.push(`${numberLine.padEnd(42)}${dateLine}`);
      if (letter) lines.push(`V/v ${titleText}`);
    } else {
      lines.push(...left, '', ...right, '', numberLine);
      if (letter) lines.push(`V/v ${titleText}`);
      lines.push('', dateLine);
    }
    lines.push('');

    // ---- heading and title
    if (!letter) {
      lines.push(TYPES[doc.type].heading);
      if (doc.type === 'luat') lines.push(upper(titleText));
      else {
        const by = party && (doc.family.key === 'tw' || doc.type === 'nq' || doc.type === 'kl') ? `CỦA ${upper(issuer)}` : null;
        if (by) lines.push(by);
        lines.push(party ? `về ${titleText}` : doc.type === 'qd' ? `Về việc ${titleText}` : /^(quy định|hướng dẫn|sửa đổi)/.test(titleText) ? cap(titleText) : `Về ${titleText}`);
      }
      lines.push('');
    }

    // ---- preamble: legal basis, then the body that issues
    const basis = doc.refs.filter((r) => r.phrase === 'basis');
    if (!party && !letter && doc.family.byLine) lines.push(doc.family.byLine(doc.unit) ?? '', '');
    if (!party && !letter && doc.date >= '2015-06-19' && rng.chance(0.5)) lines.push('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;', '');
    for (const ref of basis) lines.push(say(ref, (m) => `Căn cứ ${m};`, { subject: rng.chance(0.5) }), '');
    if (!party && !letter && doc.family.scope === 'province') lines.push(`Theo đề nghị của Giám đốc ${rng.pick(DEPARTMENTS)}.`, '');
    if (!party && !letter) lines.push(doc.type === 'nq' ? 'QUYẾT NGHỊ:' : doc.type === 'qd' ? 'QUYẾT ĐỊNH:' : `${cap(issuer)} ban hành ${typeName} ${titleText}.`, '');

    const opening = doc.refs.find((r) => r.phrase === 'opening');
    if (opening) lines.push(say(opening, (m) => `Thực hiện ${m}, ${issuer} xây dựng ${typeName} như sau:`), '');
    else if (party || letter) lines.push(filler(rng, doc), '');

    // ---- body
    if (!letter) lines.push(party ? 'I. MỤC ĐÍCH, YÊU CẦU' : 'Điều 1. Nội dung chủ yếu', '');
    let item = 1;
    const subjectText = SUBJECTS[doc.subject];
    for (const ref of doc.refs) {
      let sentence: string | null = null;
      if (ref.phrase === 'theo') sentence = say(ref, (m) => `Theo ${m}, ${rng.pick(OUTCOMES)}.`);
      else if (ref.phrase === 'quy-dinh-tai') sentence = say(ref, (m) => `${rng.pick(DUTIES)} theo quy định tại ${m}.`);
      else if (ref.phrase === 'report') sentence = say(ref, (m) => `Kết quả cụ thể như trong ${m}.`);
      else if (ref.phrase === 'continue') sentence = say(ref, (m) => `Tiếp tục triển khai thực hiện có hiệu quả ${m}.`);
      else if (ref.phrase === 'gan-voi') sentence = say(ref, (m) => `Đẩy mạnh ${subjectText} gắn với thực hiện ${m}.`);
      else if (ref.phrase === 'future') sentence = say(ref, (m) => `Giao ${rng.pick(DEPARTMENTS)} nghiên cứu, tham mưu ban hành ${this.info(ref.target).typeName} mới thay thế ${m}.`);
      else if (ref.phrase === 'review') sentence = say(ref, (m) => `Tổ chức tổng kết ${rng.int(5, 10)} năm thực hiện ${m}.`);
      if (!sentence) continue;
      lines.push(`${item++}. ${sentence}${rng.chance(0.4) ? ' ' + filler(rng, doc) : ''}`, '');
    }
    for (const t of doc.third) {
      const a = mention({ target: { doc: t.from }, dated: true }, { subject: false });
      const bDated = rng.chance(0.7);
      const b = mention({ target: t.to, dated: bDated }, { subject: false });
      const sentence = t.relation === 'SUPERSEDES' ? `${cap(a.text)} đã thay thế ${b.text}.` : `Năm ${a.info.date.slice(0, 4)}, ${a.info.issuer} ban hành ${a.text} triển khai ${b.text}.`;
      edge({ symbol: a.info.symbol, date: a.info.date }, b, { relation: t.relation, alsoOk: [], dated: bDated }, sentence);
      edge(null, a, { relation: 'CITES', alsoOk: [], dated: true }, sentence);
      edge(null, b, { relation: 'CITES', alsoOk: [], dated: bDated }, sentence);
      lines.push(`${item++}. ${sentence}`, '');
    }
    if (item < 3) lines.push(`${item++}. ${filler(rng, doc)} ${filler(rng, doc)}`, '');

    // ---- final provisions
    const endings = doc.refs.filter((r) => r.phrase === 'replaces' || r.phrase === 'stops' || r.phrase === 'repeals');
    if (party) {
      lines.push(rng.chance(0.5) ? 'III. TỔ CHỨC THỰC HIỆN' : 'III. Tổ chức thực hiện', '');
      lines.push(`${filler(rng, doc)}`, '');
      for (const ref of endings) {
        if (ref.phrase === 'stops') lines.push(say(ref, (m) => `Nhất trí dừng thực hiện ${m}.`, { issuer: false }), '');
        else lines.push(say(ref, (m) => `${typeName} này thay thế ${m}.`), '');
      }
    } else if (!letter) {
      lines.push(rng.chance(0.5) ? 'Điều 2. Hiệu lực thi hành' : 'Điều 2. Tổ chức thực hiện', '');
      const replaces = endings.find((r) => r.phrase === 'replaces');
      const effect = rng.chance(0.6) ? 'kể từ ngày ký' : `kể từ ngày ${longDate(addDays(doc.date, rng.int(10, 45)), rng)}`;
      lines.push(replaces ? say(replaces, (m) => `${typeName} này có hiệu lực ${effect} và thay thế ${m}.`) : `${typeName} này có hiệu lực ${effect}.`, '');
      for (const ref of endings) if (ref.phrase !== 'replaces') lines.push(say(ref, (m) => `Bãi bỏ ${m}.`), '');
      lines.push(`Điều 3. Chánh Văn phòng, Giám đốc các sở, ban, ngành và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành ${typeName} này.`, '');
    } else {
      for (const ref of endings) lines.push(say(ref, (m) => `Văn bản này thay thế ${m}.`), '');
      lines.push('Đề nghị các cơ quan, đơn vị khẩn trương triển khai thực hiện./.', '');
    }

    // ---- recipients and signature
    lines.push('Nơi nhận:', '- Như trên;', party ? '- Lưu Văn phòng.' : '- Lưu: VT.', '', ...doc.family.signer(doc.unit), '', rng.pick(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Minh Cường', 'Phạm Thu Hà', 'Hoàng Đức Thắng']));

    let text = lines.join('\n') + '\n';
    if (doc.ocr) text = ocrDamage(text, rng);
    else if (doc.nfd) text = text.normalize('NFD');
    return { text, truth };
  }

  /** The title (trích yếu), writing the title's reference when there is one. */
  private title(doc: PlannedDoc, say: (ref: PlannedRef, build: (m: string) => string, opts?: { issuer?: boolean; subject?: boolean }) => string): string {
    const rng = this.rng;
    const subject = SUBJECTS[doc.subject];
    const year = doc.date.slice(0, 4);
    const ref = doc.titleRef;
    if (ref) {
      if (ref.phrase === 'title-implements') return say(ref, (m) => `${rng.pick(['triển khai thực hiện', 'thực hiện', 'tiếp tục thực hiện'])} ${m}`, { subject: true });
      if (ref.phrase === 'title-guides') return say(ref, (m) => `hướng dẫn thực hiện ${m}`, { subject: false });
      if (ref.phrase === 'title-details') return say(ref, (m) => `quy định chi tiết một số điều của ${m}`, { subject: false, issuer: false });
      if (ref.phrase === 'title-amends') return say(ref, (m) => `sửa đổi, bổ sung một số điều của ${m}`, { subject: false });
    }
    if (doc.type === 'luat') return LAW_NAMES[doc.subject % LAW_NAMES.length].replace(/^Luật /, '');
    if (doc.type === 'kh') return `${subject} năm ${year}`;
    if (doc.type === 'bc') return `kết quả thực hiện nhiệm vụ ${subject} năm ${year}`;
    if (doc.type === 'tb') return `kết luận của Thường trực về ${subject}`;
    if ((doc.type === 'qd' || doc.type === 'qdi') && (doc.prev >= 0 || rng.chance(0.3))) {
      return doc.family.party ? `ban hành Quy chế làm việc về ${subject}` : `ban hành Quy chế ${subject} trên địa bàn ${doc.family.scope === 'province' ? provinceUnit(PROVINCES[doc.unit]) : 'cả nước'}`;
    }
    if (doc.type === 'nd' || doc.type === 'tt' || (doc.type === 'nq' && doc.form.normative)) return `quy định về ${subject}`;
    return subject;
  }
}

function filler(rng: Rng, doc: PlannedDoc): string {
  const unit = doc.family.scope === 'province' ? provinceUnit(PROVINCES[doc.unit]) : 'cả nước';
  return rng.pick(FILLER).replace('{s}', SUBJECTS[doc.subject]).replace('{u}', unit);
}

function parts(iso: string): [number, number, number] {
  return [Number(iso.slice(8, 10)), Number(iso.slice(5, 7)), Number(iso.slice(0, 4))];
}

const two = (n: number) => String(n).padStart(2, '0');

/** 16/5/2013 or 16/05/2013. */
function shortDate(iso: string, rng: Rng): string {
  const [d, m, y] = parts(iso);
  return rng.chance(0.5) ? `${two(d)}/${two(m)}/${y}` : `${d}/${m}/${y}`;
}

/** 16 tháng 5 năm 2013. */
function longDate(iso: string, rng: Rng): string {
  const [d, m, y] = parts(iso);
  return `${rng.chance(0.5) ? two(d) : d} tháng ${m} năm ${y}`;
}

/** "10 tháng 01" for the date line. */
function dayMonth(iso: string, rng: Rng): string {
  const [d, m] = parts(iso);
  return `${two(d)} tháng ${rng.chance(0.5) ? two(m) : m}`;
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
}

