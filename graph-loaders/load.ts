// Files → store: read, extract, resolve against the batch and the store, build one batch per
// chunk of files, commit it whole. A bad file is reported and skipped; the rest still load.
import { extractText } from './extract.js';
import { ExtractGuard, type FileOutcome, type GuardOptions } from './guarded-extract.js';
import { listFiles, readDocumentFile, type ReadResult } from './read.js';
import { decodeText } from './encoding.js';
import { prepareBatch } from './prepare.js';
import type { Extraction } from './types.js';
import type { GraphBatch } from '../services/store/model.js';
import { relationKey } from '../services/store/model.js';
import type { Store } from '../services/store/port.js';

export { prepareBatch };

const utf8 = new TextDecoder();

export interface LoadProgress {
  done: number;
  total: number;
  file: string;
}

export interface LoadOptions {
  /** Files per committed batch (default 500). */
  chunkSize?: number;
  onProgress?: (p: LoadProgress) => void;
  /** How files become text; tests and other formats plug in here. */
  read?: (file: string) => Promise<ReadResult>;
  /** Per-file time limit and memory bound of extraction (see guarded-extract.ts). */
  limits?: GuardOptions;
}

export interface LoadSummary {
  files: number;
  documents: number;
  relations: number;
  evidence: number;
  /** References that name no known dated document, or several. */
  unresolved: number;
  ambiguous: number;
  errors: { file: string; error: string }[];
  batches: number;
}

/** Extract one text, turning a loader fault into that file's error rather than the load's. */
export function safeExtract(text: string, file: string): Extraction | { file: string; error: string } {
  try {
    return extractText(text, file);
  } catch (err) {
    return { file, error: `extraction failed: ${(err as Error).message}` };
  }
}

type Extracted = { loaded: { file: string; text: string; extraction: Extraction }[]; errors: { file: string; error: string }[] };

/** Read and extract files (no store): the `extract` command. */
export async function extractFiles(files: readonly string[], read = readDocumentFile, guard?: ExtractGuard): Promise<Extracted> {
  // Extraction runs in a worker with a time limit, so one pathological file cannot hang the load.
  const own = guard ? null : new ExtractGuard();
  const out: Extracted = { loaded: [], errors: [] };
  try {
    for await (const { extracted } of extractChunks(files, 500, read, guard ?? own!)) {
      out.loaded.push(...extracted.loaded);
      out.errors.push(...extracted.errors);
    }
  } finally {
    await own?.close();
  }
  return out;
}

/**
 * Files read and extracted chunk by chunk. Chunk n + 1 is read and handed to the worker before
 * chunk n is yielded, so the worker extracts it while the caller works on chunk n.
 */
async function* extractChunks(files: readonly string[], size: number, read: (file: string) => Promise<ReadResult>, guard: ExtractGuard): AsyncGenerator<{ files: string[]; extracted: Extracted }> {
  let next = files.length ? await startExtraction(files.slice(0, size), read, guard) : null;
  for (let i = 0; i < files.length; i += size) {
    const extracted = await next!();
    next = i + size < files.length ? await startExtraction(files.slice(i + size, i + 2 * size), read, guard) : null;
    yield { files: files.slice(i, i + size), extracted };
  }
}

/**
 * Hand every file of a chunk to the worker at once; returns when they are handed over, with a
 * function that waits for the extractions. With the usual reader the worker reads the text files
 * too (guarded-extract.ts, extractFile): reads and decoding were a tenth of this thread, the busier
 * one. Another reader (a test's, say) runs here and the worker gets the texts.
 */
async function startExtraction(files: readonly string[], read: (file: string) => Promise<ReadResult>, guard: ExtractGuard): Promise<() => Promise<Extracted>> {
  let outcomes: Promise<FileOutcome>[];
  if (read === readDocumentFile) outcomes = files.map((f) => guard.extractFile(f));
  else {
    const results = await Promise.all(files.map((f) => read(f)));
    outcomes = results.map((r) => ('error' in r ? Promise.resolve(r) : guard.extract(r.text, r.file).then((e) => ('error' in e ? e : { file: r.file, text: r.text, extraction: e }))));
  }
  return async () => {
    const out: Extracted = { loaded: [], errors: [] };
    for (const outcome of await Promise.all(outcomes)) {
      if ('error' in outcome) out.errors.push(outcome);
      else if ('utf8' in outcome) out.loaded.push({ file: outcome.file, text: utf8.decode(outcome.utf8), extraction: outcome.extraction });
      else out.loaded.push(outcome);
    }
    return out;
  };
}

export async function loadPaths(paths: readonly string[], store: Store, options: LoadOptions = {}): Promise<LoadSummary> {
  const { files, missing } = await listFiles(paths);
  const summary: LoadSummary = { files: files.length, documents: 0, relations: 0, evidence: 0, unresolved: 0, ambiguous: 0, errors: missing.map((file) => ({ file, error: 'no such file or folder' })), batches: 0 };
  const guard = new ExtractGuard(options.limits);
  const claimed = new Map<string, string>();
  let done = 0;
  try {
    // the next chunk is extracted in the worker while this one is resolved and written
    for await (const { files: chunk, extracted } of extractChunks(files, options.chunkSize ?? 500, options.read ?? readDocumentFile, guard)) {
      const { loaded, errors } = oneFilePerDocument(extracted, claimed);
      summary.errors.push(...errors);
      if (loaded.length) {
        const batch = await prepareBatch(loaded, store);
        await store.applyBatch(batch);
        summary.batches++;
        count(summary, batch);
      }
      done += chunk.length;
      options.onProgress?.({ done, total: files.length, file: chunk[chunk.length - 1] });
    }
  } finally {
    await guard.close();
  }
  return summary;
}

/**
 * Two files of one load that read as the same document (same id) would make a batch with the
 * document twice, which the store refuses whole. The first file keeps it; a later one is an error.
 */
function oneFilePerDocument<T extends { file: string; extraction: Extraction }>(
  chunk: { loaded: T[]; errors: { file: string; error: string }[] },
  claimed: Map<string, string>,
): { loaded: T[]; errors: { file: string; error: string }[] } {
  const loaded: T[] = [];
  const errors = [...chunk.errors];
  for (const item of chunk.loaded) {
    const id = item.extraction.document.id;
    const first = claimed.get(id);
    if (first !== undefined && first !== item.file) {
      errors.push({ file: item.file, error: `reads as the same document (id ${id}) as ${first}, loaded before it; not loaded` });
      continue;
    }
    claimed.set(id, item.file);
    loaded.push(item);
  }
  return { loaded, errors };
}

function count(summary: LoadSummary, batch: GraphBatch): void {
  summary.documents += batch.documents.length;
  summary.evidence += batch.evidence.length;
  summary.relations += new Set(batch.evidence.map((e) => relationKey(e.from, e.type, e.to))).size;
  summary.unresolved += batch.evidence.filter((e) => e.toHow === 'no-candidate' || e.toHow === 'ambiguous').length;
  summary.ambiguous += batch.evidence.filter((e) => e.toHow === 'ambiguous').length;
}

/** Load one text given directly (the ingestDocument mutation): same path as a file. */
export async function ingestText(store: Store, file: string, text: string): Promise<{ id: string } | { error: string }> {
  const decoded = decodeText(Buffer.from(text, 'utf8'));
  if ('error' in decoded) return decoded;
  const extraction = safeExtract(decoded.text, file);
  if ('error' in extraction) return extraction;
  await store.applyBatch(await prepareBatch([{ file, text: decoded.text, extraction }], store));
  return { id: extraction.document.id };
}
