// ingestFile: a document file as base64, read by content through the same path as `load`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer, WRITE_TOKEN, type TestServer } from '../support/api.js';
import { docxFromText, htmlFromText, pdfFromText } from '../support/documents.js';

const KL96 = `BỘ CHÍNH TRỊ
Số 96-KL/TW

ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 30 tháng 9 năm 2024

KẾT LUẬN
CỦA BỘ CHÍNH TRỊ
về tiếp tục thực hiện Nghị quyết số 45-NQ/TW, ngày 24/01/2019 của Bộ Chính trị khóa XII

Bộ Chính trị kết luận như sau: tiếp tục thực hiện có hiệu quả Nghị quyết số 45-NQ/TW.`;

const INGEST = 'mutation($f: String!, $c: String!) { ingestFile(filename: $f, contentBase64: $c) { id symbol issuer } }';
const auth = { authorization: `Bearer ${WRITE_TOKEN}` };
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

let server: TestServer;
beforeAll(async () => {
  server = await testServer({ SAMPLE_CORPUS: 'false' });
});
afterAll(() => server.close());

describe('ingestFile', () => {
  it('loads a .docx, a text PDF and an HTML page as the same document', async () => {
    for (const [name, bytes] of [['kl96.docx', await docxFromText(KL96)], ['kl96.pdf', await pdfFromText(KL96)], ['kl96.html', htmlFromText(KL96)]] as const) {
      const res = await server.gql(INGEST, { f: name, c: b64(bytes) }, auth);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.ingestFile).toEqual({ id: '96-KL/TW@2024-09-30', symbol: '96-KL/TW', issuer: 'Bộ Chính trị' });
    }
    const [out] = await server.store.evidenceOf(['96-KL/TW@2024-09-30'], 'OUT');
    expect(out.map((e) => [e.type, e.to])).toContainEqual(['IMPLEMENTS', '45-NQ/TW@2019-01-24']);
  });

  it('needs a write token', async () => {
    const res = await server.gql(INGEST, { f: 'x.pdf', c: b64(await pdfFromText(KL96)) });
    expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('says why a file cannot be read, naming it', async () => {
    const legacy = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(legacy);
    Buffer.from('WordDocument', 'utf16le').copy(legacy, 600);
    const res = await server.gql(INGEST, { f: 'cu.doc', c: b64(legacy) }, auth);
    expect(res.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^cu\.doc: legacy Word \.doc/), extensions: { code: 'BAD_USER_INPUT' } });
    const bad = await server.gql(INGEST, { f: 'x.pdf', c: 'not base64!' }, auth);
    expect(bad.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/not base64/), extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('is bounded by the request body limit', async () => {
    const small = await testServer({ SAMPLE_CORPUS: 'false', BODY_LIMIT: '4096' });
    try {
      const res = await small.gql(INGEST, { f: 'kl96.pdf', c: b64(await pdfFromText(KL96.repeat(3))) }, auth);
      expect(res.status).toBe(413);
      expect((await small.store.stats()).documents).toBe(0);
    } finally {
      await small.close();
    }
  });
});
