// One symbol, several documents (08-NQ/TU of 2013 and of 2022): say so, and let the reader pick.
import { gql } from '../api.js';
import { h, replace } from '../dom.js';
import { date, issued } from '../format.js';
import { BY_SYMBOL, asOfOf } from '../queries.js';
import { docHref, href } from '../route.js';
import { docCard, errorBox, heading } from './common.js';

/** @param {HTMLElement} main @param {Record<string, string>} p @param {import('../main.js').ViewContext} ctx */
export async function renderSymbol(main, p, ctx) {
  const asOf = asOfOf(p);
  const data = await gql(BY_SYMBOL, { symbol: p.symbol, asOf }, ctx.signal);
  if (ctx.signal.aborted) return;
  const docs = data.documentsBySymbol;
  if (docs.length === 1) return ctx.navigate(docHref(docs[0].id), true);
  if (!docs.length) {
    document.title = `${p.symbol} · không tìm thấy`;
    return replace(main, notFound(`Không có văn bản nào mang số hiệu “${p.symbol}”.`, p.symbol));
  }
  replace(main, picker(docs[0].symbol ?? p.symbol, docs, asOf));
}

/** @param {string} symbol @param {any[]} docs @param {string|undefined} asOf */
export function picker(symbol, docs, asOf) {
  document.title = `${symbol} · ${docs.length} văn bản cùng số hiệu`;
  return h(
    'section',
    { class: 'symbol-picker' },
    heading('h1', `${docs.length} văn bản khác nhau mang số hiệu ${symbol}`),
    h(
      'div',
      { class: 'warning', role: 'note' },
      h('p', null, 'Số hiệu văn bản Đảng được đánh lại theo từng khóa, nên một số hiệu có thể chỉ nhiều văn bản. Chúng phân biệt bằng ngày ban hành và cơ quan ban hành. Chọn văn bản bạn cần:'),
    ),
    h('ol', { class: 'result-list' }, docs.map((d) => h('li', null, docCard(d, { tags: h('span', { class: 'tag' }, `ban hành ${issued(d)}`) })))),
    asOf ? h('p', { class: 'note' }, `Tình trạng tính vào ngày ${date(asOf)}.`) : null,
  );
}

/** @param {string} message @param {string} [query] */
export function notFound(message, query) {
  return errorBox(
    'Không tìm thấy văn bản',
    message,
    null,
    h('p', null, 'Kiểm tra lại đường dẫn, hoặc ', h('a', { href: href({ q: query ?? '' }) }, query ? `tìm “${query}”` : 'tìm văn bản'), '.'),
  );
}
