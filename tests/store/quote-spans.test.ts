// Quotes read lazily or at once share one read of each source text's quoted part: the same quotes as one read
// per row, whether the part is read whole or, when longer than allowed, quote by quote.
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { loadPaths } from '../../graph-loaders/load.js';
import { SAMPLE_CORPUS_DIR } from '../../services/paths.js';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import type { GraphState } from '../../services/store/embedded/graph-state.js';
import { tempDirs } from '../support/tmp.js';

const tempDir = tempDirs('cg-spans');

it('gives every row the quote a read of its own gives, with the part read whole or quote by quote', async () => {
  const store = await EmbeddedStore.open({ dataDir: tempDir() });
  await loadPaths(readdirSync(SAMPLE_CORPUS_DIR).map((f) => path.join(SAMPLE_CORPUS_DIR, f)), store);
  const state = (store as unknown as { state: GraphState }).state;
  const docs = [...state.documents()].filter((d) => !d.stub);
  let quotes = 0;
  for (const d of docs) {
    for (const side of ['OUT', 'IN'] as const) {
      const rows = state.rowsOf(d.id, side);
      const own = rows.map((r) => state.materialize(r, 'now').quote);
      for (const spanMax of [undefined, 10]) {
        for (const quote of ['lazy', 'now'] as const) expect(state.materializeRows(rows, quote, spanMax).map((row) => row.quote)).toEqual(own);
      }
      quotes += own.filter(Boolean).length;
    }
  }
  // the five sample texts assert a dozen relations or more each: quotes share their source texts
  expect(quotes).toBeGreaterThan(50);
  await store.close();
});
