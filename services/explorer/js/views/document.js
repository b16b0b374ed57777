// The document page: header and status on a date, what ended it, the relation diagram, the
// supersession timeline, every relation with its evidence, and the text.
import { gql } from '../api.js';
import { h, replace } from '../dom.js';
import { name } from '../format.js';
import { BY_SYMBOL, DOCUMENT, asOfOf } from '../queries.js';
import { docHref } from '../route.js';
import { groupRelations } from '../relations.js';
import { downloadSlot } from '../downloads.js';
import { errorBox, loading } from './common.js';
import { ambiguousBlock, documentHeader, endedBlock, sameSymbolWarning } from './header.js';
import { relationsSection } from './evidence.js';
import { mountDiagram } from './diagram.js';
import { mountTimeline } from './timeline.js';
import { fullText } from './fulltext.js';
import { notFound, picker } from './symbol.js';

/** @param {HTMLElement} main @param {Record<string, string>} p @param {import('../main.js').ViewContext} ctx */
export async function renderDocument(main, p, ctx) {
  const asOf = asOfOf(p);
  const data = await gql(DOCUMENT, { id: p.doc, asOf }, ctx.signal);
  if (ctx.signal.aborted) return;
  const doc = data.document;
  if (!doc) return missing(main, p.doc, asOf, ctx);
  doc.status = doc.effect.status;
  document.title = `${name(doc)} · Lược đồ văn bản`;
  const grouped = groupRelations(doc);
  const diagram = h(
    'section',
    { class: 'panel diagram', id: 'diagram', 'aria-labelledby': 'diagram-title' },
    h('h2', { id: 'diagram-title' }, 'Lược đồ quan hệ'),
    h('div', { class: 'diagram-body' }, loading('Đang vẽ lược đồ…')),
  );
  const timeline = h(
    'section',
    { class: 'panel timeline', id: 'timeline', 'aria-labelledby': 'timeline-title' },
    h('h2', { id: 'timeline-title' }, 'Dòng thời gian thay thế'),
    h('div', { class: 'timeline-body' }),
  );
  replace(
    main,
    sameSymbolWarning(doc),
    documentHeader(doc, asOf),
    ambiguousBlock(doc),
    endedBlock(doc),
    grouped.length ? diagram : null,
    timeline,
    relationsSection(grouped, doc),
    downloadSlot({ view: 'document', params: p, id: doc.id }),
    fullText(doc),
  );
  if (grouped.length) {
    mountDiagram(diagram, doc, grouped, ctx.navigate).catch((err) => {
      console.error(err);
      replace(/** @type {HTMLElement} */ (diagram.querySelector('.diagram-body')), errorBox('Không vẽ được lược đồ', /** @type {Error} */ (err).message, null, null, 'h3'));
    });
  }
  await mountTimeline(timeline, doc.id, asOf, ctx.signal);
}

/** No document has this id: if it is a symbol, offer the documents that carry it. @param {HTMLElement} main @param {string} id @param {string|undefined} asOf @param {import('../main.js').ViewContext} ctx */
async function missing(main, id, asOf, ctx) {
  const data = await gql(BY_SYMBOL, { symbol: id.replace(/\?$/, ''), asOf }, ctx.signal);
  if (ctx.signal.aborted) return;
  const docs = data.documentsBySymbol;
  if (docs.length === 1) return ctx.navigate(docHref(docs[0].id), true);
  if (docs.length > 1) return replace(main, picker(docs[0].symbol, docs, asOf));
  document.title = 'Không tìm thấy văn bản';
  replace(main, notFound(`Không có văn bản nào có mã “${id}”.`, id));
}
