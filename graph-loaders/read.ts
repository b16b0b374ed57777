// Bytes → text, or a clear reason why not. Every failure names the file and says why;
// nothing here throws for bad input.
import { promises as fs, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { decodeText } from './encoding.js';
import { readFormatted } from './formats/index.js';
import { sniff } from './formats/sniff.js';

export { decodeText };

export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type ReadResult = { file: string; text: string } | { file: string; error: string };

/** Bytes of any supported input → the text the loader reads: documents in a container format
 * (PDF, Word, HTML) through formats/, plain text through encoding.ts. Detection is by content. */
export async function bytesToText(bytes: Uint8Array): Promise<{ text: string } | { error: string }> {
  // plainText leaves only what sniff names a container, and readFormatted reads every such one
  return plainText(bytes) ?? (await readFormatted(bytes))!;
}

/**
 * bytesToText for plain text; null for a container format (PDF, Word, HTML), whose reading can
 * take minutes (OCR). Synchronous: the extraction worker decodes a load's text files with it.
 */
export function plainText(bytes: Uint8Array): { text: string } | { error: string } | null {
  if (bytes.length === 0) return { error: 'empty file' };
  return sniff(bytes) === null ? decodeText(bytes) : null;
}

export async function readDocumentFile(file: string, maxBytes = MAX_FILE_BYTES): Promise<ReadResult> {
  const read = readFileBytes(file, maxBytes);
  if ('error' in read) return read;
  const decoded = await bytesToText(read.bytes);
  return 'error' in decoded ? { file, error: decoded.error } : { file, text: decoded.text };
}

/** A file's bytes, or why they cannot be read (not a regular file, larger than maxBytes, an I/O error). */
export function readFileBytes(file: string, maxBytes = MAX_FILE_BYTES): { bytes: Buffer } | { file: string; error: string } {
  try {
    // Synchronous: a load's worker reads a chunk of small files one after the other, and each await
    // of an asynchronous read is a turn of the event loop (5 per file).
    const stat = statSync(file);
    if (!stat.isFile()) return { file, error: 'not a regular file' };
    if (stat.size > maxBytes) return { file, error: `too large: ${stat.size} bytes (limit ${maxBytes})` };
    return { bytes: readFileSync(file) };
  } catch (err) {
    return { file, error: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
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
    if (stat.isDirectory()) await visitFolder(p);
    else files.add(path.normalize(p));
  }
  // A folder's entries say whether each is a file or a folder: a stat each (a million of them on
  // a national corpus) only for what they leave open, such as a symbolic link.
  async function visitFolder(dir: string): Promise<void> {
    const entries = (await fs.readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await visitFolder(p);
      else if (e.isFile()) files.add(path.normalize(p));
      else await visit(p, false);
    }
  }
  for (const p of paths) await visit(p, true);
  return { files: [...files].sort(), missing };
}
