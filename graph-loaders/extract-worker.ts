// Runs extractText off the main thread, so a pathological text can be stopped by its time limit
// (the worker is terminated) and its memory is bounded (the worker's heap limit). Texts arrive on
// the worker's own port, in order; answers leave on the port the guard gave (see guarded-extract.ts).
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { extractText } from './extract.js';

const results = (workerData as { results: MessagePort }).results;

parentPort!.on('message', ({ id, text, file, maxRelations }: { id: number; text: string; file: string; maxRelations: number }) => {
  try {
    const extraction = extractText(text, file);
    // refused here, before a million relations are copied to the loader and batched there
    if (extraction.relations.length > maxRelations) {
      results.postMessage({ id, refused: `${extraction.relations.length} references in one text (limit ${maxRelations}): not loaded; is it machine output, or many documents in one file?` });
      return;
    }
    results.postMessage({ id, extraction });
  } catch (err) {
    results.postMessage({ id, error: (err as Error).message });
  }
});
