// The loader against 10,000 seeded hostile inputs, through the path of `npm run load` (files on
// disk → bytesToText → extractText in the guarded worker → prepareBatch → embedded store): every
// file gets a clear error naming it, or exactly the text it should. FUZZ_SEED / FUZZ_COUNT change
// the run; scripts/reliability/fuzz-long.ts is the long run (huge files, a 50 MB line).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPaths } from '../../graph-loaders/load.js';
import { ExtractGuard } from '../../graph-loaders/guarded-extract.js';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import { dumpDifferences } from './support/diff.js';
import { runFuzz, type FuzzResult } from './support/fuzz-run.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000);

describe(`fuzz: ${COUNT} hostile inputs, seed ${SEED}`, () => {
  let dir: string;
  let store: EmbeddedStore;
  let run: FuzzResult;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cg-fuzz-'));
    store = await EmbeddedStore.open({ dataDir: path.join(dir, 'data') });
    run = await runFuzz({ seed: SEED, from: 0, count: COUNT, dir, store });
  }, 600_000);

  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every file is either refused with a clear reason or loaded with exactly its text', async () => {
    expect(run.summary.files).toBe(COUNT);
    console.log(`fuzz: ${COUNT} inputs in ${run.ms} ms; outcome by kind:`, Object.fromEntries(run.kinds));
    expect(run.wrong.slice(0, 20)).toEqual([]);
    // detection works: legacy files are converted; only short ambiguous ones are refused
    for (const kind of ['tcvn3', 'vni', 'windows-1258']) {
      const k = run.kinds.get(kind)!;
      expect(k.undecoded / (k.loaded + k.refused), kind).toBeLessThan(0.05);
    }
  });

  it('loading the same hostile files again loses and adds nothing', async () => {
    const before = await store.dump();
    const again = await loadPaths([path.join(dir, 'in-0')], store, { chunkSize: 500, limits: { timeoutMs: 20_000 } });
    expect(again.errors.map((e) => e.file)).toEqual(run.summary.errors.map((e) => e.file));
    const after = await store.dump();
    // Nothing lost or added: the same documents, each loaded document the same, the same evidence rows.
    expect(after.documents.map((d) => d.id)).toEqual(before.documents.map((d) => d.id));
    const loaded = (d: typeof before) => d.documents.filter((x) => !x.stub).map(({ updatedAt: _u, ...x }) => x);
    expect(loaded(after)).toEqual(loaded(before));
    expect(after.evidence.map((e) => e.key)).toEqual(before.evidence.map((e) => e.key));
    // KNOWN DEFECT (loader, reported in RELIABILITY.md): on these hostile texts a second load still
    // changes some resolutions (context → ambiguous) and stub descriptions; counted, not yet zero.
    const changed = dumpDifferences(before, after, 100_000);
    console.log(`second load: ${changed.length} attribute differences (stubs and resolutions); first: ${changed.slice(0, 5).join(' | ')}`);
  }, 600_000);
});

describe('per-file limits', () => {
  it('a text with more references than a document makes is refused before it is batched', async () => {
    const guard = new ExtractGuard({ maxRelations: 50 });
    try {
      const many = Array.from({ length: 60 }, (_, i) => `Căn cứ Nghị quyết số ${i + 1}-NQ/TW ngày 24/01/2019;`).join('\n');
      expect(await guard.extract(many, 'many.txt')).toEqual({ file: 'many.txt', error: expect.stringMatching(/^\d+ references in one text \(limit 50\): not loaded/) });
      const few = await guard.extract('Căn cứ Nghị quyết số 45-NQ/TW ngày 24/01/2019;', 'few.txt');
      expect('document' in few && few.relations.length).toBe(1);
    } finally {
      await guard.close();
    }
  }, 60_000);

  it('a text past the time limit, or past the memory bound, is that file\'s error; the next file still loads', async () => {
    const guard = new ExtractGuard({ timeoutMs: 1000, maxHeapMb: 64 });
    try {
      const heavy = 'số 45-NQ/TW '.repeat(1_500_000);
      const first = await guard.extract(heavy, 'heavy.txt');
      expect(first).toEqual({ file: 'heavy.txt', error: expect.stringMatching(/^extraction (took longer than 1 s: stopped|ran out of memory \(limit 64 MB\))/) });
      const next = await guard.extract('NGHỊ QUYẾT\nvề việc thực hiện Nghị quyết số 45-NQ/TW', 'next.txt');
      expect('document' in next && next.relations.length).toBeGreaterThan(0);
    } finally {
      await guard.close();
    }
  }, 60_000);
});
