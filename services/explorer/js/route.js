// Every view is a URL a reader can share: the query string holds the whole state.
//   /?q=nghi+quyet+08&type=…&issuer=…&year=2013&inEffectOn=2026-01-01&after=<cursor>   search
//   /?doc=<id>&asOf=2026-11-22                                                          document
//   /?symbol=08-NQ/TU                                                                   pick among same-symbol documents
// `asOf` (the date statuses are judged on) travels with every link.

export const SEARCH_KEYS = ['q', 'type', 'issuer', 'year', 'inEffectOn', 'after'];

/** @typedef {{view: 'search'|'document'|'symbol', params: Record<string, string>}} Route */

/** @param {string} search  location.search @returns {Route} */
export function parse(search) {
  /** @type {Record<string, string>} */
  const params = {};
  for (const [key, value] of new URLSearchParams(search)) if (value.trim()) params[key] = value.trim();
  const view = params.doc ? 'document' : params.symbol ? 'symbol' : 'search';
  return { view, params };
}

/** A same-page URL for these parameters, keeping the reader's asOf unless overridden. @param {Record<string, string|null|undefined>} params */
export function href(params) {
  const current = parse(location.search).params;
  const all = { asOf: current.asOf, ...params };
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(all)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `/?${text}` : '/';
}

export const docHref = (/** @type {string} */ id) => href({ doc: id });
export const symbolHref = (/** @type {string} */ symbol) => href({ symbol });
