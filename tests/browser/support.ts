// Browser tests: a real server on a free port over an embedded store, and Debian's Chromium driven
// by playwright-core. Without /usr/bin/chromium the suites are skipped, unless REQUIRE_BROWSER is
// set (CI), where that is a failure with a message saying what to install.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { loadPaths } from '../../graph-loaders/load.js';
import { loadConfig } from '../../services/config.js';
import { PROJECT_ROOT, SAMPLE_CORPUS_DIR } from '../../services/paths.js';
import { buildServer } from '../../services/server.js';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import type { Store } from '../../services/store/port.js';

// Globals of the page, for code that page.evaluate runs there (the project is typed for Node, without the DOM lib).
declare const window: any, requestAnimationFrame: any;
type HTMLElement = any;

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.join(PROJECT_ROOT, 'test-artifacts', 'screenshots');
export const WRITE_TOKEN = 'browser-test-token-0123456789';
/** The date the sample corpus's statuses are asked on: after the 2026 conclusion stopped 08-NQ/TU of 2013. */
export const AS_OF = '2026-11-22';
export const OLD08 = '08-NQ/TU@2013-05-16';
export const NEW08 = '08-NQ/TU@2022-12-06';
export const STOP = 'ket-luan:ban-chap-hanh-dang-bo-thanh-pho-hai-phong@ve-viec-dung-thuc-hien-ket-luan-so-312-kl-tu-ngay-15-02-2024';
export const KL96 = '96-KL/TW@2024-09-30';
export const NQ45 = '45-NQ/TW@2019-01-24';

/** True when the browser can run; throws when it must run and cannot. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.REQUIRE_BROWSER && !/^(0|false|no)$/i.test(process.env.REQUIRE_BROWSER)) {
    throw new Error(`REQUIRE_BROWSER is set but ${CHROMIUM} is missing: install it with "apt-get install chromium" (.ci/run does).`);
  }
  return false;
}

export interface Explorer {
  url: string;
  store: Store;
  close(): Promise<void>;
}

/** A real server on 127.0.0.1:<free port>; the store holds the sample corpus unless `fill` says otherwise. */
export async function startExplorer(fill?: (store: Store) => Promise<void>): Promise<Explorer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cg-browser-'));
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '0', API_TOKENS: `lan=${WRITE_TOKEN}` });
  const store = await EmbeddedStore.open({ dataDir: dir });
  if (fill) await fill(store);
  else {
    const summary = await loadPaths([SAMPLE_CORPUS_DIR], store);
    if (summary.errors.length) throw new Error(`sample corpus failed to load: ${JSON.stringify(summary.errors)}`);
  }
  const app = await buildServer(config, store);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Browser {
  context: BrowserContext;
  /** A new page that records script errors; `errors` must stay empty. */
  page(viewport?: { width: number; height: number }): Promise<Page>;
  errors: string[];
  close(): Promise<void>;
}

/** Chromium, headless, with a fresh profile and no background networking (the machine's network is closed). */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'cg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1280, height: 900 },
  });
  const errors: string[] = [];
  return {
    context,
    errors,
    async page(viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) errors.push(`console: ${msg.text()}`);
      });
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Save a screenshot as a test artifact: the whole page, or one element. */
export async function screenshot(target: Page | Locator, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  if ('goto' in target) await target.screenshot({ path: file, fullPage: true });
  else await target.screenshot({ path: file });
  return file;
}

/** The page's URL parameters. */
export function params(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

/** Wait until the diagram is drawn, bring a node into view, and return where it sits in the viewport. */
export async function nodeCentre(page: Page, nodeId: string): Promise<{ x: number; y: number }> {
  await page.locator('.diagram-canvas[data-ready]').waitFor();
  const found = await page.evaluate((id) => {
    const cy = (window as any).explorerDiagram;
    const node = cy.$id(id);
    if (node.empty()) return false;
    const top = (cy.container() as HTMLElement).getBoundingClientRect().top + window.scrollY;
    window.scrollTo(0, top + node.renderedPosition().y - window.innerHeight / 2);
    return true;
  }, nodeId);
  if (!found) throw new Error(`no diagram node ${nodeId}`);
  // Cytoscape learns of a scroll from the scroll event, a frame later; click only after that.
  return page.evaluate(async (id) => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const cy = (window as any).explorerDiagram;
    const p = cy.$id(id).renderedPosition();
    const box = (cy.container() as HTMLElement).getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, nodeId);
}

/** The explorer over the sample corpus and a Chromium, started once for the calling describe block. */
export function useExplorer(): { readonly server: Explorer; readonly browser: Browser } {
  const held = {} as { server: Explorer; browser: Browser };
  beforeAll(async () => {
    held.server = await startExplorer();
    held.browser = await launchBrowser();
  });
  afterAll(async () => {
    await held.browser?.close();
    await held.server?.close();
  });
  return held;
}
