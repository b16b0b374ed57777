// Load one uploaded file (the ingestFile mutation): bytes of any supported format, detected by
// content, then the same path as a file on disk.
import { prepareBatch, safeExtract } from './load.js';
import { bytesToText } from './read.js';
import type { Store } from '../services/store/port.js';

export async function ingestBytes(store: Store, file: string, bytes: Uint8Array): Promise<{ id: string } | { error: string }> {
  const decoded = await bytesToText(bytes);
  if ('error' in decoded) return { error: decoded.error };
  const extraction = safeExtract(decoded.text, file);
  if ('error' in extraction) return { error: extraction.error };
  await store.applyBatch(await prepareBatch([{ file, text: decoded.text, extraction }], store));
  return { id: extraction.document.id };
}

/** Strict base64 (standard alphabet; whitespace allowed between lines): null when it is not. */
export function decodeBase64(s: string): Uint8Array | null {
  const clean = s.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) return null;
  return Buffer.from(clean, 'base64');
}
