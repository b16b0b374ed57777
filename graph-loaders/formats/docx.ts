// Word .docx → text through mammoth (paragraphs, line breaks, tables; no images, no styles),
// then the same DOM-to-text walk as HTML, one line per Word paragraph.
import mammoth from 'mammoth';
import { parseDocument } from 'htmlparser2';
import { domToText } from './html-text.js';

const noImages = mammoth.images.imgElement(async () => ({ src: '' }));

export async function readDocx(bytes: Uint8Array): Promise<{ text: string } | { error: string }> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { ignoreEmptyParagraphs: false, convertImage: noImages, externalFileAccess: false });
    html = result.value;
  } catch (err) {
    return { error: `damaged or unreadable .docx: ${(err as Error).message}` };
  }
  const text = domToText(parseDocument(html).children, { paragraphs: 'line' });
  return text.trim() ? { text } : { error: '.docx with no text in it (a scan pasted as pictures? save it as PDF and load that)' };
}
