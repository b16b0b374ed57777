// The loader against 10,000 seeded hostile inputs, through the path of `npm run load` (files on
// disk → bytesToText → extractText in the guarded worker → prepareBatch → embedded store): every
// file gets a clear error naming it, or exactly the text it should. FUZZ_SEED / FUZZ_COUNT change
// the run; scripts/fuzz.ts is the long run (huge files, a 50 MB line).
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPaths, type LoadSummary } from '../../graph-loaders/load.js';
import { ExtractGuard } from '../../graph-loaders/guarded-extract.js';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import { corpusLines, fuzzInput, type FuzzInput } from './fuzz-inputs.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000);
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe(`fuzz: ${COUNT} hostile inputs, seed ${SEED}`, () => {
  let dir: string;
  let store: EmbeddedStore;
  let summary: LoadSummary;
  const inputs = new Map<string, FuzzInput>();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cg-fuzz-'));
    const lines = corpusLines();
    for (let i = 0; i < COUNT; i++) {
      const input = await fuzzInput(SEED, i, lines);
      const file = path.join(dir, 'in', `${String(i).padStart(5, '0')}-${input.kind}.txt`);
      inputs.set(file, input);
    }
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(dir, 'in'));
    for (const [file, input] of inputs) writeFileSync(file, input.bytes);
    store = await EmbeddedStore.open({ dataDir: path.join(dir, 'data') });
    summary = await loadPaths([path.join(dir, 'in')], store, { chunkSize: 500, limits: { timeoutMs: 20_000 } });
  }, 600_000);

  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every file is either refused with a clear reason or loaded with exactly its text', async () => {
    expect(summary.files).toBe(COUNT);
    const errors = new Map(summary.errors.map((e) => [e.file, e.error]));
    const held = await store.fileHashes([...inputs.keys()]);
    const wrong: string[] = [];
    const kinds = new Map<string, { loaded: number; refused: number; undecoded: number }>();
    for (const [file, input] of inputs) {
      const error = errors.get(file);
      const stored = held.get(file);
      const k = kinds.get(input.kind) ?? { loaded: 0, refused: 0, undecoded: 0 };
      kinds.set(input.kind, k);
      if (error !== undefined) {
        k.refused++;
        if (/^(not valid UTF-8|reads as Vietnamese in)/.test(error)) k.undecoded++;
        // refused: for a reason, never a loader fault
        if (!error || /extraction failed|extraction stopped|TypeError|undefined/.test(error)) wrong.push(`${file}: unclear error: ${error}`);
        // a good text may be refused only when it cannot be told apart from another file of the load
        if (input.expect && !/^(not valid UTF-8|reads as Vietnamese in|reads as the same document)/.test(error)) wrong.push(`${file}: refused good input: ${error}`);
        continue;
      }
      k.loaded++;
      if (!stored) {
        wrong.push(`${file}: neither loaded nor refused`);
        continue;
      }
      if (input.expect === null) wrong.push(`${file}: ${input.kind} should have been refused`);
      else if (input.expect !== undefined) {
        const text = (await store.texts([stored.id]))[0] ?? '';
        const same = input.caseless ? text.toLowerCase() === input.expect.toLowerCase() : stored.textHash === sha(input.expect);
        if (!same) wrong.push(`${file}: stored text differs from the input's`);
      }
    }
    console.log('fuzz outcome by kind:', Object.fromEntries(kinds));
    const reasons = new Map<string, number>();
    for (const [file, error] of errors) {
      const key = `${inputs.get(file)?.kind}: ${error.replace(/[\d,]+/g, 'N').replace(/\(id .*?\) as .*/, '').slice(0, 90)}`;
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
    console.log('refusals:', [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 30));
    expect(wrong.slice(0, 20)).toEqual([]);
    // detection works: legacy files are converted; only short ambiguous ones are refused
    for (const kind of ['tcvn3', 'vni', 'windows-1258']) {
      const k = kinds.get(kind)!;
      expect(k.undecoded / (k.loaded + k.refused), kind).toBeLessThan(0.05);
    }
  });

  it('loading the same hostile files again changes nothing', async () => {
    const before = await store.dump();
    const again = await loadPaths([path.join(dir, 'in')], store, { chunkSize: 500, limits: { timeoutMs: 20_000 } });
    expect(again.errors.map((e) => e.file)).toEqual(summary.errors.map((e) => e.file));
    const after = await store.dump();
    const docs = new Map(before.documents.map(({ updatedAt: _u, ...d }) => [d.id, JSON.stringify(d)]));
    const rows = new Map(before.evidence.map((e) => [e.key, JSON.stringify(e)]));
    const changed: string[] = [];
    for (const { updatedAt: _u, ...d } of after.documents) if (docs.get(d.id) !== JSON.stringify(d)) changed.push(`document ${d.id}`);
    for (const id of docs.keys()) if (!after.documents.some((d) => d.id === id)) changed.push(`document ${id}`);
    for (const e of after.evidence) if (rows.get(e.key) !== JSON.stringify(e)) changed.push(`evidence ${e.key} ${e.toRef ?? ''}`);
    for (const key of rows.keys()) if (!after.evidence.some((e) => e.key === key)) changed.push(`evidence ${key} ${JSON.parse(rows.get(key)!).toRef ?? ''}`);
    // KNOWN DEFECT (loader, reported in RELIABILITY.md): a short form ("Nghị quyết 6") whose full
    // symbol only appears in a later chunk is resolved within its chunk only, so the first load
    // leaves a placeholder ("6-NQ/?") that the second load resolves. Everything else must match.
    const shortForm = (c: string) => /"shortForm"|^document \d+[^ ]*\/\?/.test(c) || / \d+-[^/ ]+\/\?\??$/.test(c) || /\|\d+-[^|/]+\/\?/.test(c);
    console.log(`second load: ${changed.length} differences, ${changed.filter(shortForm).length} of them from short forms across chunks`);
    expect(changed.filter((c) => !shortForm(c))).toEqual([]);
  }, 600_000);
});

describe('per-file limits', () => {
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
