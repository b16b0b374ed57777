// Search: one box (in the header), filters for type, issuer, year and "in effect on", results
// with a status badge, and a warning where one symbol names several documents.
import { gql } from '../api.js';
import { h, replace } from '../dom.js';
import { date } from '../format.js';
import { SEARCH, TYPES, asOfOf } from '../queries.js';
import { href, symbolHref } from '../route.js';
import { downloadSlot } from '../downloads.js';
import { docCard, heading } from './common.js';

const PAGE = 20;
const EXAMPLES = ['nghi quyet 45', '08-NQ/TU', 'dừng thực hiện', 'Hải Phòng'];

/** The API filter for the URL's search parameters. @param {Record<string, string>} p */
export function filterOf(p) {
  /** @type {Record<string, string|boolean>} */
  const filter = {};
  if (p.q) filter.text = p.q;
  if (p.type) filter.type = p.type;
  if (p.issuer) filter.issuer = p.issuer;
  if (/^\d{4}$/.test(p.year ?? '')) Object.assign(filter, { issuedFrom: `${p.year}-01-01`, issuedTo: `${p.year}-12-31` });
  if (/^\d{4}-\d{2}-\d{2}$/.test(p.inEffectOn ?? '')) filter.inEffectOn = p.inEffectOn;
  return filter;
}

/** @param {HTMLElement} main @param {Record<string, string>} p @param {import('../main.js').ViewContext} ctx */
export async function renderSearch(main, p, ctx) {
  const filter = filterOf(p);
  const asking = Object.keys(filter).length > 0;
  const statusOn = p.inEffectOn || asOfOf(p);
  if (!asking) filter.includeStubs = false; // the landing page lists the loaded texts
  const [types, found] = await Promise.all([
    gql(TYPES, {}, ctx.signal),
    gql(SEARCH, { filter, first: PAGE, after: p.after ?? null, asOf: statusOn }, ctx.signal),
  ]);
  if (ctx.signal.aborted) return;
  const conn = found.documents;
  const nodes = conn.edges.map((/** @type {any} */ e) => e.node);
  document.title = p.q ? `${p.q} · Tìm văn bản` : 'Lược đồ văn bản';
  replace(
    main,
    asking ? heading('h1', p.q ? `Kết quả cho “${p.q}”` : 'Văn bản theo bộ lọc') : heading('h1', 'Tra cứu văn bản và quan hệ giữa các văn bản'),
    asking ? null : intro(types.stats),
    filterPanel(p, types.stats.byType),
    h(
      'section',
      { class: 'results', 'aria-labelledby': 'results-title' },
      h('h2', { id: 'results-title', class: 'results-count' }, asking ? `${conn.totalCount} văn bản` : `${conn.totalCount} văn bản đã nạp toàn văn`, statusOn ? ` · tình trạng vào ngày ${date(statusOn)}` : ''),
      sameSymbolNotice(nodes),
      nodes.length ? h('ol', { class: 'result-list' }, nodes.map((/** @type {any} */ d) => h('li', null, docCard(d, { tags: sameTag(d) })))) : empty(p),
      pager(p, conn),
    ),
    downloadSlot({ view: 'search', params: p }),
  );
}

/** @param {{documents: number, stubs: number, relations: number}} stats */
function intro(stats) {
  return h(
    'section',
    { class: 'intro' },
    h('p', null, `Tìm theo số hiệu, tên hoặc nội dung, có dấu hay không dấu. Mỗi văn bản có lược đồ quan hệ (thay thế, sửa đổi, thực hiện, căn cứ, dẫn chiếu), dòng thời gian thay thế và trích dẫn làm bằng chứng.`),
    h('p', { class: 'examples' }, 'Thử: ', EXAMPLES.map((q) => [h('a', { href: href({ q }), class: 'chip' }, q), ' '])),
    h('p', { class: 'stats' }, `${stats.documents} văn bản (${stats.documents - stats.stubs} đã nạp toàn văn, ${stats.stubs} chỉ biết qua trích dẫn), ${stats.relations} quan hệ.`),
  );
}

/** Filters, folded away on a phone unless one is in use. @param {Record<string, string>} p @param {{key: string, count: number}[]} byType */
function filterPanel(p, byType) {
  const used = ['type', 'issuer', 'year', 'inEffectOn'].filter((k) => p[k]).length;
  const open = used > 0 || window.matchMedia('(min-width: 641px)').matches;
  return h('details', { class: 'filter-panel', open }, h('summary', null, used ? `Bộ lọc (${used} đang dùng)` : 'Bộ lọc'), filters(p, byType));
}

/** @param {Record<string, string>} p @param {{key: string, count: number}[]} byType */
function filters(p, byType) {
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Bộ lọc', onsubmit: (/** @type {SubmitEvent} */ e) => apply(e, form) },
    h('input', { type: 'hidden', name: 'q', value: p.q ?? '' }),
    field('f-type', 'Loại văn bản', h('select', { id: 'f-type', name: 'type', onchange: () => form.requestSubmit() }, h('option', { value: '' }, 'Tất cả'), byType.map((t) => h('option', { value: t.key, selected: t.key === p.type }, `${t.key} (${t.count})`)))),
    field('f-issuer', 'Cơ quan ban hành', h('input', { id: 'f-issuer', name: 'issuer', type: 'text', value: p.issuer ?? '', placeholder: 'ví dụ: Bộ Chính trị' })),
    field('f-year', 'Năm ban hành', h('input', { id: 'f-year', name: 'year', type: 'number', inputmode: 'numeric', min: '1930', max: '2100', value: p.year ?? '', placeholder: 'ví dụ: 2013' })),
    field('f-effect', 'Còn hiệu lực vào ngày', h('input', { id: 'f-effect', name: 'inEffectOn', type: 'date', value: p.inEffectOn ?? '', max: '2100-12-31' })),
    h('div', { class: 'filter-actions' }, h('button', { type: 'submit' }, 'Lọc'), ' ', h('a', { href: href({ q: p.q }) }, 'Bỏ lọc')),
  );
  return form;
}

/** @param {string} id @param {string} label @param {HTMLElement} control */
function field(id, label, control) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

/** @param {SubmitEvent} event @param {HTMLFormElement} form */
function apply(event, form) {
  event.preventDefault();
  /** @type {Record<string, string>} */
  const next = {};
  for (const [key, value] of new FormData(form)) next[key] = String(value).trim();
  form.dispatchEvent(new CustomEvent('navigate', { bubbles: true, detail: href(next) }));
}

/** Symbols several documents carry, among these results. @param {any[]} nodes */
function sameSymbolNotice(nodes) {
  const shared = new Map();
  for (const d of nodes) if (d.symbol && d.sameSymbol.length) shared.set(d.symbol, 1 + d.sameSymbol.length);
  if (!shared.size) return null;
  return h(
    'div',
    { class: 'warning', role: 'note' },
    h('strong', null, 'Cùng số hiệu, khác văn bản. '),
    [...shared].map(([symbol, n], i) => [i ? '; ' : '', `${n} văn bản khác nhau mang số hiệu ${symbol}: `, h('a', { href: symbolHref(symbol) }, 'so sánh và chọn')]),
    '.',
  );
}

/** @param {any} d */
function sameTag(d) {
  return d.sameSymbol.length ? h('span', { class: 'tag tag-warn' }, `cùng số hiệu với ${d.sameSymbol.length} văn bản khác`) : null;
}

/** @param {Record<string, string>} p */
function empty(p) {
  return h('div', { class: 'empty' }, h('p', null, 'Không tìm thấy văn bản nào.'), h('p', null, 'Thử bỏ dấu hoặc bớt từ, tìm theo số hiệu (ví dụ 45-NQ/TW), hoặc ', h('a', { href: href({ q: p.q }) }, 'bỏ các bộ lọc'), '.'));
}

/** @param {Record<string, string>} p @param {any} conn */
function pager(p, conn) {
  if (!conn.pageInfo.hasNextPage && !p.after) return null;
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Trang kết quả' },
    p.after ? h('a', { href: href({ ...p, after: null }) }, '« Trang đầu') : null,
    conn.pageInfo.hasNextPage ? h('a', { href: href({ ...p, after: conn.pageInfo.endCursor }), rel: 'next' }, 'Trang sau »') : null,
  );
}
