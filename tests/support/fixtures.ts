// Small graph batches built by hand, for store and domain tests.
import { symbolKey } from '../../graph-loaders/ids.js';
import type { DocumentNode, EvidenceRow, GraphBatch, RelationType } from '../../services/store/model.js';
import { EMPTY_EFFECT, emptyBatch } from '../../services/store/model.js';

export function doc(id: string, fields: Partial<DocumentNode> = {}): DocumentNode {
  const at = id.lastIndexOf('@');
  const symbol = fields.symbol !== undefined ? fields.symbol : at > 0 ? id.slice(0, at) : id;
  const issuedOn = fields.issuedOn !== undefined ? fields.issuedOn : at > 0 && /^\d{4}-\d{2}-\d{2}$/.test(id.slice(at + 1)) ? id.slice(at + 1) : null;
  return {
    id,
    symbol,
    symbolKey: symbol ? symbolKey(symbol) : null,
    type: 'Nghị quyết',
    issuer: null,
    issuedOn,
    issuedNotBefore: null,
    effectiveFrom: null,
    expiresOn: null,
    title: null,
    place: null,
    locality: null,
    term: null,
    stub: false,
    ambiguous: false,
    candidates: [],
    consolidated: false,
    file: `${id.replace(/[^A-Za-z0-9]+/g, '_')}.txt`,
    textHash: null,
    effect: EMPTY_EFFECT,
    ...fields,
  };
}

export function stub(id: string, fields: Partial<DocumentNode> = {}): DocumentNode {
  return doc(id, { stub: true, file: null, ...fields });
}

export function ev(from: string, type: RelationType, to: string, fields: Partial<EvidenceRow> = {}): EvidenceRow {
  const source = fields.source ?? from;
  const start = fields.start ?? 0;
  return {
    key: `${source}|${start}|${type}|${from}|${to}`,
    from,
    to,
    type,
    source,
    quote: `${from} ${type.toLowerCase()} ${to}`,
    start,
    end: start + 10,
    rule: 'test',
    kind: type === 'SUPERSEDES' ? 'thay thế' : null,
    scope: null,
    effectiveFrom: null,
    curated: false,
    author: null,
    at: null,
    reason: null,
    toRef: null,
    toHow: 'dated',
    fromRef: null,
    fromHow: 'self',
    ...fields,
  };
}

/** A batch loading these documents (with texts), their stubs and evidence. */
export function batch(parts: { docs?: DocumentNode[]; stubs?: DocumentNode[]; evidence?: EvidenceRow[]; texts?: Record<string, string> } = {}): GraphBatch {
  const b = emptyBatch();
  b.documents = parts.docs ?? [];
  b.stubs = parts.stubs ?? [];
  b.evidence = parts.evidence ?? [];
  b.files = b.documents.filter((d) => d.file).map((d) => ({ file: d.file!, id: d.id }));
  b.texts = b.documents.map((d) => ({ id: d.id, text: parts.texts?.[d.id] ?? `${d.type ?? ''} ${d.symbol ?? ''} ${d.title ?? ''}` }));
  return b;
}

/** A dump without the write times, which differ between two loads of the same files. */
export function comparable(dump: { documents: DocumentNode[]; evidence: EvidenceRow[]; curations: unknown[] }) {
  return { ...dump, documents: dump.documents.map(({ updatedAt: _u, ...d }) => d) };
}

export const NQ45 = '45-NQ/TW@2019-01-24';
export const KL96 = '96-KL/TW@2024-09-30';
export const OLD08 = '08-NQ/TU@2013-05-16';
export const NEW08 = '08-NQ/TU@2022-12-06';
export const KL312 = '312-KL/TU@2024-02-15';
export const STOP = 'ket-luan:ban-chap-hanh-dang-bo-thanh-pho-hai-phong@2026';

/** The shape of the sample corpus, by hand: an undated conclusion stops two documents. */
export function sampleBatch(): GraphBatch {
  return batch({
    docs: [
      doc(KL96, { type: 'Kết luận', issuer: 'Bộ Chính trị', title: 'Kết luận về tiếp tục thực hiện Nghị quyết số 45-NQ/TW' }),
      doc(STOP, { symbol: null, type: 'Kết luận', issuedOn: null, issuedNotBefore: '2026-02-11', issuer: 'Ban Chấp hành Đảng bộ thành phố Hải Phòng', title: 'về việc dừng thực hiện Kết luận số 312-KL/TU' }),
      doc(NEW08, { title: 'về mục tiêu, nhiệm vụ, giải pháp năm 2023', issuer: 'Thành ủy Hải Phòng' }),
    ],
    stubs: [stub(NQ45), stub(OLD08), stub(KL312, { type: 'Kết luận' })],
    evidence: [
      ev(KL96, 'IMPLEMENTS', NQ45, { quote: 'về tiếp tục thực hiện Nghị quyết số 45-NQ/TW' }),
      ev(STOP, 'SUPERSEDES', KL312, { kind: 'dừng thực hiện', quote: 'Nhất trí dừng thực hiện Kết luận số 312-KL/TU', start: 10 }),
      ev(STOP, 'SUPERSEDES', OLD08, { kind: 'dừng thực hiện', quote: 'và Nghị quyết số 08-NQ/TU, ngày 16/5/2013', start: 20 }),
      ev(STOP, 'CITES', NQ45, { start: 30 }),
    ],
    texts: {
      [KL96]: 'KẾT LUẬN CỦA BỘ CHÍNH TRỊ về tiếp tục thực hiện Nghị quyết số 45-NQ/TW',
      [STOP]: 'Nhất trí dừng thực hiện Kết luận số 312-KL/TU và Nghị quyết số 08-NQ/TU, ngày 16/5/2013',
    },
  });
}


// A graph where every document field and every evidence field is set somewhere (not null, not
// false, not empty), so that a read which drops a field it was asked for shows a difference.
export const FULL = '12-NQ/TW@2020-03-01';
export const LATER = '12-NQ/TW@2023-05-05';
export const NEWER = '20-NQ/TW@2025-01-01';
export const UNDATED = 'ket-luan:ban-bi-thu@2024';
export const AMBIGUOUS = '12-NQ/TW?';

/** The batches, in order: the documents and loader evidence, then one curation with its row. */
export function everyFieldBatches(): GraphBatch[] {
  const ref = (symbol: string) => JSON.stringify({ ref: { symbol, date: null }, citing: { issuedOn: '2025-01-01' } });
  const loaded = batch({
    docs: [
      doc(FULL, { issuer: 'Ban Chấp hành Trung ương', effectiveFrom: '2020-04-01', expiresOn: '2030-12-31', title: 'về công tác cán bộ', place: 'Hà Nội', locality: 'Hà Nội', term: 'XII', consolidated: true, textHash: 'hash-full' }),
      doc(LATER, { issuer: 'Ban Chấp hành Trung ương', title: 'về đổi mới', place: 'Hà Nội', term: 'XIII', textHash: 'hash-later' }),
      doc(NEWER, { type: 'Kết luận', issuer: 'Bộ Chính trị', title: 'về sắp xếp', place: 'Hà Nội', term: 'XIII', textHash: 'hash-newer' }),
      doc(UNDATED, { symbol: null, type: 'Kết luận', issuedOn: null, issuedNotBefore: '2024-06-01', issuer: 'Ban Bí thư', title: 'về kiểm tra' }),
    ],
    stubs: [stub(AMBIGUOUS, { issuedOn: null, ambiguous: true, candidates: [FULL, LATER] })],
    evidence: [
      ev(NEWER, 'SUPERSEDES', FULL, { kind: 'thay thế', scope: 'Điều 5', effectiveFrom: '2025-02-01', quote: 'thay thế Điều 5 Nghị quyết số 12-NQ/TW', start: 5, toRef: ref('12-NQ/TW'), toHow: 'context', fromRef: ref('20-NQ/TW') }),
      ev(NEWER, 'SUPERSEDES', LATER, { kind: 'bãi bỏ', quote: 'bãi bỏ Nghị quyết số 12-NQ/TW ngày 5/5/2023', start: 40 }),
      ev(UNDATED, 'SUPERSEDES', FULL, { source: NEWER, kind: 'hết hiệu lực', quote: 'Kết luận của Ban Bí thư thay thế', start: 80 }),
      ev(NEWER, 'AMENDS', UNDATED, { quote: 'sửa đổi Kết luận', start: 120 }),
      ev(FULL, 'CITES', AMBIGUOUS, { quote: 'Nghị quyết số 12-NQ/TW', start: 3, toRef: ref('12-NQ/TW'), toHow: 'ambiguous' }),
      ev(LATER, 'BASED_ON', FULL, { quote: 'Căn cứ Nghị quyết số 12-NQ/TW', start: 0 }),
    ],
  });
  const at = '2026-11-22T10:00:00.000Z';
  const curation = { id: 'every-field', action: 'ADD' as const, from: LATER, to: NEWER, type: 'CITES' as const, reason: 'missed by the loader', author: 'lan', at };
  const curated = emptyBatch();
  curated.curations = [curation];
  curated.evidence = [{ ...ev(LATER, 'CITES', NEWER), key: `curation|${curation.id}`, source: 'curation', curated: true, author: 'lan', at, reason: curation.reason, rule: 'curated', kind: null, toHow: 'curated', fromHow: 'curated' }];
  return [loaded, curated];
}
