// Idempotence and incremental loads, on a generated corpus through the loader (loadPaths, small
// chunks so references cross batches), for the embedded store and, when NEO4J_URI is set, Neo4j.
//  - Loading the same files twice gives the same graph: counts and the full dump (write times aside).
//  - Loading a changed file replaces what it asserted and keeps what the other files assert: the
//    result equals a clean load of the new set of files.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPaths } from '../../graph-loaders/load.js';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import type { Store } from '../../services/store/port.js';
import { comparable } from '../support/fixtures.js';
import { closeNeo4j, freshNeo4j, neo4jConfig } from '../support/neo4j.js';
import { writeCorpus } from './support/crash.js';
import { dumpDifferences } from './support/diff.js';

const CHUNK = 25;
let dir: string;
let texts: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cg-idem-'));
  texts = writeCorpus(path.join(dir, 'corpus'), 250, 9);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function filesUnder(d: string): string[] {
  return readdirSync(d, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** A copy of the corpus with one document changed: a reference dropped, a new one to a document nobody else names. */
function changedCopy(): { root: string; file: string } {
  const root = path.join(dir, `changed-${Date.now()}`);
  cpSync(texts, root, { recursive: true });
  const file = filesUnder(root).find((f) => /Nghị quyết số \d+-NQ\/TW/.test(readFileSync(f, 'utf8')))!;
  const lines = readFileSync(file, 'utf8').split('\n');
  const drop = lines.findIndex((l) => /Nghị quyết số \d+-NQ\/TW/.test(l));
  lines.splice(drop, 1);
  lines.push('Bãi bỏ Kết luận số 9999-KL/TU ngày 05/6/2015 của Ban Thường vụ Thành ủy.', '');
  writeFileSync(file, lines.join('\n'));
  return { root, file };
}

function suite(name: string, open: () => Promise<Store>, skip = false) {
  describe.skipIf(skip)(`${name}: idempotence and incremental loads`, () => {
    afterAll(async () => {
      if (name === 'neo4j') await closeNeo4j();
    });

    it('loading the same files twice changes nothing: counts and full dump', async () => {
      const store = await open();
      try {
        const first = await loadPaths([texts], store, { chunkSize: CHUNK });
        expect(first.errors).toEqual([]);
        const stats = await store.stats();
        const dump = comparable(await store.dump());
        const second = await loadPaths([texts], store, { chunkSize: CHUNK });
        expect(second.errors).toEqual([]);
        expect(await store.stats()).toEqual(stats);
        expect(comparable(await store.dump())).toEqual(dump);
        console.log(`${name}: ${stats.documents} documents (${stats.stubs} stubs), ${stats.relations} relations, ${stats.evidence} evidence rows, unchanged by a second load`);
      } finally {
        await store.close();
      }
    }, 300_000);

    it('a changed file replaces what it asserted, keeps what others assert: equal to a clean load of the new files', async () => {
      const { root, file } = changedCopy();
      const store = await open();
      let incremental;
      let before;
      try {
        await loadPaths([texts], store, { chunkSize: CHUNK });
        before = await store.dump();
        // the changed file, loaded under the path it had: a file is known by its path
        const original = path.join(texts, path.relative(root, file));
        const kept = readFileSync(original);
        writeFileSync(original, readFileSync(file));
        try {
          const summary = await loadPaths([original], store, { chunkSize: CHUNK });
          expect(summary.errors).toEqual([]);
        } finally {
          writeFileSync(original, kept);
        }
        incremental = await store.dump();
      } finally {
        await store.close();
      }
      const id = incremental.documents.find((d) => d.file?.endsWith(path.basename(file)))!.id;
      const own = (rows: typeof before.evidence) => rows.filter((e) => e.source === id);
      const others = (rows: typeof before.evidence) => rows.filter((e) => e.source !== id);
      expect(own(incremental.evidence).some((e) => e.to.startsWith('9999-KL/TU'))).toBe(true);
      expect(own(before.evidence).length).toBeGreaterThan(0);
      expect(others(incremental.evidence)).toEqual(others(before.evidence));

      // the same as loading the new set of files from scratch, under the same paths
      const fresh = await open();
      try {
        rmSync(texts, { recursive: true });
        cpSync(root, texts, { recursive: true });
        await loadPaths([texts], fresh, { chunkSize: CHUNK });
        const clean = comparable(await fresh.dump());
        const held = comparable(incremental);
        expect(held.evidence).toEqual(clean.evidence);
        expect(held.curations).toEqual(clean.curations);
        expect(held.documents.map((d) => d.id)).toEqual(clean.documents.map((d) => d.id));
        expect(held.documents.filter((d) => !d.stub)).toEqual(clean.documents.filter((d) => !d.stub));
        // KNOWN DEFECT (RELIABILITY.md): a stub keeps what a retracted reference said of it (here the
        // title the dropped line gave 18-NQ/TW); its id and every relation to it are right. Counted.
        const described = dumpDifferences(held, clean, 1000);
        console.log(`${name}: ${described.length} stub description differences after the change; ${described.slice(0, 3).join(' | ')}`);
      } finally {
        await fresh.close();
        // put the original corpus back for the next suite
        rmSync(path.join(dir, 'corpus'), { recursive: true });
        writeCorpus(path.join(dir, 'corpus'), 250, 9);
      }
    }, 300_000);
  });
}

suite('embedded', async () => EmbeddedStore.open({ dataDir: mkdtempSync(path.join(dir, 'store-')) }));
suite('neo4j', () => freshNeo4j(), !neo4jConfig());
