// Boot and routing: the URL decides the view; links and forms inside the page navigate without
// reloading, and Back/Forward work.
import { ApiError } from './api.js';
import { h, replace } from './dom.js';
import { parse, href } from './route.js';
import { errorBox, loading } from './views/common.js';
import { renderSearch } from './views/search.js';
import { renderSymbol } from './views/symbol.js';
import { renderDocument } from './views/document.js';

/** @typedef {{signal: AbortSignal, navigate: (url: string, replace?: boolean) => void}} ViewContext */

const VIEWS = { search: renderSearch, symbol: renderSymbol, document: renderDocument };
const main = /** @type {HTMLElement} */ (document.getElementById('main'));
const box = /** @type {HTMLInputElement} */ (document.getElementById('q'));
/** @type {AbortController | null} */
let running = null;

/** @param {boolean} moveFocus  true after a navigation inside the page */
async function render(moveFocus) {
  running?.abort();
  const controller = new AbortController();
  running = controller;
  const route = parse(location.search);
  if (document.activeElement !== box) box.value = route.params.q ?? '';
  main.setAttribute('aria-busy', 'true');
  replace(main, loading());
  /** @type {ViewContext} */
  const ctx = { signal: controller.signal, navigate };
  try {
    await VIEWS[route.view](main, route.params, ctx);
  } catch (err) {
    if (controller.signal.aborted) return;
    const message = err instanceof ApiError ? err.message : `Lỗi không mong đợi: ${/** @type {Error} */ (err).message}`;
    replace(main, errorBox('Không tải được trang này', message, () => render(true), h('p', null, h('a', { href: '/' }, 'Về trang tìm kiếm'))));
    if (!(err instanceof ApiError)) console.error(err); // a bug, not the server saying no
  } finally {
    if (running === controller) main.removeAttribute('aria-busy');
  }
  if (moveFocus && !controller.signal.aborted) /** @type {HTMLElement | null} */ (main.querySelector('.view-heading'))?.focus({ preventScroll: false });
}

/** @param {string} url @param {boolean} [replaceState] */
function navigate(url, replaceState = false) {
  if (url === location.pathname + location.search && !replaceState) return void render(true);
  history[replaceState ? 'replaceState' : 'pushState'](null, '', url);
  window.scrollTo(0, 0);
  render(true);
}

// Same-page links navigate in place; new tabs, downloads and other paths are left to the browser.
document.addEventListener('click', (event) => {
  const a = /** @type {HTMLElement} */ (event.target).closest?.('a');
  if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  if (a.target || a.hasAttribute('download') || a.origin !== location.origin || a.pathname !== '/') return;
  event.preventDefault();
  navigate(a.pathname + a.search);
});

document.addEventListener('navigate', (event) => navigate(/** @type {CustomEvent<string>} */ (event).detail));

// The header box searches, keeping the filters already chosen.
document.getElementById('search-form')?.addEventListener('submit', (event) => {
  event.preventDefault();
  const { view, params } = parse(location.search);
  const keep = view === 'search' ? { type: params.type, issuer: params.issuer, year: params.year, inEffectOn: params.inEffectOn } : {};
  navigate(href({ ...keep, q: box.value.trim() }));
});

window.addEventListener('popstate', () => render(true));
render(false);
