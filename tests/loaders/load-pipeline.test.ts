// The load reads the next chunk and hands it to the extraction worker before it resolves and
// writes the current one, so extraction (one core) runs beside resolution and the write (the
// other). The graph is the one a chunk-at-a-time load builds.
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPaths } from '../../graph-loaders/load.js';
import { readDocumentFile } from '../../graph-loaders/read.js';
import { SAMPLE_CORPUS_DIR } from '../../services/paths.js';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import { tempDirs } from '../support/tmp.js';

const tmp = tempDirs('load-pipeline');

describe('load pipeline', () => {
  it('reads chunk n + 1 before chunk n is written; same graph as one chunk at a time', async () => {
    const events: string[] = [];
    const store = await EmbeddedStore.open({ dataDir: tmp() });
    const apply = store.applyBatch.bind(store);
    store.applyBatch = async (batch) => {
      events.push(`write ${batch.files.map((f) => f.file.split('/').pop()).join(' ')}`);
      return apply(batch);
    };
    const read = async (file: string) => {
      events.push(`read ${file.split('/').pop()}`);
      return readDocumentFile(file);
    };
    try {
      const summary = await loadPaths([SAMPLE_CORPUS_DIR], store, { chunkSize: 2, read });
      expect(summary.errors).toEqual([]);
      const names = events.filter((e) => e.startsWith('read')).map((e) => e.slice(5));
      expect(names).toHaveLength(5);
      // chunks [0,1] [2,3] [4]: each chunk's files are read before the chunk before it is written
      const at = (e: string) => events.indexOf(e);
      expect(at(`read ${names[2]}`)).toBeLessThan(at(`write ${names[0]} ${names[1]}`));
      expect(at(`read ${names[4]}`)).toBeLessThan(at(`write ${names[2]} ${names[3]}`));

      const alone = await EmbeddedStore.open({ dataDir: tmp() });
      try {
        for (const name of names) await loadPaths([`${SAMPLE_CORPUS_DIR}/${name}`], alone);
        const [a, b] = [await store.dump(), await alone.dump()];
        const plain = (d: typeof a) => ({ documents: d.documents.map(({ updatedAt, ...rest }) => (void updatedAt, rest)), evidence: d.evidence });
        expect(plain(a)).toEqual(plain(b));
      } finally {
        await alone.close();
      }
    } finally {
      await store.close();
    }
  }, 60_000);

  it('files read by the extraction worker load as files read on the loader thread: same summary, errors and graph', async () => {
    const dir = tmp();
    for (const name of readdirSync(SAMPLE_CORPUS_DIR)) copyFileSync(path.join(SAMPLE_CORPUS_DIR, name), path.join(dir, name));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 0, 7]));
    const [inWorker, onThread] = [await EmbeddedStore.open({ dataDir: tmp() }), await EmbeddedStore.open({ dataDir: tmp() })];
    try {
      // readDocumentFile itself: the worker reads; any other function: this thread reads
      const a = await loadPaths([dir], inWorker, { chunkSize: 3 });
      const b = await loadPaths([dir], onThread, { chunkSize: 3, read: (f) => readDocumentFile(f) });
      expect(a.errors.map((e) => path.basename(e.file)).sort()).toEqual(['binary.txt', 'empty.txt']);
      expect(a).toEqual(b);
      const plain = (d: Awaited<ReturnType<EmbeddedStore['dump']>>) => ({ documents: d.documents.map(({ updatedAt, ...rest }) => (void updatedAt, rest)), evidence: d.evidence });
      expect(plain(await inWorker.dump())).toEqual(plain(await onThread.dump()));
    } finally {
      await inWorker.close();
      await onThread.close();
    }
  }, 60_000);
});
