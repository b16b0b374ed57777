// Plain-text bytes → Unicode text, or a clear reason why not.
/** Known binary formats, by their first bytes. */
const MAGIC: [string, Uint8Array][] = [
  ['PDF', Buffer.from('%PDF')],
  ['ZIP (or .docx/.xlsx)', Buffer.from([0x50, 0x4b, 0x03, 0x04])],
  ['OLE2 (.doc/.xls)', Buffer.from([0xd0, 0xcf, 0x11, 0xe0])],
  ['PNG image', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
  ['JPEG image', Buffer.from([0xff, 0xd8, 0xff])],
  ['GZIP', Buffer.from([0x1f, 0x8b])],
];

function startsWith(bytes: Uint8Array, magic: Uint8Array): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** Decode bytes known to be a plain-text document. */
export function decodeText(bytes: Uint8Array): { text: string } | { error: string } {
  if (bytes.length === 0) return { error: 'empty file' };
  for (const [name, magic] of MAGIC) if (startsWith(bytes, magic)) return { error: `binary file (${name}), not text` };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(new TextDecoder('utf-16le').decode(bytes.subarray(2)));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(new TextDecoder('utf-16be').decode(bytes.subarray(2)));
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { error: `binary content: NUL byte at offset ${nul}` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { error: `not valid UTF-8 (at byte ${firstInvalidUtf8(bytes)}); convert it to UTF-8 first` };
  }
  return checked(text);
}

function checked(text: string): { text: string } | { error: string } {
  const nfc = text.normalize('NFC');
  if (!nfc.trim()) return { error: 'empty file (only whitespace)' };
  return { text: nfc };
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}

