// Runs extractText off the main thread, so a pathological text can be stopped by its time limit
// (the worker is terminated) and its memory is bounded (the worker's heap limit). See guarded-extract.ts.
import { parentPort } from 'node:worker_threads';
import { extractText } from './extract.js';

parentPort!.on('message', ({ id, text, file, maxRelations }: { id: number; text: string; file: string; maxRelations: number }) => {
  try {
    const extraction = extractText(text, file);
    // refused here, before a million relations are copied to the loader and batched there
    if (extraction.relations.length > maxRelations) {
      parentPort!.postMessage({ id, refused: `${extraction.relations.length} references in one text (limit ${maxRelations}): not loaded; is it machine output, or many documents in one file?` });
      return;
    }
    parentPort!.postMessage({ id, extraction });
  } catch (err) {
    parentPort!.postMessage({ id, error: (err as Error).message });
  }
});
