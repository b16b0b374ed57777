// The API's views of documents (api/views.ts): each carries every field of the stored document,
// and serialises to its id alone (the key Mercurius loaders are batched by).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { viewStore } from '../../services/api/views.js';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import { AMBIGUOUS, everyFieldBatches, FULL, LATER, NEWER, UNDATED } from '../support/fixtures.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cg-views-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('a view has every field of its document, and serialises to the id', async () => {
  const store = await EmbeddedStore.open({ dataDir: dir });
  try {
    for (const b of everyFieldBatches()) await store.applyBatch(b);
    const ids = [FULL, LATER, NEWER, UNDATED, AMBIGUOUS];
    const stored = await store.getDocuments(ids);
    const views = await viewStore(store).getDocuments(ids);
    views.forEach((v, i) => {
      const d = stored[i]!;
      expect(v).not.toBe(d);
      // own fields, one by one: a field the view forgot would be missing here, not just undefined
      for (const [k, value] of Object.entries(d)) {
        expect(Object.hasOwn(v!, k), `${d.id}.${k}`).toBe(true);
        expect(v![k as keyof typeof v], `${d.id}.${k}`).toEqual(value);
      }
      expect(JSON.stringify({ parent: v })).toBe(JSON.stringify({ parent: d.id }));
    });
    // the fixture sets the fields a view could lose unnoticed
    expect(stored.some((d) => d!.updatedAt)).toBe(true);
    expect(stored.some((d) => d!.candidates.length)).toBe(true);
    expect(stored.some((d) => d!.effect.endsOn)).toBe(true);
  } finally {
    await store.close();
  }
});
