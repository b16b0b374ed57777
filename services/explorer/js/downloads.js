// DOWNLOADS (issue 9): the place for export links on the search and document pages.
// When the HTTP export endpoints land (/export/...), list them in EXPORTS; each entry turns the
// view into a URL. Until then the slot renders as an empty, hidden marker.
import { h } from './dom.js';

/** @typedef {{view: 'search'|'document', params: Record<string, string>, id?: string}} ExportContext */
/** @type {{label: string, url: (c: ExportContext) => string | null}[]} */
export const EXPORTS = [];

/** @param {ExportContext} context */
export function downloadSlot(context) {
  const links = EXPORTS.map((e) => ({ label: e.label, url: e.url(context) })).filter((l) => l.url);
  if (!links.length) return h('div', { class: 'downloads', dataset: { slot: 'downloads' }, hidden: true });
  return h(
    'section',
    { class: 'downloads', dataset: { slot: 'downloads' }, 'aria-label': 'Tải xuống' },
    h('h2', null, 'Tải xuống'),
    h('ul', null, links.map((l) => h('li', null, h('a', { href: l.url, download: true }, l.label)))),
  );
}
