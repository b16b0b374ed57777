// Reachable by keyboard, usable on a phone, readable contrast, loading and error states shown
// (never a blank page), and the same-symbol picker.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { lowContrast } from './contrast.js';
import { AS_OF, KL96, NEW08, NQ45, OLD08, browserAvailable, params, screenshot, useExplorer } from './support.js';

// Globals of the page, for code that page.evaluate runs there (the project is typed for Node, without the DOM lib).
declare const document: any, window: any;
type HTMLElement = any;

const PHONE = { width: 390, height: 844 };

/** Tab until `test` holds for the focused element, at most `max` times; the elements passed on the way. */
async function tabUntil(page: Page, selector: string, max = 40): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return true;
  }
  return false;
}

describe.skipIf(!browserAvailable())('access: keyboard, phone, contrast, errors (Chromium)', () => {
  const ctx = useExplorer();

  it('reaches the search box, the results, the diagram and the relation links by keyboard', async () => {
    const page = await ctx.browser.page();
    await page.goto(`${ctx.server.url}/?asOf=${AS_OF}`);
    await page.locator('.results-count').waitFor();
    expect(await tabUntil(page, '.skip-link', 1)).toBe(true);
    expect(await tabUntil(page, '#q', 2)).toBe(true);
    await page.keyboard.type('nghi quyet 45');
    await page.keyboard.press('Enter');
    await expect.poll(() => params(page).get('q')).toBe('nghi quyet 45');
    await page.locator(`article[data-id="${NQ45}"]`).waitFor();
    // Focus moved to the results heading; the next stops include the result links.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('view-heading'))).toBe(true);
    expect(await tabUntil(page, `article[data-id="${NQ45}"] a.doc-link`)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => params(page).get('doc')).toBe(NQ45);
    await page.locator('.diagram-canvas[data-ready]').waitFor();
    expect(await tabUntil(page, '.diagram-canvas')).toBe(true);
    expect(await tabUntil(page, '#relations a.doc-link')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('96-KL/TW');
    await page.keyboard.press('Enter');
    await expect.poll(() => params(page).get('doc')).toBe(KL96);
    expect(ctx.browser.errors).toEqual([]);
  });

  it('fits a phone screen: no sideways scrolling, the diagram stacked', async () => {
    const page = await ctx.browser.page(PHONE);
    await page.goto(`${ctx.server.url}/?q=nghi+quyet+08&asOf=${AS_OF}`);
    await page.locator(`article[data-id="${OLD08}"]`).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'phone-search');

    await page.goto(`${ctx.server.url}/?doc=${encodeURIComponent(OLD08)}&asOf=${AS_OF}`);
    await page.locator('.diagram-canvas[data-ready]').waitFor();
    await page.locator('#timeline .timeline-body[data-ready]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const fit = await page.evaluate(() => {
      const cy = (window as any).explorerDiagram;
      const box = cy.elements().renderedBoundingBox();
      return { left: box.x1, right: box.x2, width: cy.width(), hiddenEdges: cy.edges('.hidden').length, edges: cy.edges().length };
    });
    expect(fit.left).toBeGreaterThanOrEqual(0);
    expect(fit.right).toBeLessThanOrEqual(fit.width);
    expect(fit.hiddenEdges).toBe(fit.edges); // stacked: the box titles carry the relation
    await screenshot(page.locator('#diagram'), 'phone-diagram');
    await screenshot(page.locator('#timeline'), 'phone-timeline');
    expect(ctx.browser.errors).toEqual([]);
  });

  it('has readable contrast on the search and document pages', async () => {
    const page = await ctx.browser.page();
    await page.goto(`${ctx.server.url}/?q=nghi+quyet+08&asOf=${AS_OF}`);
    await page.locator(`article[data-id="${OLD08}"]`).waitFor();
    expect(await lowContrast(page)).toEqual([]);
    await page.goto(`${ctx.server.url}/?doc=${encodeURIComponent(OLD08)}&asOf=${AS_OF}`);
    await page.locator('#timeline .timeline-body[data-ready]').waitFor();
    await page.locator('.diagram-canvas[data-ready]').waitFor();
    await page.locator('.reasons summary').click();
    expect(await lowContrast(page)).toEqual([]);
    // The check itself sees grey on white (2.8:1).
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p style="color:#999">mờ quá</p>'));
    expect((await lowContrast(page)).map((f) => f.text)).toEqual(['mờ quá']);
    expect(ctx.browser.errors).toEqual([]);
  });

  it('says so when a document does not exist', async () => {
    const page = await ctx.browser.page();
    await page.goto(`${ctx.server.url}/?doc=no-such-document`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.locator('h1').innerText()).toBe('Không tìm thấy văn bản');
    expect(await alert.innerText()).toContain('Không có văn bản nào có mã “no-such-document”.');
    expect(await alert.locator('a').getAttribute('href')).toBe('/?q=no-such-document');
    await screenshot(page, 'not-found');
    expect(ctx.browser.errors).toEqual([]);
  });

  it('shows loading, then an error with a retry when the API fails, and recovers', async () => {
    const page = await ctx.browser.page();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/graphql', async (route) => {
      await held;
      await route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ errors: [{ message: 'store unavailable' }] }) });
    });
    await page.goto(`${ctx.server.url}/?q=nghi+quyet+08`);
    await page.locator('main .loading[role=status]').waitFor();
    expect(await page.locator('main').getAttribute('aria-busy')).toBe('true');
    release();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('store unavailable');
    await page.unroute('**/graphql');

    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await alert.getByRole('button', { name: 'Thử lại' }).click();
    await page.getByRole('alert').getByText('Không kết nối được máy chủ').waitFor();
    await page.unroute('**/graphql');
    await page.getByRole('alert').getByRole('button', { name: 'Thử lại' }).click();
    await page.locator(`article[data-id="${OLD08}"]`).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('lets the reader pick between the two documents that carry 08-NQ/TU', async () => {
    const page = await ctx.browser.page();
    for (const url of [`/?doc=08-NQ/TU&asOf=${AS_OF}`, `/?symbol=08-nq/tu&asOf=${AS_OF}`]) {
      await page.goto(ctx.server.url + url);
      await page.locator('.symbol-picker').waitFor();
      expect(await page.locator('.symbol-picker h1').innerText()).toBe('2 văn bản khác nhau mang số hiệu 08-NQ/TU');
      const ids = await page.locator('.symbol-picker article').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id));
      expect(ids).toEqual([OLD08, NEW08]);
    }
    await screenshot(page, 'same-symbol');
    await page.locator(`.symbol-picker article[data-id="${NEW08}"] a.doc-link`).click();
    await expect.poll(() => params(page).get('doc')).toBe(NEW08);
    const warning = page.locator('.same-symbol');
    expect(await warning.innerText()).toContain('2 văn bản khác nhau mang số hiệu 08-NQ/TU.');
    expect(await warning.locator('a').getAttribute('href')).toBe(`/?asOf=${AS_OF}&doc=${encodeURIComponent(OLD08)}`);
    // One document under a symbol: straight to it.
    await page.goto(`${ctx.server.url}/?symbol=96-KL/TW`);
    await expect.poll(() => params(page).get('doc')).toBe(KL96);
    expect(ctx.browser.errors).toEqual([]);
  });
});
