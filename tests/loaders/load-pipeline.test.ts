// The load reads the next chunk and hands it to the extraction worker before it resolves and
// writes the current one, so extraction (one core) runs beside resolution and the write (the
// other). The graph is the one a chunk-at-a-time load builds.
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
});
