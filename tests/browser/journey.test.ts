// The journey in a real browser over the sample corpus: search "nghi quyet 08", see the
// two documents that carry 08-NQ/TU, open the 2013 one, see it SUPERSEDED by the 2026 conclusion
// with the quote, click through to that conclusion, and see the timeline.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AS_OF, NEW08, OLD08, STOP, browserAvailable, params, screenshot, useExplorer } from './support.js';

// Globals of the page, for code that page.evaluate runs there (the project is typed for Node, without the DOM lib).
declare const window: any;
type HTMLElement = any;
type HTMLAnchorElement = any;

describe.skipIf(!browserAvailable())('explorer journey (Chromium)', () => {
  const ctx = useExplorer();

  it('finds 08-NQ/TU by "nghi quyet 08", shows it ended with cause and quote, links the cause, and draws the timeline', async () => {
    const page = await ctx.browser.page();
    await page.goto(`${ctx.server.url}/?asOf=${AS_OF}`);
    await page.getByRole('searchbox', { name: 'Tìm văn bản' }).fill('nghi quyet 08');
    await page.keyboard.press('Enter');

    // Search: the two documents that carry 08-NQ/TU, told apart by date, with status badges.
    const old08 = page.locator(`article[data-id="${OLD08}"]`);
    const new08 = page.locator(`article[data-id="${NEW08}"]`);
    await expect.poll(() => old08.count()).toBe(1);
    expect(params(page).get('q')).toBe('nghi quyet 08');
    expect(params(page).get('asOf')).toBe(AS_OF);
    expect(await new08.count()).toBe(1);
    expect(await old08.locator('.doc-meta').innerText()).toContain('16/05/2013');
    expect(await new08.locator('.doc-meta').innerText()).toContain('06/12/2022');
    expect(await old08.locator('.badge').getAttribute('data-status')).toBe('SUPERSEDED');
    expect(await new08.locator('.badge').getAttribute('data-status')).toBe('IN_EFFECT');
    expect(await page.locator('.results .warning').innerText()).toContain('2 văn bản khác nhau mang số hiệu 08-NQ/TU');
    await screenshot(page, 'search');

    // Open the 2013 one: SUPERSEDED, ended by the 2026 conclusion, with its sentence.
    await old08.locator('a.doc-link').click();
    await page.locator('.doc-header h1').waitFor();
    expect(params(page).get('doc')).toBe(OLD08);
    expect(await page.locator('.doc-header h1').innerText()).toBe('08-NQ/TU');
    expect(await page.locator('.status-line .badge').getAttribute('data-status')).toBe('SUPERSEDED');
    expect(await page.locator('.status-line .status-code').innerText()).toBe('SUPERSEDED');
    expect(await page.locator('.same-symbol').innerText()).toContain('06/12/2022');
    const cause = page.locator('.ended .cause');
    expect(await cause.count()).toBe(1);
    expect(await cause.locator('.cause-line').innerText()).toMatch(/^Dừng thực hiện bởi Kết luận không số · Kết luận · Ban Chấp hành Đảng bộ thành phố Hải Phòng · không sớm hơn 11\/02\/2026/);
    const quotes = await cause.locator('blockquote').allInnerTexts();
    expect(quotes.some((q) => q.includes('dừng thực hiện Kết luận số 312-KL/TU, ngày 15/02/2024 và Nghị quyết số 08-NQ/TU, ngày 16/5/2013'))).toBe(true);
    expect(await cause.locator('figcaption').first().innerText()).toContain('Máy nạp tìm thấy');

    // The diagram: this document in the centre, its neighbours grouped by relation and direction.
    await page.locator('.diagram-canvas[data-ready]').waitFor();
    const groups = await page.evaluate(() => (window as any).explorerDiagram.nodes('.group').map((n: any) => n.id()));
    expect(groups).toEqual(['g:replaced-by', 'g:cited-by']);
    await screenshot(page.locator('#diagram'), 'diagram');

    // The timeline: 2013 then the conclusion, the step between them with its quote.
    const timeline = page.locator('#timeline');
    await timeline.locator('.timeline-body[data-ready]').waitFor();
    expect(await timeline.locator('.chain-doc').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id))).toEqual([OLD08, STOP]);
    expect(await timeline.locator('.chain-step .step-line').innerText()).toBe('Kết luận không số dừng thực hiện 08-NQ/TU');
    expect(await timeline.locator('.marker').count()).toBe(2);
    await screenshot(timeline, 'timeline');

    // Click through to the cause.
    await cause.locator('a.cause-link').click();
    await expect.poll(() => params(page).get('doc')).toBe(STOP);
    await page.locator('.doc-header h1').waitFor();
    expect(await page.locator('.doc-header h1').innerText()).toBe('Kết luận không số');
    expect(await page.locator('.doc-header .title').innerText()).toContain('về việc dừng thực hiện Kết luận số 312-KL/TU');
    expect(await page.locator('.status-line .badge').getAttribute('data-status')).toBe('IN_EFFECT');
    await page.locator('#timeline .timeline-body[data-ready]').waitFor();
    const chain = await page.locator('#timeline .chain-doc').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id));
    expect(chain).toContain(OLD08);
    expect(chain[chain.length - 1]).toBe(STOP);
    await page.locator('.diagram-canvas[data-ready]').waitFor();
    await screenshot(page, 'conclusion');

    // Back returns to the 2013 document: every view is a URL.
    await page.goBack();
    await expect.poll(() => params(page).get('doc')).toBe(OLD08);
    await page.locator('.status-line .badge[data-status="SUPERSEDED"]').waitFor();
    expect(ctx.browser.errors).toEqual([]);
  });

  it('judges status on the date the reader picks', async () => {
    const page = await ctx.browser.page();
    await page.goto(`${ctx.server.url}/?doc=${encodeURIComponent(OLD08)}&asOf=${AS_OF}`);
    await page.locator('.status-line .badge[data-status="SUPERSEDED"]').waitFor();
    await page.locator('.reasons summary').click();
    // One reason per relation, though the conclusion asserts the ending twice (title and body).
    expect(await page.locator('.reasons li').allInnerTexts()).toEqual(['Ban hành ngày 16/05/2013.', 'Hết hiệu lực toàn bộ sớm nhất từ 11/02/2026 (ngày ước tính) theo Kết luận không số.']);
    await page.locator('#asof').fill('2025-06-01');
    await page.locator('.asof-form button').click();
    await page.locator('.status-line .badge[data-status="IN_EFFECT"]').waitFor();
    expect(params(page).get('asOf')).toBe('2025-06-01');
    expect(await page.locator('.ended').count()).toBe(0);
    await page.locator('.reasons summary').click();
    expect(await page.locator('.reasons li').allInnerTexts()).toEqual(['Ban hành ngày 16/05/2013.', 'Sẽ hết hiệu lực sớm nhất từ 11/02/2026 (ngày ước tính) theo Kết luận không số.']);
    expect(ctx.browser.errors).toEqual([]);
  });

  it('filters by type, issuer, year and in-effect date, each in the URL', async () => {
    const page = await ctx.browser.page();
    await page.goto(`${ctx.server.url}/?q=nghi+quyet+08&asOf=${AS_OF}`);
    await page.locator('.results-count').waitFor();
    await page.locator('#f-year').fill('2013');
    await page.locator('.filters button[type=submit]').click();
    await expect.poll(() => params(page).get('year')).toBe('2013');
    await expect.poll(() => page.locator('.result-list article').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id))).toEqual([OLD08]);

    await page.goto(`${ctx.server.url}/?q=nghi+quyet+08&inEffectOn=${AS_OF}`);
    await page.locator('.results-count').waitFor();
    const ids = await page.locator('.result-list article').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id));
    expect(ids).toContain(NEW08);
    expect(ids).not.toContain(OLD08);

    await page.goto(`${ctx.server.url}/`);
    await page.locator('#f-type').selectOption('Kết luận');
    await expect.poll(() => params(page).get('type')).toBe('Kết luận');
    await page.locator('#f-issuer').fill('bo chinh tri');
    await page.locator('.filters button[type=submit]').click();
    await expect.poll(() => params(page).get('issuer')).toBe('bo chinh tri');
    const found = await page.locator('.result-list article .doc-meta').allInnerTexts();
    expect(found.length).toBeGreaterThan(0);
    for (const meta of found) expect(meta).toMatch(/^Kết luận · Bộ Chính trị/);
    expect(ctx.browser.errors).toEqual([]);
  });

  it('offers the exports as downloads: this document on its page, the whole graph on the search page', async () => {
    const page = await ctx.browser.page();
    await page.goto(`${ctx.server.url}/?doc=${encodeURIComponent(OLD08)}&asOf=${AS_OF}`);
    const link = page.locator('.downloads a', { hasText: 'Văn bản này (ELI JSON-LD)' });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('08-NQ_TU_2013-05-16.jsonld');
    const eli = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(eli['@graph']).toEqual([expect.objectContaining({ id_local: '08-NQ/TU', date_document: '2013-05-16', in_force: 'InForce-notInForce', status: 'SUPERSEDED', statusOn: AS_OF })]);

    await page.goto(`${ctx.server.url}/?q=nghi+quyet+08&asOf=${AS_OF}`);
    // the links are drawn after the page's script runs: wait for them, not for the navigation alone
    await expect.poll(() => page.locator('.downloads a').count()).toBe(6);
    const files = await page.locator('.downloads a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
    expect(files).toEqual([
      `/export/documents.csv?asOf=${AS_OF}`,
      `/export/relations.csv?asOf=${AS_OF}`,
      '/export/curations.csv',
      `/export/eli.jsonld?asOf=${AS_OF}`,
      `/export/graph.graphml?asOf=${AS_OF}`,
      `/export/neo4j.cypher?asOf=${AS_OF}`,
    ]);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('.downloads a').first().click()]);
    const rows = readFileSync((await csv.path())!, 'utf8').split('\n');
    expect(rows[0]).toMatch(/^id,symbol,type,issuer,issuedOn,title,status,statusOn/);
    expect(rows.find((r) => r.startsWith(`${OLD08},`))).toContain(`SUPERSEDED,${AS_OF}`);
    expect(ctx.browser.errors).toEqual([]);
  });

  it('finds 45-NQ/TW without diacritics, and 96-KL/TW implements it', async () => {
    const page = await ctx.browser.page();
    await page.goto(`${ctx.server.url}/?q=nghi+quyet+45`);
    const link = page.locator('article[data-id="45-NQ/TW@2019-01-24"] a.doc-link');
    await link.click();
    await page.locator('#relations').waitFor();
    const implementedBy = page.locator('.rel-implemented-by .relation');
    expect(await implementedBy.locator('.doc-link').first().innerText()).toBe('96-KL/TW');
    expect(ctx.browser.errors).toEqual([]);
  });
});
