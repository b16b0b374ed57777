// DOWNLOADS (issue 9): export links on the search and document pages, served by the HTTP export
// routes (services/export/routes.ts). Statuses in the files are judged on the reader's asOf.
// A new format is one more entry here.
import { h } from './dom.js';

/** @typedef {{view: 'search'|'document', params: Record<string, string>, id?: string}} ExportContext */

/** @param {string} file @param {Record<string, string|undefined>} query */
function exportUrl(file, query) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) q.set(k, v);
  const text = q.toString();
  return `/export/${file}${text ? `?${text}` : ''}`;
}

/** @type {{label: string, note: string, url: (c: ExportContext) => string | null}[]} */
export const EXPORTS = [
  { label: 'Văn bản này (ELI JSON-LD)', note: 'quan hệ và tình trạng theo từ vựng ELI', url: (c) => (c.view === 'document' && c.id ? exportUrl('eli.jsonld', { id: c.id, asOf: c.params.asOf }) : null) },
  { label: 'Danh sách văn bản (CSV)', note: 'toàn bộ, một dòng mỗi văn bản, kèm tình trạng', url: (c) => (c.view === 'search' ? exportUrl('documents.csv', { asOf: c.params.asOf }) : null) },
  { label: 'Quan hệ và trích dẫn (CSV)', note: 'toàn bộ, một dòng mỗi trích dẫn', url: (c) => (c.view === 'search' ? exportUrl('relations.csv', { asOf: c.params.asOf }) : null) },
  { label: 'Các chỉnh sửa của người biên tập (CSV)', note: 'toàn bộ', url: (c) => (c.view === 'search' ? exportUrl('curations.csv', {}) : null) },
  { label: 'Toàn bộ đồ thị (ELI JSON-LD)', note: 'mọi văn bản', url: (c) => (c.view === 'search' ? exportUrl('eli.jsonld', { asOf: c.params.asOf }) : null) },
  { label: 'Đồ thị cho Gephi, yEd (GraphML)', note: 'toàn bộ', url: (c) => (c.view === 'search' ? exportUrl('graph.graphml', { asOf: c.params.asOf }) : null) },
  { label: 'Kịch bản Cypher cho Neo4j 5', note: 'toàn bộ', url: (c) => (c.view === 'search' ? exportUrl('neo4j.cypher', { asOf: c.params.asOf }) : null) },
];

/** @param {ExportContext} context */
export function downloadSlot(context) {
  const links = EXPORTS.map((e) => ({ label: e.label, note: e.note, url: e.url(context) })).filter((l) => l.url);
  if (!links.length) return h('div', { class: 'downloads', dataset: { slot: 'downloads' }, hidden: true });
  return h(
    'section',
    { class: 'downloads panel', dataset: { slot: 'downloads' }, 'aria-labelledby': `downloads-${context.view}` },
    h('h2', { id: `downloads-${context.view}` }, 'Tải xuống'),
    context.view === 'search' ? h('p', { class: 'note' }, 'Các tệp chứa toàn bộ dữ liệu, không chỉ kết quả tìm kiếm này.') : null,
    h('ul', { class: 'download-list' }, links.map((l) => h('li', null, h('a', { href: l.url, download: '' }, l.label), h('span', { class: 'note' }, ` · ${l.note}`)))),
  );
}
