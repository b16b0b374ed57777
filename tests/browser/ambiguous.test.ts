// Ambiguous references and curated relations, as the loader and the API make them: a plan that
// names "Nghị quyết số 08-NQ/TU" with no date or issuer (two documents carry it), loaded with the
// sample corpus; then a person adds a relation through the API's mutation.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPaths } from '../../graph-loaders/load.js';
import { SAMPLE_CORPUS_DIR } from '../../services/paths.js';
import { AS_OF, NEW08, OLD08, WRITE_TOKEN, browserAvailable, launchBrowser, params, screenshot, startExplorer, type Browser, type Explorer } from './support.js';

// Globals of the page, for code that page.evaluate runs there (the project is typed for Node, without the DOM lib).
declare const window: any;
type HTMLAnchorElement = any;

const PLAN = '15-KH/TU@2024-03-10';
const AMBIGUOUS = '08-NQ/TU?';
const PLAN_TEXT = `ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG
THÀNH ỦY
*
Số 15-KH/TU

ĐẢNG CỘNG SẢN VIỆT NAM
Hải Phòng, ngày 10 tháng 3 năm 2024

KẾ HOẠCH
rà soát các nghị quyết chuyên đề

Ban Thường vụ Thành ủy đề nghị các cơ quan rà soát việc thực hiện Nghị quyết số 08-NQ/TU và báo cáo kết quả.

T/M BAN THƯỜNG VỤ
`;

describe.skipIf(!browserAvailable())('ambiguous references and curation (Chromium)', () => {
  let server: Explorer;
  let browser: Browser;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cg-plan-'));

  beforeAll(async () => {
    writeFileSync(path.join(dir, 'ke-hoach-15-KH-TU.txt'), PLAN_TEXT);
    server = await startExplorer(async (store) => {
      const summary = await loadPaths([SAMPLE_CORPUS_DIR, dir], store);
      expect(summary.ambiguous).toBe(1);
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows an ambiguous reference as such, with its candidates, in the list and the diagram', async () => {
    const page = await browser.page();
    await page.goto(`${server.url}/?doc=${encodeURIComponent(PLAN)}&asOf=${AS_OF}`);
    const relation = page.locator(`.rel-cites .relation[data-relation="${PLAN}|CITES|${AMBIGUOUS}"]`);
    await relation.waitFor();
    expect(await relation.locator('.relation-head .doc-link').innerText()).toBe('08-NQ/TU (chưa xác định)');
    const note = relation.locator('.ambiguous-note');
    expect(await note.innerText()).toContain('Tham chiếu chưa xác định.');
    const candidates = await note.locator('a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('doc')));
    expect(candidates).toEqual([OLD08, NEW08]);
    expect(await relation.locator('figcaption').innerText()).toContain('chưa xác định được: nhiều văn bản cùng số hiệu');

    await page.locator('.diagram-canvas[data-ready]').waitFor();
    const node = await page.evaluate((id) => {
      const n = (window as any).explorerDiagram.$id(id);
      return { ambiguous: n.hasClass('ambiguous'), label: n.data('label'), border: n.style('border-style') };
    }, `cites|${AMBIGUOUS}`);
    expect(node).toEqual({ ambiguous: true, label: '08-NQ/TU?\nnhiều văn bản', border: 'double' });
    await screenshot(page.locator('#relations'), 'ambiguous-relations');
    await screenshot(page.locator('#diagram'), 'ambiguous-diagram');

    // The reference itself, opened: what it may name.
    await relation.locator('.relation-head .doc-link').click();
    await expect.poll(() => params(page).get('doc')).toBe(AMBIGUOUS);
    const block = page.locator('main > .panel .ambiguous-note');
    await block.waitFor();
    expect(await block.locator('a').count()).toBe(2);
    expect(browser.errors).toEqual([]);
  });

  it('tells a curated relation from one the loader found', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${WRITE_TOKEN}` },
      body: JSON.stringify({
        query: `mutation($from: ID!, $to: ID!) { addRelation(from: $from, to: $to, type: IMPLEMENTS, reason: "Kế hoạch rà soát nghị quyết năm 2023", quote: "rà soát việc thực hiện Nghị quyết số 08-NQ/TU") { id curated } }`,
        variables: { from: PLAN, to: NEW08 },
      }),
    });
    expect(((await res.json()) as { data: { addRelation: unknown } }).data.addRelation).toEqual({ id: `${PLAN}|IMPLEMENTS|${NEW08}`, curated: true });

    const page = await browser.page();
    await page.goto(`${server.url}/?doc=${encodeURIComponent(PLAN)}&asOf=${AS_OF}`);
    const curated = page.locator(`.rel-implements .relation[data-relation="${PLAN}|IMPLEMENTS|${NEW08}"]`);
    await curated.waitFor();
    expect(await curated.locator('.tag-curated').innerText()).toBe('có biên tập');
    const caption = await curated.locator('figcaption').innerText();
    expect(caption).toMatch(/^Người biên tập thêm · lan, \d\d\/\d\d\/\d{4} · lý do: Kế hoạch rà soát nghị quyết năm 2023/);
    expect(await curated.locator('blockquote').innerText()).toBe('“rà soát việc thực hiện Nghị quyết số 08-NQ/TU”');
    const found = page.locator(`.rel-cites .relation[data-relation="${PLAN}|CITES|${AMBIGUOUS}"] figcaption`);
    expect(await found.innerText()).toMatch(/^Máy nạp tìm thấy · trích từ 15-KH\/TU/);
    await screenshot(page.locator('#relations'), 'curated-relations');
    expect(browser.errors).toEqual([]);
  });
});
