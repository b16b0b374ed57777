// A short form ("Kết luận số 10") resolves the same whether its candidates arrive with it or in later
// chunks: one symbol among several dates (10-KL/TU of 2001, 2007, ...) is that symbol's ambiguous
// stub, and a second symbol (10-KL/TW) makes it the short form's own, which later candidates only
// extend (prepare.ts, stillAmbiguous).
import { afterAll, describe, expect, it } from 'vitest';
import { extractText } from '../../graph-loaders/extract.js';
import { embeddedStores, graphAfter } from '../support/chunks.js';
import { closeNeo4j, freshNeo4j, neo4jConfig } from '../support/neo4j.js';

const stores = embeddedStores('cg-short-');
const embedded = stores.open;
afterAll(async () => {
  stores.remove();
  await closeNeo4j();
});

/** A conclusion of the Lâm Đồng provincial committee (Kết luận của Tỉnh ủy) with the given body. */
function conclusion(number: number, date: string, body: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `TỈNH ỦY LÂM ĐỒNG\n*\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nSố ${number}-KL/TU\n\nLâm Đồng, ngày ${d} tháng ${m} năm ${y}\n\nKẾT LUẬN\nCỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH LÂM ĐỒNG\nvề công tác cán bộ\n\n${body}\n\nNơi nhận:\n- Lưu Văn phòng.\n`;
}

const texts = [
  conclusion(1, '2019-05-01', '1. Tiếp tục thực hiện Kết luận số 10-KL/TU, ngày 27/2/2001 về công tác cán bộ.\n\n2. Tiếp tục thực hiện Kết luận số 10-KL/TU, ngày 25/12/2001 về công tác cán bộ.'),
  conclusion(2, '2020-01-01', '1. Tiếp tục thực hiện Kết luận số 10 về công tác cán bộ.'),
  conclusion(3, '2022-03-01', '1. Tiếp tục thực hiện Kết luận số 10-KL/TU, ngày 16/5/2007 về công tác cán bộ.'),
  conclusion(4, '2022-06-01', '1. Tiếp tục thực hiện Kết luận số 10-KL/TW, ngày 10/3/2016 của Bộ Chính trị về công tác cán bộ.'),
  conclusion(5, '2023-01-01', '1. Tiếp tục thực hiện Kết luận số 10-KL/TU, ngày 11/3/2011 về công tác cán bộ.'),
];
const items = texts.map((text, i) => ({ file: `kl-${i + 1}.txt`, text, extraction: extractText(text, `kl-${i + 1}.txt`) }));

for (const [name, fresh] of [
  ['embedded', embedded],
  ['neo4j', neo4jConfig() ? freshNeo4j : null],
] as const) {
  describe.skipIf(!fresh)(`a short form whose candidates arrive later: ${name}`, () => {
    it('names every candidate of both symbols, as when all texts arrive at once', async () => {
      const atOnce = await graphAfter(fresh!, [items]);
      const short = atOnce.documents.find((d) => d.id === '10-KL/??');
      expect(short?.candidates).toEqual(['10-KL/TU@2001-02-27', '10-KL/TU@2001-12-25', '10-KL/TU@2007-05-16', '10-KL/TU@2011-03-11', '10-KL/TW@2016-03-10']);
      expect(atOnce.evidence.filter((e) => e.to === '10-KL/??').map((e) => e.source)).toEqual(['2-KL/TU@2020-01-01']);
      // one text a chunk, forwards: one symbol's stub first (10-KL/TU?), the short form's own once 10-KL/TW arrives
      expect(await graphAfter(fresh!, items.map((i) => [i]))).toEqual(atOnce);
      expect(await graphAfter(fresh!, [...items].reverse().map((i) => [i]))).toEqual(atOnce);
    }, 120_000);
  });
}
