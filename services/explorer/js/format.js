// How documents, dates and statuses read on the page (Vietnamese conventions: dd/mm/yyyy).

/** @typedef {{id: string, symbol?: string|null, type?: string|null, issuer?: string|null, issuedOn?: string|null, issuedNotBefore?: string|null, title?: string|null, stub?: boolean, ambiguous?: boolean, status?: string}} Doc */

export const STATUS = {
  IN_EFFECT: { vi: 'Còn hiệu lực', en: 'in effect' },
  SUPERSEDED: { vi: 'Hết hiệu lực toàn bộ', en: 'superseded' },
  PARTLY_SUPERSEDED: { vi: 'Hết hiệu lực một phần', en: 'partly superseded' },
  NOT_YET_ISSUED: { vi: 'Chưa ban hành', en: 'not yet issued' },
  NOT_YET_IN_EFFECT: { vi: 'Chưa có hiệu lực', en: 'not yet in effect' },
  EXPIRED: { vi: 'Hết thời hạn', en: 'expired' },
};

/** "2013-05-16" → "16/05/2013". @param {string|null|undefined} iso */
export function date(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The issue date as known: exact, or a lower bound. @param {Doc} doc */
export function issued(doc) {
  if (doc.issuedOn) return date(doc.issuedOn);
  if (doc.issuedNotBefore) return `không sớm hơn ${date(doc.issuedNotBefore)}`;
  return 'chưa rõ ngày';
}

/** The date a document sits at on a time axis. @param {Doc} doc */
export function when(doc) {
  return doc.issuedOn ?? doc.issuedNotBefore ?? null;
}

/** A short name: the symbol, or the type for a document printed without a number. @param {Doc} doc */
export function name(doc) {
  if (doc.symbol) return doc.ambiguous ? `${doc.symbol} (chưa xác định)` : doc.symbol;
  return `${doc.type ?? 'Văn bản'} không số`;
}

/** One line a reader can tell documents apart by. @param {Doc} doc */
export function describe(doc) {
  return [doc.type, doc.issuer, issued(doc)].filter(Boolean).join(' · ');
}

/** Today in the reader's own calendar, as YYYY-MM-DD. */
export function today() {
  const now = new Date();
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
