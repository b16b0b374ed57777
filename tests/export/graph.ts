// A graph worth exporting: the sample corpus, plus a person's added relation and a removed one.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractText } from '../../graph-loaders/extract.js';
import { Corpus } from '../../graph-loaders/generate/corpus.js';
import { loadPaths } from '../../graph-loaders/load.js';
import type { PrepareItem } from '../../graph-loaders/prepare.js';
import { CURATION_SOURCE, curatedEvidenceKey } from '../../services/domain/curation.js';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import type { Curation } from '../../services/store/model.js';
import { emptyBatch } from '../../services/store/model.js';
import type { Store } from '../../services/store/port.js';
import { SAMPLES, sampleFiles } from '../loaders/corpus.js';

const dirs: string[] = [];

export function tmpDir(prefix = 'cg-export-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export function removeTmpDirs(): void {
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
}

export async function freshEmbedded(): Promise<EmbeddedStore> {
  return EmbeddedStore.open({ dataDir: tmpDir('cg-export-store-') });
}

/** Curate: add a relation the loader missed (with a formula-looking reason) and remove one it found. */
export async function curate(store: Store): Promise<void> {
  const { evidence, documents } = await store.dump();
  const removed = evidence.find((e) => e.type === 'CITES')!;
  const [a, b] = documents.filter((d) => !d.stub);
  const add: Curation = { id: 'cur-add-1', action: 'ADD', from: a.id, to: b.id, type: 'CITES', reason: '=HYPERLINK("x") "quoted", and a\nnew line', author: 'lan', at: '2026-03-01T08:00:00.000Z' };
  const remove: Curation = { id: 'cur-remove-1', action: 'REMOVE', from: removed.from, to: removed.to, type: removed.type, reason: 'not a citation', author: 'lan', at: '2026-03-01T09:00:00.000Z' };
  const batch = emptyBatch();
  batch.curations.push(add, remove);
  batch.evidence.push({
    key: curatedEvidenceKey(add.id), from: add.from, to: add.to, type: add.type, source: CURATION_SOURCE, quote: add.reason, start: null, end: null, rule: 'curated',
    kind: null, scope: null, effectiveFrom: null, curated: true, author: add.author, at: add.at, reason: add.reason, toRef: null, toHow: 'curated', fromRef: null, fromHow: 'curated',
  });
  await store.applyBatch(batch);
}

/** The sample corpus, curated, in a fresh embedded store. */
export async function sampleGraph(): Promise<EmbeddedStore> {
  const store = await freshEmbedded();
  const summary = await loadPaths([SAMPLES], store);
  if (summary.errors.length) throw new Error(JSON.stringify(summary.errors));
  await curate(store);
  return store;
}

export async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const c of chunks) out += c;
  return out;
}

const item = (file: string, text: string): PrepareItem => ({ file, text, extraction: extractText(text, file) });

/**
 * The sample corpus and a generated one (short forms, undated references, one symbol across
 * provinces and terms, supersession chains), split into what is loaded first (`base`: the samples
 * and the first `first` generated texts) and what arrives later: the rest, and one text changed.
 */
export function corpusInTwo(docs: number, seed: number, first: number): { samples: PrepareItem[]; base: PrepareItem[]; later: PrepareItem[] } {
  const generated = [...new Corpus({ docs, seed }).documents()].map((d) => item(d.file, d.text));
  const samples = sampleFiles().map((f) => item(path.join(SAMPLES, f), readFileSync(path.join(SAMPLES, f), 'utf8')));
  const changed = item(generated[3].file, `${generated[3].text}\nThay thế Nghị quyết số 45-NQ/TW ngày 24/01/2019.`);
  return { samples, base: [...samples, ...generated.slice(0, first)], later: [...generated.slice(first), changed] };
}
