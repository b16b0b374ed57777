// Runs extractText off the main thread, so a pathological text can be stopped by its time limit
// (the worker is terminated) and its memory is bounded (the worker's heap limit). See guarded-extract.ts.
import { parentPort } from 'node:worker_threads';
import { extractText } from './extract.js';

parentPort!.on('message', ({ id, text, file }: { id: number; text: string; file: string }) => {
  try {
    parentPort!.postMessage({ id, extraction: extractText(text, file) });
  } catch (err) {
    parentPort!.postMessage({ id, error: (err as Error).message });
  }
});
