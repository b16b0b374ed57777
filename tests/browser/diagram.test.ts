// The relation diagram in a real browser: groups by relation and direction, colours by status,
// and a click on a node (mouse or keyboard) moves the centre.
import { describe, expect, it } from 'vitest';
import { AS_OF, KL96, NQ45, OLD08, STOP, browserAvailable, nodeCentre, params, useExplorer } from './support.js';

// Globals of the page, for code that page.evaluate runs there (the project is typed for Node, without the DOM lib).
declare const document: any, window: any, getComputedStyle: any;

describe.skipIf(!browserAvailable())('relation diagram (Chromium)', () => {
  const ctx = useExplorer();

  it('colours nodes by status, dashes stubs, and points arrows the way the relation goes', async () => {
    const page = await ctx.browser.page();
    await page.goto(`${ctx.server.url}/?doc=${encodeURIComponent(OLD08)}&asOf=${AS_OF}`);
    await page.locator('.diagram-canvas[data-ready]').waitFor();
    const seen = await page.evaluate(() => {
      const cy = (window as any).explorerDiagram;
      const css = getComputedStyle(document.documentElement);
      const rgb = (hex: string) => {
        const n = parseInt(hex.trim().slice(1), 16);
        return `rgb(${n >> 16},${(n >> 8) & 255},${n & 255})`;
      };
      return {
        superseded: rgb(css.getPropertyValue('--SUPERSEDED-bg')),
        inEffect: rgb(css.getPropertyValue('--IN_EFFECT-bg')),
        centre: cy.$id('centre').style('background-color').replace(/\s/g, ''),
        edges: cy.edges().map((e: any) => `${e.source().id()}->${e.target().id()}`),
        labels: cy.nodes('.doc').map((n: any) => n.data('label')),
      };
    });
    expect(seen.centre).toBe(seen.superseded);
    expect(seen.edges).toEqual(['g:replaced-by->centre', 'g:cited-by->centre']);
    expect(seen.labels).toContain('08-NQ/TU\n16/05/2013');
    expect(seen.labels).toContain('312-KL/TU\n15/02/2024');

    const nodes = await page.evaluate((stop) => {
      const cy = (window as any).explorerDiagram;
      const pick = (id: string) => ({ bg: cy.$id(id).style('background-color').replace(/\s/g, ''), border: cy.$id(id).style('border-style'), parent: cy.$id(id).parent().id() });
      return { stop: pick(`replaced-by|${stop}`), kl312: pick('cited-by|312-KL/TU@2024-02-15') };
    }, STOP);
    expect(nodes.stop).toEqual({ bg: seen.inEffect, border: 'solid', parent: 'g:replaced-by' });
    expect(nodes.kl312).toEqual({ bg: seen.superseded, border: 'dashed', parent: 'g:cited-by' });

    // Labels drawn on the canvas are read against every status colour: at least 4.5:1.
    const ratios = await page.evaluate(() => {
      const cy = (window as any).explorerDiagram;
      const lum = (c: string) => {
        const [r, g, b] = c.match(/\d+/g)!.map(Number).map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const css = getComputedStyle(document.documentElement);
      const statuses = ['IN_EFFECT', 'SUPERSEDED', 'PARTLY_SUPERSEDED', 'NOT_YET_ISSUED', 'NOT_YET_IN_EFFECT', 'EXPIRED'];
      const label = cy.$id('centre').style('color');
      return statuses.map((s) => {
        const probe = document.createElement('span');
        probe.style.color = css.getPropertyValue(`--${s}-bg`);
        document.body.append(probe);
        const bg = getComputedStyle(probe).color;
        probe.remove();
        const [hi, lo] = [lum(label), lum(bg)].sort((a, b) => b - a);
        return (hi + 0.05) / (lo + 0.05);
      });
    });
    for (const ratio of ratios) expect(ratio).toBeGreaterThanOrEqual(4.5);
    expect(ctx.browser.errors).toEqual([]);
  });

  it('moves the centre when a node is clicked', async () => {
    const page = await ctx.browser.page();
    await page.goto(`${ctx.server.url}/?doc=${encodeURIComponent(KL96)}&asOf=${AS_OF}`);
    const target = await nodeCentre(page, `implements|${NQ45}`);
    await page.mouse.click(target.x, target.y);
    await expect.poll(() => params(page).get('doc')).toBe(NQ45);
    expect(params(page).get('asOf')).toBe(AS_OF);
    await page.locator('.doc-header h1').waitFor();
    expect(await page.locator('.doc-header h1').innerText()).toBe('45-NQ/TW');
    await nodeCentre(page, `implemented-by|${KL96}`); // and 96-KL/TW now sits among "implemented by"
    const centre = await page.evaluate(() => (window as any).explorerDiagram.$id('centre').data('docId'));
    expect(centre).toBe(NQ45);
    expect(ctx.browser.errors).toEqual([]);
  });

  it('lets the keyboard choose a node and open it', async () => {
    const page = await ctx.browser.page();
    await page.goto(`${ctx.server.url}/?doc=${encodeURIComponent(OLD08)}&asOf=${AS_OF}`);
    await page.locator('.diagram-canvas[data-ready]').waitFor();
    await page.locator('#asof').focus();
    let onCanvas = false;
    for (let i = 0; i < 40 && !onCanvas; i++) {
      await page.keyboard.press('Tab');
      onCanvas = await page.evaluate(() => document.activeElement?.classList.contains('diagram-canvas') ?? false);
    }
    expect(onCanvas).toBe(true);
    expect(await page.locator('.diagram-said').innerText()).toMatch(/^văn bản đang xem: Nghị quyết 08-NQ\/TU, 16\/05\/2013, Hết hiệu lực toàn bộ/);
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('.diagram-said').innerText()).toMatch(/^Bị thay thế, bãi bỏ bởi: Kết luận Kết luận không số/);
    await page.keyboard.press('Enter');
    await expect.poll(() => params(page).get('doc')).toBe(STOP);
    expect(ctx.browser.errors).toEqual([]);
  });
});
