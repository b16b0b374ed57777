// Resolution does not depend on the order files arrive in: loading the sample corpus file by file,
// forwards or backwards, gives the same graph as loading it at once, in both stores.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPaths } from '../../graph-loaders/load.js';
import { SAMPLE_CORPUS_DIR } from '../../services/paths.js';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import type { Store } from '../../services/store/port.js';
import { comparable } from '../support/fixtures.js';
import { closeNeo4j, freshNeo4j, neo4jConfig } from '../support/neo4j.js';

const dirs: string[] = [];
afterAll(async () => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  await closeNeo4j();
});
const files = readdirSync(SAMPLE_CORPUS_DIR).sort().map((f) => path.join(SAMPLE_CORPUS_DIR, f));

async function embedded(): Promise<Store> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cg-order-'));
  dirs.push(dir);
  return EmbeddedStore.open({ dataDir: dir });
}

async function graphAfter(fresh: () => Promise<Store>, order: string[][]) {
  const store = await fresh();
  for (const group of order) await loadPaths(group, store);
  const dump = comparable(await store.dump());
  await store.close();
  return dump;
}

for (const [name, fresh] of [
  ['embedded', embedded],
  ['neo4j', neo4jConfig() ? freshNeo4j : null],
] as const) {
  describe.skipIf(!fresh)(`load order: ${name}`, () => {
    it('gives one graph whatever order the files come in', async () => {
      const atOnce = await graphAfter(fresh!, [files]);
      const forwards = await graphAfter(fresh!, files.map((f) => [f]));
      const backwards = await graphAfter(fresh!, [...files].reverse().map((f) => [f]));
      expect(forwards.documents.map((d) => d.id)).toEqual(atOnce.documents.map((d) => d.id));
      expect(forwards).toEqual(atOnce);
      expect(backwards).toEqual(atOnce);
      // the short form "Nghị quyết số 35 của Quốc hội" meets 35/2021/QH15 whichever file came first
      const short = atOnce.evidence.filter((e) => e.to === '35/2021/QH15@2021-11-13' && e.toHow !== 'dated');
      expect(short.length).toBeGreaterThan(0);
    });
  });
}
