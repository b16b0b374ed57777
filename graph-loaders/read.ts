// Bytes → text, or a clear reason why not. Every failure names the file and says why;
// nothing here throws for bad input.
import { promises as fs, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { decodeText } from './encoding.js';
import { readFormatted } from './formats/index.js';

export { decodeText };

export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type ReadResult = { file: string; text: string } | { file: string; error: string };

/** Bytes of any supported input → the text the loader reads: documents in a container format
 * (PDF, Word, HTML) through formats/, plain text through encoding.ts. Detection is by content. */
export async function bytesToText(bytes: Uint8Array): Promise<{ text: string } | { error: string }> {
  if (bytes.length === 0) return { error: 'empty file' };
  const formatted = await readFormatted(bytes);
  return formatted ?? decodeText(bytes);
}

export async function readDocumentFile(file: string, maxBytes = MAX_FILE_BYTES): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    // Synchronous: a load reads a chunk of small files at once while its thread has nothing else
    // to do, and each await of an asynchronous read is a turn of the event loop (5 per file).
    const stat = statSync(file);
    if (!stat.isFile()) return { file, error: 'not a regular file' };
    if (stat.size > maxBytes) return { file, error: `too large: ${stat.size} bytes (limit ${maxBytes})` };
    bytes = readFileSync(file);
  } catch (err) {
    return { file, error: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  const decoded = await bytesToText(bytes);
  return 'error' in decoded ? { file, error: decoded.error } : { file, text: decoded.text };
}

/** Files under the given paths (folders recursively, hidden entries skipped), sorted, each once. */
export async function listFiles(paths: readonly string[]): Promise<{ files: string[]; missing: string[] }> {
  const files = new Set<string>();
  const missing: string[] = [];
  async function visit(p: string, top: boolean): Promise<void> {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch {
      if (top) missing.push(p);
      return;
    }
    if (stat.isDirectory()) {
      const entries = (await fs.readdir(p)).filter((n) => !n.startsWith('.')).sort();
      for (const name of entries) await visit(path.join(p, name), false);
    } else {
      files.add(path.normalize(p));
    }
  }
  for (const p of paths) await visit(p, true);
  return { files: [...files].sort(), missing };
}
