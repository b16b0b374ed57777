// The diagram's groups, as vbpl.vn's Lược đồ pairs them: each relation type in each direction,
// labelled from the centre document's point of view, strongest relation first.
import { name, when } from './format.js';

/** @typedef {'OUT'|'IN'} Side */
/** @typedef {{key: string, type: string, side: Side, vi: string, en: string}} Group */

/** @type {Group[]} */
export const GROUPS = [
  { key: 'replaces', type: 'SUPERSEDES', side: 'OUT', vi: 'Thay thế, bãi bỏ', en: 'replaces' },
  { key: 'replaced-by', type: 'SUPERSEDES', side: 'IN', vi: 'Bị thay thế, bãi bỏ bởi', en: 'replaced by' },
  { key: 'amends', type: 'AMENDS', side: 'OUT', vi: 'Sửa đổi, bổ sung', en: 'amends' },
  { key: 'amended-by', type: 'AMENDS', side: 'IN', vi: 'Được sửa đổi, bổ sung bởi', en: 'amended by' },
  { key: 'implements', type: 'IMPLEMENTS', side: 'OUT', vi: 'Thực hiện', en: 'implements' },
  { key: 'implemented-by', type: 'IMPLEMENTS', side: 'IN', vi: 'Được thực hiện bởi', en: 'implemented by' },
  { key: 'guides', type: 'GUIDES', side: 'OUT', vi: 'Hướng dẫn', en: 'guides' },
  { key: 'guided-by', type: 'GUIDES', side: 'IN', vi: 'Được hướng dẫn bởi', en: 'guided by' },
  { key: 'based-on', type: 'BASED_ON', side: 'OUT', vi: 'Căn cứ', en: 'based on' },
  { key: 'basis-of', type: 'BASED_ON', side: 'IN', vi: 'Là căn cứ của', en: 'basis of' },
  { key: 'cites', type: 'CITES', side: 'OUT', vi: 'Dẫn chiếu', en: 'cites' },
  { key: 'cited-by', type: 'CITES', side: 'IN', vi: 'Được dẫn chiếu bởi', en: 'cited by' },
];

/**
 * @typedef {{id: string, type: string, kind?: string|null, scope?: string|null, curated: boolean, evidence: any[], other: import('./format.js').Doc & {candidates?: any[]}}} Rel
 * @typedef {{group: Group, relations: Rel[]}} Grouped
 */

/** Relations of one document, grouped, newest first; empty groups left out. @param {{outgoing: Rel[], incoming: Rel[]}} doc @returns {Grouped[]} */
export function groupRelations(doc) {
  return GROUPS.map((group) => ({
    group,
    relations: (group.side === 'OUT' ? doc.outgoing : doc.incoming).filter((r) => r.type === group.type).sort(newestFirst),
  })).filter((g) => g.relations.length > 0);
}

/** Dated before undated, newer before older, then by name. @param {Rel} a @param {Rel} b */
function newestFirst(a, b) {
  const da = when(a.other) ?? '';
  const db = when(b.other) ?? '';
  return da === db ? name(a.other).localeCompare(name(b.other), 'vi') : db.localeCompare(da);
}

/** How the loader resolved a reference, in words. @param {string} resolution */
export function resolutionText(resolution) {
  return (
    {
      dated: 'tham chiếu có ngày',
      'only-candidate': 'văn bản duy nhất mang số hiệu này',
      context: 'xác định theo ngữ cảnh',
      'no-candidate': 'chưa có văn bản nào khớp',
      ambiguous: 'chưa xác định được: nhiều văn bản cùng số hiệu',
      curated: 'do người biên tập xác định',
    }[resolution] ?? resolution
  );
}
