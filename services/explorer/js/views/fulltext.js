// The stored text, fetched when the reader opens it, with the sentences this document's
// evidence quotes marked where they stand.
import { gql } from '../api.js';
import { h, replace } from '../dom.js';
import { TEXT } from '../queries.js';
import { errorBox, loading } from './common.js';

/** @param {any} doc */
export function fullText(doc) {
  if (doc.stub || doc.ambiguous) return null;
  const body = h('div', { class: 'fulltext-body' });
  const details = h('details', { class: 'fulltext panel', id: 'text' }, h('summary', null, h('h2', null, 'Toàn văn')), body);
  let loaded = false;
  details.addEventListener('toggle', async () => {
    if (!details.open || loaded) return;
    loaded = true;
    replace(body, loading('Đang tải toàn văn…'));
    try {
      const data = await gql(TEXT, { id: doc.id });
      const text = data.document?.text;
      replace(body, text ? h('pre', { class: 'text', lang: 'vi' }, marked(text, ranges(doc))) : h('p', { class: 'empty' }, 'Không có toàn văn.'));
    } catch (err) {
      loaded = false;
      replace(body, errorBox('Không tải được toàn văn', /** @type {Error} */ (err).message, null, null, 'h3'));
    }
  });
  return details;
}

/** Offsets of evidence this document asserts, merged. @param {any} doc @returns {[number, number][]} */
function ranges(doc) {
  const all = [...doc.outgoing, ...doc.incoming]
    .flatMap((/** @type {any} */ r) => r.evidence)
    .filter((/** @type {any} */ e) => e.source?.id === doc.id && Number.isInteger(e.start) && Number.isInteger(e.end) && e.end > e.start)
    .map((/** @type {any} */ e) => /** @type {[number, number]} */ ([e.start, e.end]))
    .sort((a, b) => a[0] - b[0]);
  /** @type {[number, number][]} */
  const merged = [];
  for (const r of all) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/** @param {string} text @param {[number, number][]} spans */
function marked(text, spans) {
  const parts = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (start > text.length) break;
    parts.push(text.slice(at, start), h('mark', null, text.slice(start, end)));
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}
