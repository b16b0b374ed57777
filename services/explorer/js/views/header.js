// The document header: what it is, and its status on a date the reader picks; for an ended
// document, what ended it, in its own words, with a link to it.
import { h } from '../dom.js';
import { date, describe, issued, name, today } from '../format.js';
import { href } from '../route.js';
import { badge, docLink, heading } from './common.js';
import { candidatesNote, evidenceItem } from './evidence.js';

/** @param {any} doc @param {string|undefined} asOf */
export function documentHeader(doc, asOf) {
  const facts = [
    ['Loại văn bản', doc.type],
    ['Số hiệu', doc.symbol ?? 'không có số'],
    ['Cơ quan ban hành', doc.issuer],
    ['Ngày ban hành', issued(doc)],
    ['Có hiệu lực từ', date(doc.effectiveFrom)],
    ['Hết thời hạn', date(doc.expiresOn)],
    ['Khóa', doc.term],
    ['Nơi ban hành', doc.place ?? doc.locality],
    ['Tệp nguồn', doc.file ? doc.file.split(/[\\/]/).pop() : null],
  ].filter(([, v]) => v);
  return h(
    'header',
    { class: 'doc-header panel' },
    h('p', { class: 'eyebrow' }, doc.type ?? 'Văn bản', doc.stub ? ' · chỉ biết qua trích dẫn' : ''),
    heading('h1', name(doc)),
    doc.title ? h('p', { class: 'title' }, doc.title) : null,
    h('dl', { class: 'facts' }, facts.map(([k, v]) => h('div', null, h('dt', null, k), h('dd', null, v)))),
    doc.stub ? h('p', { class: 'note' }, 'Văn bản này chưa được nạp toàn văn: những gì biết về nó đến từ các văn bản trích dẫn nó.') : null,
    doc.ambiguous ? null : statusLine(doc, asOf),
  );
}

/** @param {any} doc @param {string|undefined} asOf */
function statusLine(doc, asOf) {
  const effect = doc.effect;
  const form = h(
    'form',
    { class: 'asof-form', onsubmit: (/** @type {SubmitEvent} */ e) => {
      e.preventDefault();
      const value = /** @type {HTMLInputElement} */ (form.querySelector('input')).value;
      form.dispatchEvent(new CustomEvent('navigate', { bubbles: true, detail: href({ doc: doc.id, asOf: value || null }) }));
    } },
    h('label', { for: 'asof' }, 'Tình trạng vào ngày'),
    h('input', { id: 'asof', name: 'asOf', type: 'date', value: effect.asOf ?? asOf ?? today(), required: true, onchange: () => form.requestSubmit() }),
    h('button', { type: 'submit' }, 'Xem'),
  );
  return h(
    'div',
    { class: 'status-block' },
    form,
    h(
      'p',
      { class: 'status-line', 'aria-live': 'polite' },
      badge(effect.status),
      ' ',
      h('code', { class: 'status-code' }, effect.status),
      ` vào ngày ${date(effect.asOf)}`,
      effect.presumed ? h('span', { class: 'presumed' }, ' · dựa trên ngày ước tính (văn bản liên quan không ghi ngày ban hành)') : null,
    ),
    reasons(doc),
  );
}

/** Why the status is what it is, one sentence per reason. @param {any} doc */
function reasons(doc) {
  const byRelation = new Map([...doc.incoming].map((r) => [r.id, r.other]));
  const seen = new Set();
  const items = [];
  for (const r of doc.effect.reasons) {
    const key = `${r.kind}|${r.date}|${r.relation?.id ?? ''}`;
    if (seen.has(key)) continue; // one relation asserted twice gives the same reason twice
    seen.add(key);
    const by = r.relation && byRelation.get(r.relation.id);
    items.push(h('li', null, reasonText(r.kind, r.date, r.presumed), by ? [' theo ', docLink(by)] : null, '.'));
  }
  return items.length ? h('details', { class: 'reasons' }, h('summary', null, 'Vì sao có tình trạng này?'), h('ul', null, items)) : null;
}

/** One reason as a sentence. @param {string} kind @param {string|null} iso @param {boolean} presumed */
function reasonText(kind, iso, presumed) {
  const d = iso ? date(iso) : 'chưa rõ ngày';
  const from = presumed ? `sớm nhất từ ${d} (ngày ước tính)` : `từ ${d}`;
  /** @type {Record<string, string>} */
  const text = {
    ISSUED: presumed ? `Ban hành không sớm hơn ${d}` : `Ban hành ngày ${d}`,
    NOT_YET_ISSUED: `Ngày xem trước ngày ban hành (${d})`,
    NOT_YET_IN_EFFECT: `Có hiệu lực ${from}`,
    ENDED: `Hết hiệu lực toàn bộ ${from}`,
    PARTLY_ENDED: `Hết hiệu lực một phần ${from}`,
    ENDS_LATER: `Sẽ hết hiệu lực ${from}`,
    AMENDED: `Được sửa đổi, bổ sung ${from}`,
    EXPIRED: `Hết thời hạn ngày ${d}; đây không phải bị bãi bỏ`,
    EXPIRES: `Thời hạn đến ${d}`,
  };
  return text[kind] ?? `${kind} ${d}`;
}

/** What ended it (wholly or partly) by the date: the document, the phrase, the quote. @param {any} doc */
export function endedBlock(doc) {
  if (!doc.endedBy.length) return null;
  const whole = doc.effect.status === 'SUPERSEDED';
  return h(
    'section',
    { class: `ended panel ${whole ? 'ended-whole' : 'ended-part'}`, 'aria-labelledby': 'ended-title' },
    h('h2', { id: 'ended-title' }, whole ? 'Văn bản này đã hết hiệu lực' : 'Một phần văn bản này đã hết hiệu lực'),
    doc.endedBy.map((/** @type {any} */ rel) =>
      h(
        'div',
        { class: 'cause', dataset: { relation: rel.id } },
        h(
          'p',
          { class: 'cause-line' },
          h('strong', null, capitalise(rel.kind ?? 'thay thế')),
          rel.scope ? ` (${rel.scope})` : '',
          ' bởi ',
          docLink(rel.from, { class: 'doc-link cause-link' }),
          ` · ${describe(rel.from)}`,
        ),
        rel.from.title ? h('p', { class: 'doc-title' }, rel.from.title) : null,
        rel.evidence.map(evidenceItem),
      ),
    ),
  );
}

/** Other documents with this symbol: say so, and link them. @param {any} doc */
export function sameSymbolWarning(doc) {
  if (!doc.sameSymbol.length) return null;
  const n = doc.sameSymbol.length + 1;
  return h(
    'div',
    { class: 'warning same-symbol', role: 'note' },
    h('strong', null, `${n} văn bản khác nhau mang số hiệu ${doc.symbol}. `),
    `Bạn đang xem văn bản ban hành ${issued(doc)}${doc.issuer ? ` của ${doc.issuer}` : ''}. Văn bản khác:`,
    h('ul', null, doc.sameSymbol.map((/** @type {any} */ d) => h('li', null, docLink(d, { class: 'doc-link' }), ` (${issued(d)}) `, badge(d.status), d.title ? ` · ${d.title}` : ''))),
  );
}

/** For an ambiguous reference opened as a page: what it may name. @param {any} doc */
export function ambiguousBlock(doc) {
  return doc.ambiguous ? h('section', { class: 'panel' }, candidatesNote(doc)) : null;
}

/** @param {string} s */
function capitalise(s) {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}
