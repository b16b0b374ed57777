// Runs extractText off the main thread, so a pathological text can be stopped by its time limit
// (the worker is terminated) and its memory is bounded (the worker's heap limit). Jobs arrive on
// the worker's own port, in order; answers leave on the port the guard gave (see guarded-extract.ts).
// A job names a text, or only a file: then the worker reads and decodes it too, which keeps the
// loader's thread (the busier of a load's two) off file reads and decoding.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { extractText } from './extract.js';
import { plainText, readFileBytes } from './read.js';

const results = (workerData as { results: MessagePort }).results;
const encoder = new TextEncoder();

interface Job {
  id: number;
  file: string;
  /** Absent: read the file (its size at most maxBytes). */
  text?: string;
  maxBytes?: number;
  maxRelations: number;
}

parentPort!.on('message', ({ id, file, text, maxBytes, maxRelations }: Job) => {
  try {
    let read: string | undefined;
    if (text === undefined) {
      const r = readFileBytes(file, maxBytes);
      if ('error' in r) return results.postMessage({ id, unreadable: r.error });
      const decoded = plainText(r.bytes);
      if (decoded === null) {
        // a PDF, Word or HTML file: the loader's thread reads it from these bytes (OCR may take
        // minutes). Copied once here, then moved: a small file's bytes share Node's buffer pool.
        const container = new Uint8Array(r.bytes);
        return results.postMessage({ id, container }, [container.buffer]);
      }
      if ('error' in decoded) return results.postMessage({ id, unreadable: decoded.error });
      text = read = decoded.text;
    }
    const extraction = extractText(text, file);
    // refused here, before a million relations are copied to the loader and batched there
    if (extraction.relations.length > maxRelations) {
      return results.postMessage({ id, refused: `${extraction.relations.length} references in one text (limit ${maxRelations}): not loaded; is it machine output, or many documents in one file?` });
    }
    if (read === undefined) return results.postMessage({ id, extraction });
    // the text as UTF-8 bytes, moved rather than copied: the loader makes its string when it takes the
    // chunk, not as answers arrive between its own allocations (that grew its heap by 5% at 100k)
    const utf8 = encoder.encode(read);
    results.postMessage({ id, extraction, utf8 }, [utf8.buffer]);
  } catch (err) {
    results.postMessage({ id, error: (err as Error).message });
  }
});
