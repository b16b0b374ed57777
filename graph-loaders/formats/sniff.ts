// What kind of document some bytes are, by their content: magic bytes for binary containers,
// markup for HTML. The file name never decides.

export type Kind = 'pdf' | 'docx' | 'doc' | 'ole2' | 'odt' | 'xlsx' | 'zip' | 'rtf' | 'html' | null;

const ascii = (s: string) => Buffer.from(s, 'latin1');

function startsWith(bytes: Uint8Array, magic: Uint8Array, at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

function contains(bytes: Uint8Array, needle: string | Buffer): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(typeof needle === 'string' ? ascii(needle) : needle);
}

const ZIP = Uint8Array.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function sniff(bytes: Uint8Array): Kind {
  // A PDF may carry a few bytes of junk before its header; readers accept it within 1 KB.
  if (/%PDF-\d\.\d/.test(Buffer.from(bytes.subarray(0, 1024)).toString('latin1'))) return 'pdf';
  if (startsWith(bytes, ZIP)) {
    // Entry names are stored uncompressed in the local headers and the central directory.
    if (contains(bytes, 'word/document.xml')) return 'docx';
    if (contains(bytes, 'application/vnd.oasis.opendocument.text')) return 'odt';
    if (contains(bytes, 'xl/workbook.xml')) return 'xlsx';
    return 'zip';
  }
  if (startsWith(bytes, OLE2)) return contains(bytes, Buffer.from('WordDocument', 'utf16le')) ? 'doc' : 'ole2';
  if (startsWith(bytes, ascii('{\\rtf'))) return 'rtf';
  return looksLikeHtml(bytes) ? 'html' : null;
}

const HTML_START = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i;
const TAG = /<\/?(?:p|div|span|br|table|tr|td|th|h[1-6]|b|i|u|strong|em|a|ul|ol|li|font|meta|title|center|section|article)\b[^>]*>/gi;

/** An HTML page or fragment: it opens like a page, or it is mostly markup from its first character. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const text = headText(bytes, 8192).replace(/^\uFEFF/, '').trimStart();
  if (!text.startsWith('<')) return false;
  if (HTML_START.test(text)) return true;
  return (text.match(TAG) ?? []).length >= 5;
}

/** The first bytes as text, enough to sniff markup: UTF-16 when a BOM says so, else Latin-1 (ASCII-safe). */
function headText(bytes: Uint8Array, n: number): string {
  const head = bytes.subarray(0, n);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head.subarray(2));
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head.subarray(2));
  return Buffer.from(head).toString('latin1');
}
