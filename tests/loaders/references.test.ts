// Stage 3: references — Party and State shapes, dates in both forms, issuer and term, short forms,
// OCR damage, and what is not a reference.
import { describe, expect, it } from 'vitest';
import { fold, storedText } from '../../graph-loaders/normalise.js';
import { findReferences, parseShortPlaceholder, symbolParts } from '../../graph-loaders/references.js';
import { extractText, resolveInText } from '../../graph-loaders/extract.js';
import { sample } from './corpus.js';

function refs(text: string) {
  const stored = storedText(text);
  return findReferences(stored, fold(stored));
}

describe('shapes', () => {
  it('finds Party and State symbols and writes them the Vietnamese way', () => {
    const text =
      'theo Nghị quyết số 45-NQ/TW, Chương trình số 49-CTr/TU, Văn bản số 07-TB/VPTU, Luật số 35/2021/QH15, Nghị quyết số 1232/NQ-UBTVQH15, ' +
      'Nghị định số 118/2025/ND-CP, Quyết định số 1511/QĐ-TTg, Thông tư số 80/2021/TT-BTC, Công văn số 11494/VP-VX, Kế hoạch số 02-KH/BCDTW.';
    expect(refs(text).map((m) => m.symbol)).toEqual([
      '45-NQ/TW',
      '49-CTr/TU',
      '07-TB/VPTU',
      '35/2021/QH15',
      '1232/NQ-UBTVQH15',
      '118/2025/NĐ-CP',
      '1511/QĐ-TTg',
      '80/2021/TT-BTC',
      '11494/VP-VX',
      '02-KH/BCĐTW',
    ]);
  });

  it('reads type, issuer, term and date after the symbol, in both date forms', () => {
    const [a, b, c] = refs(
      'Nghị quyết số 18-NQ/TW, ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII; Nghị quyết số 18-NQ/TW ngày 16 tháng 6 năm 2022 của Ban Chấp hành Trung ương (khóa XIII) về đất đai; Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ.',
    );
    expect([a.symbol, a.date, a.type, a.issuer, a.term]).toEqual(['18-NQ/TW', '2017-10-25', 'Nghị quyết', 'Ban Chấp hành Trung ương Đảng', 'XII']);
    expect([b.date, b.issuer, b.term, b.subject]).toEqual(['2022-06-16', 'Ban Chấp hành Trung ương', 'XIII', 'đất đai']);
    expect([c.symbol, c.date, c.issuer]).toEqual(['118/2025/NĐ-CP', '2025-06-09', 'Chính phủ']);
  });

  it('a date "ngày … " that opens the clause belongs to the symbol it introduces', () => {
    const [m] = refs('Ngày 07/11/2025, Văn phòng Thành ủy có Văn bản số 07-TB/VPTU, thông báo kết luận.');
    expect(m.date).toBe('2025-11-07');
  });

  it('a date of another year is no date of a legal symbol that carries its year', () => {
    const [m] = refs('Nghị định số 118/2025/NĐ-CP, ngày 01/7/2024 Bộ Tài chính ban hành hướng dẫn.');
    expect(m.date).toBeNull();
  });

  it('keeps 08-NQ/TU of 2013 and of 2022 apart in one text', () => {
    const text = sample('hp-ket-luan-hoi-nghi-thanh-uy-13-khoa-XVI-2023.txt');
    const dates = new Set(refs(text).filter((m) => m.symbol === '08-NQ/TU').map((m) => m.date));
    expect([...dates].sort()).toEqual(['2013-05-16', '2022-12-06']);
  });
});

describe('OCR damage and markers', () => {
  it('reads "$6:11494 /VP-VX" (a space before the slash)', () => {
    const stored = storedText('$6:11494 /VP-VX Hdi Phong, ngay 11 thang 11 nam 2025');
    const m = findReferences(stored, fold(stored));
    expect(m.map((x) => x.symbol)).toEqual(['11494/VP-VX']);
  });

  it('a footnote marker glued to a symbol or its issuer is not part of it', () => {
    expect(refs('Kết luận số 96-KL/TW của Bộ Chính trị¹, Kết luận số 110-TB/VPTW').map((m) => [m.symbol, m.issuer])).toEqual([
      ['96-KL/TW', 'Bộ Chính trị'],
      ['110-TB/VPTW', null],
    ]);
    expect(refs('theo Kết luận số 96-KL/TW² và Nghị định số 118/2025/NĐ-CP³.').map((m) => m.symbol)).toEqual(['96-KL/TW', '118/2025/NĐ-CP']);
  });

  it('"Quy I11/2025" is neither a date nor a symbol', () => {
    expect(refs('so két tinh hinh thuc hién trong Quy I11/2025 va nhiém vu')).toEqual([]);
    const stored = storedText('trong Quy I11/2025');
    expect(fold(stored)).toBe('trong quy iii/2025');
  });

  it('OCR without diacritics: "Nghi quyét s6 45-NQ/TW, ngay 24/01/2019 ctia B6 Chinh trj khoa XII"', () => {
    const [m] = refs('Nghi quyét s6 45-NQ/TW, ngay 24/01/2019 ctia B6 Chinh trj khoa XII\nvé xay dung');
    expect([m.symbol, m.date, m.type, m.term]).toEqual(['45-NQ/TW', '2019-01-24', 'Nghị quyết', 'XII']);
  });

  it('"BCDH", unknown, is repaired to the known issuer code BCĐ and says so', () => {
    const [m] = refs('Ké hoach s6 01-KH/BCDH ctia Ban Chi dao thanh phd');
    expect(m.symbol).toBe('01-KH/BCĐ');
    expect(m.repaired).toMatch(/BCDH/);
  });

  it('numbers that are not symbols: ratios, years, quarters, ranges', () => {
    expect(refs('khánh thành 06/18 dự án; giai đoạn 2021 - 2025; tỷ lệ 1/500; bão số 3; quý 1/2026.')).toEqual([]);
  });
});

describe('short forms', () => {
  it('"Nghị quyết số 35 của Quốc hội" is a short form that stays unresolved in its text', () => {
    const text = 'Xây dựng các đề án thí điểm chính sách phí quy định tại Nghị quyết số 35 của Quốc hội.';
    const ms = refs(text);
    expect(ms).toHaveLength(1);
    expect(ms[0].family).toBe('short');
    expect(ms[0].shortForm).toBe('Nghị quyết số 35 của Quốc hội');
    expect(ms[0].unresolved).toBe(true);
    expect(parseShortPlaceholder(ms[0].symbol)).toEqual({ number: '35', typeCode: null, issuerCode: 'QH' });
    const e = extractText(text, 'x.txt');
    expect(e.relations[0].to).toMatchObject({ shortForm: 'Nghị quyết số 35 của Quốc hội', unresolved: true });
  });

  it('"Nghị quyết 57" resolves to the full reference made in the same text', () => {
    const text = 'Thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị (sau đây gọi tắt là Nghị quyết 57). Quán triệt Nghị quyết 57.';
    const stored = storedText(text);
    const ms = findReferences(stored, fold(stored));
    resolveInText(ms, { id: 'x', symbol: null, type: null, issuer: null, issuedOn: null, title: null });
    expect(ms.map((m) => [m.symbol, m.date, m.unresolved])).toEqual([
      ['57-NQ/TW', '2024-12-22', false],
      ['57-NQ/TW', '2024-12-22', false],
      ['57-NQ/TW', '2024-12-22', false],
    ]);
  });

  it('is not fooled by "Kế hoạch 5 năm" or "Nghị quyết Trung ương 4"', () => {
    expect(refs('Kế hoạch 5 năm 2021 - 2025 và Nghị quyết Trung ương 4 khóa XII; Quyết định 2 lần.')).toEqual([]);
  });
});

describe('symbol parts', () => {
  it('splits number, type, issuer, year and assembly term', () => {
    expect(symbolParts('118/2025/NĐ-CP')).toMatchObject({ number: '118', typeCode: 'ND', issuerCode: 'CP', year: '2025' });
    expect(symbolParts('35/2021/QH15')).toMatchObject({ number: '35', typeCode: null, issuerCode: 'QH', assembly: 'QH15' });
    expect(symbolParts('08-NQ/TU')).toMatchObject({ number: '08', typeCode: 'NQ', issuerCode: 'TU', party: true });
  });
});

describe('lists and line wraps', () => {
  it('"các Nghị quyết số 57, 59, 66 và 68 của Bộ Chính trị": four short forms with the issuer', () => {
    const ms = refs('Triển khai các Nghị quyết số 57, 59, 66 và 68 của Bộ Chính trị trong năm 2025.');
    expect(ms.map((m) => [m.number, m.family, m.issuerCode, m.unresolved])).toEqual([
      ['57', 'short', 'TW', true],
      ['59', 'short', 'TW', true],
      ['66', 'short', 'TW', true],
      ['68', 'short', 'TW', true],
    ]);
    expect(ms[1].shortForm).toBe('Nghị quyết 59 của Bộ Chính trị');
  });

  it('a short-form list resolves against the full symbols of the same text', () => {
    const e = extractText('Thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 và Nghị quyết số 68-NQ/TW, ngày 04/5/2025 của Bộ Chính trị. Quán triệt các Nghị quyết 57 và 68.', 'x.txt');
    expect(e.relations.map((r) => [r.to.symbol, r.to.date])).toEqual([
      ['57-NQ/TW', '2024-12-22'],
      ['68-NQ/TW', '2025-05-04'],
      ['57-NQ/TW', '2024-12-22'],
      ['68-NQ/TW', '2025-05-04'],
    ]);
  });

  it('a Party symbol broken by an OCR line wrap', () => {
    expect(refs('Nghi quyet so 45-NQ/\nTW, ngay 24/01/2019').map((m) => [m.symbol, m.date])).toEqual([['45-NQ/TW', '2019-01-24']]);
  });
});

describe('not documents', () => {
  it('form and table numbers are skipped', () => {
    expect(refs('Kê khai theo Mẫu số 01/TK-TNCN và Biểu số 02/BC-UBND ban hành kèm theo Thông tư số 80/2021/TT-BTC.').map((m) => m.symbol)).toEqual(['80/2021/TT-BTC']);
  });

  it('an annex "kèm theo Kế hoạch số ..." of the document itself is no reference', () => {
    const e = extractText('ỦY BAN NHÂN DÂN\nTỈNH X\n\nSố: 125/KH-UBND\n\nX, ngày 18 tháng 3 năm 2025\n\nKẾ HOẠCH\nvề một việc\n\nNội dung.\n\nPHỤ LỤC\n(Kèm theo Kế hoạch số 125/KH-UBND của Ủy ban nhân dân tỉnh)\n\nBáo cáo theo Kế hoạch số 125/KH-UBND năm 2024.', 'k.txt');
    expect(e.relations.map((r) => r.evidence.includes('Kèm theo'))).toEqual([false]);
  });
});

describe('issuer and term', () => {
  it('"của Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XII"', () => {
    const [m] = refs('Nghị quyết số 36-NQ/TW ngày 22/10/2018 của Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XII về Chiến lược phát triển bền vững kinh tế biển');
    expect([m.date, m.issuer, m.term]).toEqual(['2018-10-22', 'Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng', 'XII']);
  });
});
