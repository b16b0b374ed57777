// Stage 2: the document itself — number, type, issuer and locality, place and issue date, title,
// its own effect dates, and a stable id without a number.
import { describe, expect, it } from 'vitest';
import { identify, latestMentionedDate } from '../../graph-loaders/identify.js';
import { fold, storedText } from '../../graph-loaders/normalise.js';
import { findReferences } from '../../graph-loaders/references.js';
import { extractText } from '../../graph-loaders/extract.js';
import { ownText, sample } from './corpus.js';

function id(text: string) {
  const stored = storedText(text);
  return identify(stored, fold(stored)).identity;
}

describe('identify on the samples', () => {
  it('96-KL/TW (OCR): issued 2024-09-30 from the place-date line, not the signature stamp 2024-10-03', () => {
    const d = id(sample('tw-ket-luan-96-KL-TW-2024-ocr.txt'));
    expect(d.symbol).toBe('96-KL/TW');
    expect(d.issuedOn).toBe('2024-09-30');
    expect(d.type).toBe('Kết luận');
    expect(d.issuer).toBe('Bộ Chính trị');
    expect(d.place).toBe('Hà Nội');
    expect(d.id).toBe('96-KL/TW@2024-09-30');
  });

  it('11494/VP-VX (OCR): "$6:11494 /VP-VX Hdi Phong, ngay 11 thang 11 nam 2025"', () => {
    const d = id(sample('hp-cong-van-11494-VP-VX-2025-ocr.txt'));
    expect(d.symbol).toBe('11494/VP-VX');
    expect(d.issuedOn).toBe('2025-11-11');
    expect(d.type).toBe('Công văn');
    expect(d.issuer).toBe('Văn phòng Ủy ban nhân dân thành phố Hải Phòng');
    expect(d.locality).toBe('Hải Phòng');
    expect(d.title).toMatch(/^VIV thyc hién Thong/);
  });

  it('a Kết luận without a number gets a stable id, its issuer with the locality, and a lower bound', () => {
    const e = extractText(sample('hp-ket-luan-2026-dung-thuc-hien-312-KL-TU.txt'), 'x.txt');
    const d = e.document;
    expect(d.symbol).toBeNull();
    expect(d.issuedOn).toBeNull(); // "Kết luận số 312-KL/TU, ngày 15/02/2024" is no place-date line
    expect(d.type).toBe('Kết luận');
    expect(d.issuer).toBe('Ban Chấp hành Đảng bộ thành phố Hải Phòng');
    expect(d.issuedNotBefore).toBe('2026-02-11'); // it cites 61-BC/ĐU of that date
    expect(d.title).toMatch(/^về việc dừng thực hiện Kết luận số 312-KL\/TU/);
    expect(d.id).toBe(extractText(sample('hp-ket-luan-2026-dung-thuc-hien-312-KL-TU.txt'), 'other-name.txt').document.id);
    expect(d.id).toMatch(/^ket-luan:ban-chap-hanh-dang-bo-thanh-pho-hai-phong@/);
  });

  it('the heading gives the issuer and term ("NGHỊ QUYẾT BAN CHẤP HÀNH ĐẢNG BỘ THÀNH PHỐ KHÓA XVI")', () => {
    const d = id(sample('hp-nghi-quyet-muc-tieu-nhiem-vu-2025.txt'));
    expect(d.symbol).toBeNull();
    expect(d.type).toBe('Nghị quyết');
    expect(d.term).toBe('XVI');
    expect(d.issuer).toBe('Ban Chấp hành Đảng bộ thành phố Hải Phòng');
    expect(d.title).toBe('về mục tiêu, nhiệm vụ, giải pháp năm 2025');
    expect(d.expiresOn).toBeNull(); // an annual resolution is not an annual plan: no end is set
  });

  it('"HỘI NGHỊ THÀNH ỦY LẦN THỨ 13, KHÓA XVI": the city committee, term XVI', () => {
    const d = id(sample('hp-ket-luan-hoi-nghi-thanh-uy-13-khoa-XVI-2023.txt'));
    expect(d.issuer).toBe('Ban Chấp hành Đảng bộ thành phố Hải Phòng');
    expect(d.term).toBe('XVI');
  });

  it('the lower bound leaves out deadlines and effect dates', () => {
    const t = storedText('Ngày 03/12/2024 Hội nghị họp. Hoàn thành trước ngày 30/6/2025. Kế hoạch có hiệu lực kể từ ngày 01/01/2026.');
    const f = fold(t);
    expect(latestMentionedDate(f, findReferences(t, f), null)).toBe('2024-12-03');
  });
});

describe('identify on other shapes', () => {
  it('a Law: "Luật số: 06/2022/QH15", adopted on its "thông qua ngày", in effect from its own date', () => {
    const d = id(ownText('luat-hieu-luc-thi-hanh.txt'));
    expect(d.symbol).toBe('06/2022/QH15');
    expect(d.type).toBe('Luật');
    expect(d.issuer).toBe('Quốc hội');
    expect(d.issuedOn).toBe('2022-06-15');
    expect(d.effectiveFrom).toBe('2024-01-01');
  });

  it('a Decree, a Circular, a Decision with their issuers and dates', () => {
    const nd = id(ownText('nghi-dinh-quy-dinh-chi-tiet.txt'));
    expect([nd.symbol, nd.type, nd.issuer, nd.issuedOn, nd.effectiveFrom]).toEqual(['98/2023/NĐ-CP', 'Nghị định', 'Chính phủ', '2023-12-31', '2024-01-01']);
    const tt = id(ownText('thong-tu-sua-doi.txt'));
    expect([tt.symbol, tt.type, tt.issuer, tt.issuedOn, tt.effectiveFrom]).toEqual(['13/2023/TT-BTC', 'Thông tư', 'Bộ Tài chính', '2023-02-28', '2023-04-15']);
    const qd = id(ownText('quyet-dinh-bai-bo.txt'));
    expect([qd.symbol, qd.issuer, qd.locality, qd.place]).toEqual(['15/2024/QĐ-UBND', 'Ủy ban nhân dân tỉnh Quảng Ninh', 'Quảng Ninh', 'Quảng Ninh']);
    const ttg = id(ownText('quyet-dinh-dinh-chi.txt'));
    expect([ttg.symbol, ttg.issuer, ttg.effectiveFrom]).toEqual(['1057/QĐ-TTg', 'Thủ tướng Chính phủ', '2024-10-02']); // "kể từ ngày ký"
  });

  it('Party documents: the issuer from the header and the signing body, a Party "QĐ" heading read as its type', () => {
    const hd = id(ownText('huong-dan-vptw.txt'));
    expect([hd.symbol, hd.type, hd.issuer]).toEqual(['36-HD/VPTW', 'Hướng dẫn', 'Văn phòng Trung ương Đảng']);
    const kh = id(ownText('ke-hoach-thuc-hien-nghi-quyet.txt'));
    expect([kh.symbol, kh.type, kh.issuer, kh.place]).toEqual(['45-KH/TU', 'Kế hoạch', 'Ban Thường vụ Thành ủy Đà Nẵng', 'Đà Nẵng']);
    const qd = id('TỈNH ỦY BẮC NINH\n*\nĐẢNG CỘNG SẢN VIỆT NAM\n\nSố 12-QĐ/TU\n\nBắc Ninh, ngày 05 tháng 3 năm 2024\n\nQUY ĐỊNH\nvề chế độ báo cáo\n\nĐiều 1. Phạm vi');
    expect([qd.symbol, qd.type, qd.issuedOn]).toEqual(['12-QĐ/TU', 'Quy định', '2024-03-05']);
  });

  it('an annual plan ends with its year; a plan that says so ends on its own date', () => {
    const d = id(ownText('ke-hoach-nam-2025.txt'));
    expect(d.expiresOn).toBe('2025-12-31');
    const plan = id('TỈNH ỦY X\n\nSố 05-KH/TU\n\nKẾ HOẠCH\ncông tác tuyên giáo năm 2024\n\nNội dung.');
    expect(plan.expiresOn).toBe('2024-12-31');
    const longer = id('TỈNH ỦY X\n\nSố 06-KH/TU\n\nKẾ HOẠCH\nthực hiện Đề án giai đoạn 2021 - 2025, tầm nhìn đến năm 2030\n\nNội dung.');
    expect(longer.expiresOn).toBeNull();
  });

  it('a consolidated text (VBHN) is marked as such', () => {
    const d = id(ownText('vbhn-hop-nhat.txt'));
    expect(d.symbol).toBe('21/VBHN-VPQH');
    expect(d.type).toBe('Văn bản hợp nhất');
    expect(d.consolidated).toBe(true);
  });

  it('an OCR decision: "S6: 1520-QD/TU Thai Binh, ngay 30 thang 9 nam 2024", not the stamp', () => {
    const d = id(ownText('quyet-dinh-ocr.txt'));
    expect([d.symbol, d.type, d.issuer, d.issuedOn, d.place, d.effectiveFrom]).toEqual(['1520-QĐ/TU', 'Quyết định', 'Ban Thường vụ Tỉnh ủy Thái Bình', '2024-09-30', 'Thái Bình', '2024-09-30']);
  });
});

describe('identify: header variants', () => {
  it('a date line without a place in the header is the issue date; a deadline in the body is not', () => {
    const d = id('BỘ TƯ PHÁP\n\nSố: 12/BTP-VP\n\nngày 05 tháng 3 năm 2024\n\nV/v báo cáo\n\nĐề nghị gửi báo cáo trước ngày 30 tháng 3 năm 2024.');
    expect([d.symbol, d.issuedOn, d.type]).toEqual(['12/BTP-VP', '2024-03-05', 'Công văn']);
    const none = id('KẾT LUẬN\nvề một việc\n\nĐề nghị hoàn thành trước ngày 30 tháng 3 năm 2024.');
    expect(none.issuedOn).toBeNull();
  });
});

describe('identify: flattened text', () => {
  it('reads the number and date of a header flattened into one line', () => {
    const d = id('ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 15/2024/QĐ-UBND Quảng Ninh, ngày 22 tháng 5 năm 2024 QUYẾT ĐỊNH Về việc bãi bỏ Quyết định số 12/2016/QĐ-UBND.');
    expect([d.symbol, d.issuedOn]).toEqual(['15/2024/QĐ-UBND', '2024-05-22']);
    const e = extractText('ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH Số: 15/2024/QĐ-UBND Quảng Ninh, ngày 22 tháng 5 năm 2024 QUYẾT ĐỊNH Về việc bãi bỏ Quyết định số 12/2016/QĐ-UBND.', 'flat.txt');
    expect(e.relations.map((r) => r.to.symbol)).toEqual(['12/2016/QĐ-UBND']);
  });
});

describe('identify: a copy titled with its number', () => {
  it('"Kết luận 96-KL/TW năm 2024 ..." on the first line is the document itself, not a reference', () => {
    const e = extractText('Kết luận 96-KL/TW năm 2024 tiếp tục thực hiện Nghị quyết 45-NQ/TW về Hải Phòng\n\nBAN CHẤP HÀNH TRUNG ƯƠNG\n\nHà Nội, ngày 30 tháng 9 năm 2024\n\nKẾT LUẬN\nCỦA BỘ CHÍNH TRỊ\nvề tiếp tục thực hiện Nghị quyết số 45-NQ/TW, ngày 24/01/2019\n\nNội dung.', 'copy.txt');
    expect([e.document.symbol, e.document.issuedOn, e.document.type]).toEqual(['96-KL/TW', '2024-09-30', 'Kết luận']);
    expect(e.relations.map((r) => r.to.symbol)).toEqual(['45-NQ/TW', '45-NQ/TW']);
    expect(e.relations.some((r) => r.type === 'IMPLEMENTS')).toBe(true); // the heading's title
  });
});
