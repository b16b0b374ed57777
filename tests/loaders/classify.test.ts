// Stage 4: the relation each mention carries, its direction, and who asserts it.
import { describe, expect, it } from 'vitest';
import { extractText } from '../../graph-loaders/extract.js';
import type { ExtractedRelation } from '../../graph-loaders/types.js';
import { ownText, sample } from './corpus.js';

function rels(text: string, file = 'snippet.txt'): ExtractedRelation[] {
  return extractText(text, file).relations;
}

/** Strongest relation per (from, to) pair, as "FROM>TO": TYPE. */
function strongest(rs: ExtractedRelation[]): Record<string, string> {
  const order = ['SUPERSEDES', 'AMENDS', 'IMPLEMENTS', 'GUIDES', 'BASED_ON', 'CITES'];
  const out: Record<string, string> = {};
  for (const r of rs) {
    const k = `${r.from ? r.from.symbol : 'SELF'}>${r.to.symbol}`;
    if (!out[k] || order.indexOf(r.type) < order.indexOf(out[k])) out[k] = r.type;
  }
  return out;
}

const PARTY_HEAD = 'KẾT LUẬN\nCỦA BAN CHẤP HÀNH ĐẢNG BỘ THÀNH PHỐ\nvề một số nội dung\n\n';

describe('SUPERSEDES', () => {
  it('"dừng thực hiện Kết luận số 312-KL/TU ... và Nghị quyết số 08-NQ/TU": both, kind kept, coordination carries the verb', () => {
    const rs = rels(sample('hp-ket-luan-2026-dung-thuc-hien-312-KL-TU.txt')).filter((r) => r.type === 'SUPERSEDES');
    expect(rs.map((r) => [r.from, r.to.symbol, r.to.date, r.kind])).toEqual([
      [null, '312-KL/TU', '2024-02-15', 'dừng thực hiện'],
      [null, '08-NQ/TU', '2013-05-16', 'dừng thực hiện'],
      [null, '312-KL/TU', '2024-02-15', 'dừng thực hiện'],
      [null, '08-NQ/TU', '2013-05-16', 'dừng thực hiện'],
    ]);
  });

  it('"xây dựng Nghị quyết mới thay thế Nghị quyết số 35/2021/QH15" is no supersession', () => {
    const rs = rels(PARTY_HEAD + '- Bảo đảm hoàn thiện hồ sơ trình duyệt về xây dựng Nghị quyết mới thay thế Nghị quyết số 35/2021/QH15, ngày 13/11/2021 của Quốc hội.');
    expect(rs.map((r) => [r.to.symbol, r.type])).toEqual([['35/2021/QH15', 'CITES']]);
  });

  it('"Kết luận này thay thế Kết luận số X": the document itself; "Nghị quyết số Y ... thay thế Nghị quyết số X": from Y', () => {
    const rs = rels(PARTY_HEAD + '1. Kết luận này thay thế Kết luận số 20-KL/TU, ngày 05/3/2021 của Ban Thường vụ Thành ủy.\n\n2. Năm 2022, Nghị quyết số 18-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương thay thế Nghị quyết số 19-NQ/TW, ngày 31/10/2012.');
    expect(strongest(rs)).toEqual({ 'SELF>20-KL/TU': 'SUPERSEDES', 'SELF>18-NQ/TW': 'CITES', '18-NQ/TW>19-NQ/TW': 'SUPERSEDES', 'SELF>19-NQ/TW': 'CITES' });
    expect(rs.find((r) => r.from?.symbol === '18-NQ/TW')?.kind).toBe('thay thế');
  });

  it('a Law: "Luật ... số 15/2003/QH11 đã được sửa đổi ... theo Luật số 47/2005/QH11 và Luật số 39/2013/QH13 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành"', () => {
    const rs = rels(ownText('luat-hieu-luc-thi-hanh.txt'));
    const ends = rs.filter((r) => r.type === 'SUPERSEDES');
    expect(ends.map((r) => [r.from, r.to.symbol, r.kind, r.effectiveFrom])).toEqual([[null, '15/2003/QH11', 'hết hiệu lực', '2024-01-01']]);
    expect(strongest(rs)).toMatchObject({ '47/2005/QH11>15/2003/QH11': 'AMENDS', '39/2013/QH13>15/2003/QH11': 'AMENDS', 'SELF>39/2013/QH13': 'CITES' });
  });

  it('"Luật số 45/2019/QH14 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành" → SUPERSEDES, kind hết hiệu lực, with the date', () => {
    const rs = rels('LUẬT\nABC\n\nĐiều 220. Hiệu lực thi hành\n\n1. Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021.\n\n2. Bộ luật Lao động số 10/2012/QH13 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.\n\n3. Luật số 45/2019/QH14 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.');
    expect(rs.map((r) => [r.to.symbol, r.type, r.kind, r.effectiveFrom])).toEqual([
      ['10/2012/QH13', 'SUPERSEDES', 'hết hiệu lực', '2021-01-01'],
      ['45/2019/QH14', 'SUPERSEDES', 'hết hiệu lực', '2021-01-01'],
    ]);
  });

  it('a list after "Các văn bản sau đây hết hiệu lực ...:" ends each item, and a named part gives a scope', () => {
    const rs = rels(ownText('nghi-dinh-quy-dinh-chi-tiet.txt')).filter((r) => r.type === 'SUPERSEDES');
    expect(rs.map((r) => [r.to.symbol, r.kind, r.scope ?? null, r.effectiveFrom])).toEqual([
      ['91/2017/NĐ-CP', 'hết hiệu lực', null, '2024-01-01'],
      ['28/2023/NĐ-CP', 'hết hiệu lực', null, '2024-01-01'],
      ['145/2013/NĐ-CP', 'bãi bỏ', 'khoản 2 Điều 14', '2024-01-01'],
    ]);
  });

  it('"hết hiệu lực kể từ ngày 01/7/2025" sets the date the ending takes effect', () => {
    const rs = rels('QUYẾT ĐỊNH\nVề việc ABC\n\nĐiều 3. Quyết định số 12/2020/QĐ-UBND ngày 05/3/2020 của Ủy ban nhân dân tỉnh hết hiệu lực kể từ ngày 01/7/2025.');
    expect(rs.map((r) => [r.type, r.kind, r.effectiveFrom])).toEqual([['SUPERSEDES', 'hết hiệu lực', '2025-07-01']]);
  });

  it('đình chỉ and ngưng hiệu lực keep their kind; a named article gives the scope', () => {
    const rs = rels(ownText('quyet-dinh-dinh-chi.txt')).filter((r) => r.type === 'SUPERSEDES');
    expect(rs.map((r) => [r.to.symbol, r.kind, r.scope ?? null])).toEqual([
      ['20/2023/NQ-HĐND', 'đình chỉ', null],
      ['20/2023/NQ-HĐND', 'đình chỉ', null],
      ['08/2022/QĐ-UBND', 'ngưng hiệu lực', 'Điều 4'],
    ]);
    expect(rs[1].effectiveFrom).toBe('2024-10-15');
  });

  it('a consolidated text (VBHN) repeating a repeal clause asserts no SUPERSEDES', () => {
    const rs = rels(ownText('vbhn-hop-nhat.txt'));
    expect(rs.some((r) => r.type === 'SUPERSEDES')).toBe(false);
    expect(rs.find((r) => r.to.symbol === '28/2000/PL-UBTVQH10')?.rule).toBe('cites:consolidated-repeat');
  });

  it('"sơ kết/tổng kết ... năm thực hiện Nghị quyết X" is a review: CITES, never SUPERSEDES or IMPLEMENTS', () => {
    const rs = rels(PARTY_HEAD + '1. Tổng kết 10 năm thực hiện Nghị quyết số 08-NQ/TU, ngày 16/5/2013.\n\n2. Sơ kết tình hình thực hiện Nghị quyết số 57-NQ/TW.');
    expect(rs.map((r) => [r.to.symbol, r.type, r.rule])).toEqual([
      ['08-NQ/TU', 'CITES', 'cites:review'],
      ['57-NQ/TW', 'CITES', 'cites:review'],
    ]);
  });
});

describe('AMENDS', () => {
  it('"Ban hành Quyết định sửa đổi Quyết định số 1738-QĐ/TU" is a future amendment: CITES from the text', () => {
    const rs = rels(sample('hp-ket-luan-hoi-nghi-thanh-uy-13-khoa-XVI-2023.txt')).filter((r) => r.to.symbol === '1738-QĐ/TU');
    expect(rs.map((r) => [r.from, r.type])).toEqual([[null, 'CITES']]);
  });

  it('a Circular "sửa đổi, bổ sung một số điều của Thông tư số 80/2021/TT-BTC" → AMENDS with the parts it lists', () => {
    const rs = rels(ownText('thong-tu-sua-doi.txt')).filter((r) => r.to.symbol === '80/2021/TT-BTC' && !r.from);
    const amend = rs.find((r) => r.rule === 'amend:this-document');
    expect(amend?.type).toBe('AMENDS');
    expect(amend?.scope).toBe('khoản 2 Điều 3; Điều 5a');
    const repeal = rs.find((r) => r.type === 'SUPERSEDES');
    expect([repeal?.kind, repeal?.scope]).toEqual(['bãi bỏ', 'Điều 7; khoản 3 Điều 9']);
  });

  it('"X, điều chỉnh tại Y": Y AMENDS X (the direction of a passive phrase)', () => {
    const rs = rels(sample('hp-nghi-quyet-muc-tieu-nhiem-vu-2025.txt')).filter((r) => r.from);
    const e = rs.find((r) => r.to.symbol === '1705-TB/TU');
    expect([e?.from?.symbol, e?.type]).toEqual(['1485-CV/TU', 'AMENDS']);
  });
});

describe('IMPLEMENTS, GUIDES, BASED_ON', () => {
  it('a title "về tiếp tục thực hiện Nghị quyết số 45-NQ/TW" → IMPLEMENTS (OCR text)', () => {
    const rs = rels(sample('tw-ket-luan-96-KL-TW-2024-ocr.txt'));
    expect(rs.find((r) => r.to.symbol === '45-NQ/TW')?.type).toBe('IMPLEMENTS');
    expect(strongest(rs)['SELF>108/NQ-CP']).toBe('CITES');
  });

  it('"Kết luận số 96-KL/TW ... về tiếp tục thực hiện Nghị quyết số 45-NQ/TW" → an edge between two others', () => {
    const rs = rels(sample('hp-nghi-quyet-muc-tieu-nhiem-vu-2025.txt'));
    const s = strongest(rs);
    expect(s['96-KL/TW>45-NQ/TW']).toBe('IMPLEMENTS');
    expect(s['SELF>45-NQ/TW']).toBe('CITES');
    expect(s['49-CTr/TU>18-NQ/TW']).toBe('IMPLEMENTS');
    expect(s['14/NQ-CP>30-NQ/TW']).toBe('IMPLEMENTS');
    expect(s['09-KL/BCĐ>18-NQ/TW']).toBe('CITES'); // "về tổng kết thực hiện": a review
  });

  it('a Party plan implementing a resolution, and an opening "Thực hiện ... tại Văn bản số ..."', () => {
    expect(strongest(rels(ownText('ke-hoach-thuc-hien-nghi-quyet.txt')))).toMatchObject({
      'SELF>57-NQ/TW': 'IMPLEMENTS',
      '03/NQ-CP>57-NQ/TW': 'IMPLEMENTS',
      'SELF>112-KH/TU': 'SUPERSEDES',
      'SELF>45/2021/NQ-HĐND': 'CITES',
      'SELF>1234/QĐ-UBND': 'CITES',
    });
    const cv = strongest(rels(sample('hp-cong-van-11494-VP-VX-2025-ocr.txt')));
    expect(cv['SELF>379-CV/VPĐU']).toBe('IMPLEMENTS');
    expect(cv['SELF>07-TB/VPTU']).toBe('IMPLEMENTS'); // the title names it by its description
    expect(cv['SELF>118/2025/NĐ-CP']).toBe('CITES');
  });

  it('"Nghị định này quy định chi tiết một số điều của Luật ..." → GUIDES; "Căn cứ Luật ..." → BASED_ON', () => {
    const rs = rels(ownText('nghi-dinh-quy-dinh-chi-tiet.txt')).filter((r) => r.to.symbol === '06/2022/QH15');
    expect(rs.map((r) => [r.type, r.rule])).toEqual([
      ['BASED_ON', 'based-on:can-cu'],
      ['GUIDES', 'guides:this-document'],
    ]);
  });

  it('a Party guide: "Hướng dẫn này hướng dẫn thực hiện Quy định số 66-QĐ/TW"; examples are no references', () => {
    const rs = rels(ownText('huong-dan-vptw.txt'));
    expect(strongest(rs)).toEqual({ 'SELF>66-QĐ/TW': 'GUIDES', 'SELF>196-QĐ/TW': 'BASED_ON', 'SELF>11-HD/VPTW': 'SUPERSEDES' });
  });

  it('"Căn cứ A; B;" in a Party text: both are the basis', () => {
    expect(strongest(rels(ownText('ke-hoach-nam-2025.txt')))).toMatchObject({ 'SELF>22-QĐ/TW': 'BASED_ON', 'SELF>02-HD/TW': 'BASED_ON', '02-HD/TW>22-QĐ/TW': 'GUIDES' });
  });
});

describe('provenance', () => {
  it('every relation has a rule, a quote that is the stored text between its offsets, at most 300 characters', () => {
    for (const name of ['luat-hieu-luc-thi-hanh.txt', 'thong-tu-sua-doi.txt', 'quyet-dinh-ocr.txt']) {
      const text = ownText(name);
      const stored = text.normalize('NFC');
      for (const r of rels(text)) {
        expect(r.rule).toMatch(/^[a-z-]+:/);
        expect(stored.slice(r.start, r.end)).toBe(r.evidence);
        expect(r.evidence.length).toBeGreaterThan(5);
        expect(r.evidence.length).toBeLessThanOrEqual(300);
      }
    }
  });

  it('offsets refer to the NFC text even when the input is NFD', () => {
    const text = sample('hp-ket-luan-2026-dung-thuc-hien-312-KL-TU.txt');
    const a = rels(text.normalize('NFD'));
    const b = rels(text);
    expect(a.map((r) => [r.start, r.end, r.type])).toEqual(b.map((r) => [r.start, r.end, r.type]));
  });
});

describe('other ways to end a document', () => {
  it('thôi thực hiện, chấm dứt thực hiện, tạm dừng thực hiện, hủy', () => {
    const rs = rels(
      'QUYẾT ĐỊNH\nVề việc xử lý văn bản\n\nĐiều 1. Thôi thực hiện Quyết định số 11/QĐ-UBND ngày 05/01/2020.\n\nĐiều 2. Chấm dứt thực hiện Kế hoạch số 22/KH-UBND ngày 06/02/2021.\n\nĐiều 3. Tạm dừng thực hiện Quyết định số 33/QĐ-UBND ngày 07/3/2022.\n\nĐiều 4. Hủy Quyết định số 44/QĐ-UBND ngày 08/4/2023.',
    );
    expect(rs.map((r) => [r.to.symbol, r.type, r.kind])).toEqual([
      ['11/QĐ-UBND', 'SUPERSEDES', 'dừng thực hiện'],
      ['22/KH-UBND', 'SUPERSEDES', 'dừng thực hiện'],
      ['33/QĐ-UBND', 'SUPERSEDES', 'ngưng hiệu lực'],
      ['44/QĐ-UBND', 'SUPERSEDES', 'hủy bỏ'],
    ]);
  });
});

describe('parallel clauses and long lists', () => {
  it('"Bãi bỏ A, bãi bỏ B": both ended by this text, A does not end B', () => {
    const rs = rels('QUYẾT ĐỊNH\nVề việc bãi bỏ\n\nĐiều 1. Bãi bỏ Quyết định số 1/QĐ-UBND ngày 01/01/2020, bãi bỏ Quyết định số 2/QĐ-UBND ngày 02/01/2020, Bãi bỏ Quyết định số 3/QĐ-UBND ngày 03/01/2020.');
    expect(rs.map((r) => [r.from?.symbol ?? null, r.to.symbol, r.type])).toEqual([
      [null, '1/QĐ-UBND', 'SUPERSEDES'],
      [null, '2/QĐ-UBND', 'SUPERSEDES'],
      [null, '3/QĐ-UBND', 'SUPERSEDES'],
    ]);
  });

  it('"Quyết định số 12/QĐ-UBND ..., thay thế Quyết định số 10/QĐ-UBND" (an apposition) stays an edge between the two', () => {
    const rs = rels('KẾT LUẬN\nvề một việc\n\nTiếp tục thực hiện Quyết định số 12/QĐ-UBND ngày 05/3/2024 của Ủy ban nhân dân tỉnh, thay thế Quyết định số 10/QĐ-UBND ngày 01/02/2020.');
    expect(strongest(rs)).toMatchObject({ '12/QĐ-UBND>10/QĐ-UBND': 'SUPERSEDES', 'SELF>10/QĐ-UBND': 'CITES' });
  });

  it('a list of 3000 items after "Bãi bỏ các văn bản sau:" ends every one', () => {
    const text = 'QUYẾT ĐỊNH\nVề việc bãi bỏ\n\nĐiều 1. Bãi bỏ các văn bản sau:\n' + Array.from({ length: 3000 }, (_, i) => `- Quyết định số ${i + 1}/QĐ-UBND ngày 01/01/2020;`).join('\n');
    expect(rels(text).filter((r) => r.type === 'SUPERSEDES')).toHaveLength(3000);
  });
});
