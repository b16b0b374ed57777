// Pieces every view uses: status badges, document links, loading and error boxes.
import { h } from '../dom.js';
import { STATUS, describe, name } from '../format.js';
import { docHref } from '../route.js';

/** @param {string|undefined} status */
export function badge(status) {
  if (!status) return null;
  const label = STATUS[/** @type {keyof typeof STATUS} */ (status)] ?? { vi: status, en: status };
  return h('span', { class: `badge status-${status}`, dataset: { status }, title: label.en }, label.vi);
}

/** A link to a document, by its short name. @param {import('../format.js').Doc} doc @param {Record<string, any>} [attrs] */
export function docLink(doc, attrs = {}) {
  return h('a', { href: docHref(doc.id), class: 'doc-link', ...attrs }, name(doc));
}

/** A document as one card: name, status, what it is, its title. @param {import('../format.js').Doc} doc @param {Record<string, any>} [extra] */
export function docCard(doc, extra = {}) {
  return h(
    'article',
    { class: 'doc-card', dataset: { id: doc.id } },
    h('div', { class: 'doc-card-head' }, docLink(doc), ' ', badge(doc.status), extra.tags),
    h('p', { class: 'doc-meta' }, describe(doc)),
    doc.title ? h('p', { class: 'doc-title' }, doc.title) : null,
    doc.stub ? h('p', { class: 'note' }, 'Chỉ biết qua trích dẫn trong văn bản khác: văn bản này chưa được nạp toàn văn.') : null,
  );
}

export function loading(what = 'Đang tải…') {
  return h('div', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), what);
}

/**
 * An error a reader can act on. `level` h1 when it is the whole page, h2/h3 inside a section.
 * @param {string} title @param {string} message @param {(() => void) | null} [retry] @param {HTMLElement | null} [more] @param {'h1'|'h2'|'h3'} [level]
 */
export function errorBox(title, message, retry = null, more = null, level = 'h1') {
  return h(
    'div',
    { class: 'error-box', role: 'alert' },
    h(level, { tabindex: '-1', class: level === 'h1' ? 'view-heading' : null }, title),
    h('p', null, message),
    more,
    retry ? h('button', { type: 'button', onclick: retry }, 'Thử lại') : null,
  );
}

/** A heading the view moves focus to after navigation, so keyboard and screen-reader users land on the new content. @param {'h1'|'h2'} level @param {...any} children */
export function heading(level, ...children) {
  return h(level, { tabindex: '-1', class: 'view-heading' }, ...children);
}
