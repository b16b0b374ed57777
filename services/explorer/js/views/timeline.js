// The supersession timeline: the chain both ways (what this document replaced, what replaced it),
// placed on a time axis, then step by step with each step's evidence.
import { gql } from '../api.js';
import { h, replace } from '../dom.js';
import { date, name, when } from '../format.js';
import { CHAIN } from '../queries.js';
import { badge, docLink, errorBox, loading } from './common.js';
import { evidenceItem } from './evidence.js';

/** @param {HTMLElement} section @param {string} id @param {string|undefined} asOf @param {AbortSignal} signal */
export async function mountTimeline(section, id, asOf, signal) {
  const body = /** @type {HTMLElement} */ (section.querySelector('.timeline-body'));
  replace(body, loading('Đang tải dòng thời gian…'));
  let data;
  try {
    data = await gql(CHAIN, { id, asOf }, signal);
  } catch (err) {
    if (signal.aborted) return;
    return replace(body, errorBox('Không tải được dòng thời gian', /** @type {Error} */ (err).message, () => mountTimeline(section, id, asOf, signal), null, 'h3'));
  }
  if (signal.aborted || !data.document) return;
  replace(body, ...timeline(data.document));
  body.dataset.ready = 'true';
}

/** @param {any} doc */
function timeline(doc) {
  const links = doc.supersessionChain;
  if (!links.length) return [h('p', { class: 'empty' }, `Không có quan hệ thay thế nào: chưa văn bản nào thay thế, bãi bỏ hay dừng thực hiện ${name(doc)}, và nó cũng không thay thế văn bản nào.`)];
  const older = links.filter((/** @type {any} */ l) => l.direction === 'OLDER').sort((/** @type {any} */ a, /** @type {any} */ b) => b.depth - a.depth);
  const newer = links.filter((/** @type {any} */ l) => l.direction === 'NEWER').sort((/** @type {any} */ a, /** @type {any} */ b) => a.depth - b.depth);
  const items = [...older.map(item), { doc, current: true, newer: false, via: null, truncated: false }, ...newer.map(item)];
  const names = new Map(items.map((i) => [i.doc.id, i.doc]));
  return [axis(items), steps(items, names)];
}

/** @param {any} link */
function item(link) {
  return { doc: link.document, current: false, newer: link.direction === 'NEWER', via: link.via, truncated: link.truncated };
}

/** @typedef {{doc: any, current: boolean, newer: boolean, via: any, truncated: boolean}} Item */

/** Documents as markers on a line of years. @param {Item[]} items */
function axis(items) {
  const dated = items.filter((i) => when(i.doc));
  if (!dated.length) return h('p', { class: 'note' }, 'Các văn bản trong chuỗi chưa rõ ngày ban hành, nên không đặt được lên trục thời gian.');
  const at0 = (/** @type {Item} */ i) => /** @type {string} */ (when(i.doc));
  const years = dated.map((i) => Number(at0(i).slice(0, 4)));
  const first = Math.min(...years);
  const last = Math.max(...years) + 1;
  const span = Date.UTC(last, 0, 1) - Date.UTC(first, 0, 1);
  const at = (/** @type {string} */ iso) => (Date.parse(iso) - Date.UTC(first, 0, 1)) / span;
  const step = Math.max(1, Math.ceil((last - first) / 8));
  const ticks = [];
  for (let y = first; y <= last; y += step) ticks.push(h('li', { class: 'tick', style: `left:${(at(`${y}-01-01`) * 100).toFixed(2)}%` }, String(y)));
  return h(
    'div',
    { class: 'axis', role: 'img', 'aria-label': `Trục thời gian từ ${first} đến ${last}: ${dated.map((i) => `${name(i.doc)} ${date(at0(i))}`).join(', ')}` },
    h('div', { class: 'axis-line', 'aria-hidden': 'true' }),
    h('ol', { class: 'ticks', 'aria-hidden': 'true' }, ticks),
    h(
      'ol',
      { class: 'markers', 'aria-hidden': 'true' },
      dated.map((i, n) =>
        h(
          'li',
          { class: `marker ${n % 2 ? 'below' : 'above'} ${i.current ? 'current' : ''} ${i.doc.issuedOn ? '' : 'presumed'} status-${i.doc.status}`, style: `left:${(at(at0(i)) * 100).toFixed(2)}%` },
          h('span', { class: 'dot' }),
          h('span', { class: 'marker-label' }, name(i.doc), h('br'), i.doc.issuedOn ? date(i.doc.issuedOn) : `≥ ${date(i.doc.issuedNotBefore)}`),
        ),
      ),
    ),
  );
}

/** The chain as a list, oldest first, each step (with its evidence) between the two documents it joins. @param {Item[]} items @param {Map<string, any>} names */
function steps(items, names) {
  const out = [];
  for (const i of items) {
    const step = i.via ? stepItem(i.via, names) : null;
    if (i.newer) out.push(step); // it replaced the one before it
    out.push(
      h(
        'li',
        { class: `chain-doc ${i.current ? 'current' : ''}`, dataset: { id: i.doc.id } },
        h('span', { class: 'chain-date' }, i.doc.issuedOn ? date(i.doc.issuedOn) : i.doc.issuedNotBefore ? `≥ ${date(i.doc.issuedNotBefore)}` : 'chưa rõ ngày'),
        h('div', { class: 'chain-body' }, i.current ? h('strong', null, name(i.doc), ' (đang xem)') : docLink(i.doc), ' ', badge(i.doc.status), i.doc.title ? h('p', { class: 'doc-title' }, i.doc.title) : null, i.truncated ? h('p', { class: 'note' }, 'Chuỗi còn tiếp: mở văn bản này để xem tiếp.') : null),
      ),
    );
    if (!i.newer) out.push(step); // the one after it replaced it
  }
  return h('ol', { class: 'chain' }, out);
}

/** @param {any} via @param {Map<string, any>} names */
function stepItem(via, names) {
  const from = names.get(via.from.id) ?? via.from;
  const to = names.get(via.to.id) ?? via.to;
  return h(
    'li',
    { class: 'chain-step', dataset: { from: via.from.id, to: via.to.id } },
    h('p', { class: 'step-line' }, `${name(from)} `, h('strong', null, via.kind ?? 'thay thế'), via.scope ? ` (${via.scope})` : '', ` ${name(to)}`),
    via.evidence.map(evidenceItem),
  );
}
