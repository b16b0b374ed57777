// Evidence: every relation with the words that assert it, the asserting document, and whether
// the loader found it or a person curated it. Ambiguous references show their candidates.
import { h } from '../dom.js';
import { date, describe, name } from '../format.js';
import { resolutionText } from '../relations.js';
import { badge, docLink } from './common.js';

/** One assertion: the quote, then who says it and how it was found. @param {any} ev */
export function evidenceItem(ev) {
  const provenance = ev.curated
    ? h('span', { class: 'prov prov-curated' }, 'Người biên tập thêm')
    : h('span', { class: 'prov prov-loader' }, 'Máy nạp tìm thấy');
  return h(
    'figure',
    { class: 'evidence' },
    h('blockquote', { lang: 'vi' }, `“${ev.quote.replace(/\s+/g, ' ').trim()}”`),
    h(
      'figcaption',
      null,
      provenance,
      ev.source ? [' · trích từ ', docLink(ev.source), ev.source.issuedOn || ev.source.issuedNotBefore ? ` (${describeDate(ev.source)})` : ''] : null,
      ev.curated
        ? [ev.author ? ` · ${ev.author}` : '', ev.at ? `, ${date(ev.at.slice(0, 10))}` : '', ev.reason ? ` · lý do: ${ev.reason}` : '']
        : h('span', { class: 'rule' }, ` · quy tắc ${ev.rule}`),
      ev.curated ? '' : ` · ${resolutionText(ev.resolution)}`,
      ev.effectiveFrom ? ` · có hiệu lực từ ${date(ev.effectiveFrom)}` : '',
    ),
  );
}

/** @param {any} doc */
function describeDate(doc) {
  return doc.issuedOn ? date(doc.issuedOn) : `không sớm hơn ${date(doc.issuedNotBefore)}`;
}

/** The candidates of an ambiguous reference, as links. @param {any} doc */
export function candidatesNote(doc) {
  if (!doc.ambiguous) return null;
  return h(
    'div',
    { class: 'ambiguous-note', role: 'note' },
    h('strong', null, 'Tham chiếu chưa xác định. '),
    `Văn bản chỉ ghi số hiệu ${doc.symbol ?? ''} mà không ghi ngày, và ${doc.candidates.length} văn bản mang số hiệu này. Có thể là:`,
    h('ul', null, doc.candidates.map((/** @type {any} */ c) => h('li', null, docLink(c), ' ', badge(c.status), ` ${describe(c)}`, c.title ? ` · ${c.title}` : ''))),
  );
}

/** A relation as an item of the evidence list. @param {import('../relations.js').Rel} rel */
export function relationItem(rel) {
  const other = rel.other;
  return h(
    'li',
    { class: 'relation', dataset: { relation: rel.id } },
    h(
      'div',
      { class: 'relation-head' },
      docLink(other),
      ' ',
      other.ambiguous ? null : badge(other.status),
      rel.kind ? h('span', { class: 'tag' }, rel.kind) : null,
      rel.scope ? h('span', { class: 'tag' }, `phạm vi: ${rel.scope}`) : null,
      rel.curated ? h('span', { class: 'tag tag-curated' }, 'có biên tập') : null,
    ),
    h('p', { class: 'doc-meta' }, describe(other), other.title ? ` · ${other.title}` : ''),
    candidatesNote(other),
    h('p', { class: 'count' }, rel.evidence.length === 1 ? '1 trích dẫn' : `${rel.evidence.length} trích dẫn`),
    h('div', { class: 'evidence-list' }, rel.evidence.map(evidenceItem)),
  );
}

/** @param {import('../relations.js').Grouped[]} grouped @param {any} doc */
export function relationsSection(grouped, doc) {
  return h(
    'section',
    { class: 'panel', id: 'relations', 'aria-labelledby': 'relations-title' },
    h('h2', { id: 'relations-title' }, 'Quan hệ và trích dẫn'),
    grouped.length
      ? grouped.map(({ group, relations }) =>
          h(
            'section',
            { class: `rel-group rel-${group.key}`, 'aria-label': `${group.vi} (${group.en})` },
            h('h3', null, `${group.vi} `, h('span', { class: 'en' }, group.en), h('span', { class: 'n' }, ` · ${relations.length}`)),
            h('ul', { class: 'relation-list' }, relations.map(relationItem)),
          ),
        )
      : h('p', { class: 'empty' }, `Chưa biết quan hệ nào giữa ${name(doc)} và văn bản khác.`),
  );
}
