// A tiny element builder. Text is always set as text, never parsed as HTML: titles and quotes
// come from documents and must not become markup.

/** @typedef {string | number | Node | null | undefined | false | any[]} Child  (arrays nest) */

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag  e.g. "a", "section"
 * @param {Record<string, any> | null} [attrs]  attributes; `class`, `on<event>` handlers, `dataset`
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

/** @param {Element} el @param {Child[]} children */
export function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(typeof child === 'object' ? child : String(child));
  }
}

/** Replace an element's content. @param {Element} el @param {...Child} children */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}
