// Stage 1: the stored text and its same-length folded copy, OCR repairs, symbols and dates.
import { describe, expect, it } from 'vitest';
import {
  canonicalSymbol,
  convertTcvn3,
  dateAt,
  detectLegacyEncoding,
  fold,
  foldKey,
  institutionName,
  isPlainNfc,
  LegacyEncodingError,
  provinceName,
  repairIssuerCode,
  storedText,
} from '../../graph-loaders/normalise.js';
import { sample, sampleFiles } from './corpus.js';

describe('stored text', () => {
  it('is the NFC form of the input', () => {
    const nfd = 'Nghị quyết số 45-NQ/TW'.normalize('NFD');
    expect(storedText(nfd)).toBe('Nghị quyết số 45-NQ/TW');
    expect(storedText(nfd).length).toBeLessThan(nfd.length);
  });

  it('skips normalize() only where NFC changes nothing: every accepted character and pair is its own NFC', () => {
    const accepted: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (isPlainNfc(String.fromCharCode(c))) accepted.push(String.fromCharCode(c));
    expect(accepted.length).toBe(0x300 + 0x100 + 0x18);
    const bad: string[] = [];
    for (const a of accepted) {
      if (a.normalize('NFC') !== a) bad.push(a);
      for (const b of accepted) if ((a + b).normalize('NFC') !== a + b) bad.push(a + b);
    }
    expect(bad).toEqual([]);
    expect(isPlainNfc('Nghị quyết số 45-NQ/TW – “Đảng”…')).toBe(true);
    expect(isPlainNfc('Nghị quyết'.normalize('NFD'))).toBe(false);
  });

  it('converts TCVN3 (ABC) text read as Latin-1, and refuses VNI with a clear message', () => {
    const tcvn = 'NghÞ quyÕt sè 45-NQ/TW cña Bé ChÝnh trÞ vÒ ViÖt Nam, ngµy 24 th¸ng 01 n¨m 2019 §¶ng';
    expect(detectLegacyEncoding(tcvn)).toBe('tcvn3');
    expect(convertTcvn3('NghÞ quyÕt')).toBe('Nghị quyết');
    expect(storedText(tcvn)).toContain('Nghị quyết số 45-NQ/TW');
    expect(storedText(tcvn)).toContain('ngày 24 tháng 01 năm 2019');
    const vni = 'Nghò quyeát soá 45 ngaøy 24 thaùng 01 naêm 2019 Ñaûng Coäng saûn Vieät Nam';
    expect(detectLegacyEncoding(vni)).toBe('vni');
    expect(() => storedText(vni)).toThrow(LegacyEncodingError);
    expect(() => storedText(vni)).toThrow(/VNI/);
  });

  it('leaves Unicode and OCR samples alone', () => {
    for (const f of sampleFiles()) expect(detectLegacyEncoding(sample(f))).toBeNull();
  });
});

describe('fold', () => {
  it('keeps the length of every sample, so offsets carry over', () => {
    for (const f of sampleFiles()) {
      const s = storedText(sample(f));
      expect(fold(s).length).toBe(s.length);
    }
  });

  it('lower-cases, removes tone marks and folds đ', () => {
    expect(fold('Đảng bộ THÀNH PHỐ Hải Phòng')).toBe('dang bo thanh pho hai phong');
    expect(fold('dừng thực hiện')).toBe('dung thuc hien');
  });

  it('repairs "số" damaged by OCR: S6, $6:, s6, sé6', () => {
    expect(fold('S6 96-KL/TW')).toBe('so 96-kl/tw');
    expect(fold('$6:11494 /VP-VX')).toBe('so:11494 /vp-vx');
    expect(fold('Nghi quyét s6 57-NQ/TW')).toBe('nghi quyet so 57-nq/tw');
    expect(fold('Vin ban sé6 07-TB/VPTU')).toBe('vin ban so  07-tb/vptu');
    expect(fold('s6 hoa')).toBe('s6 hoa'); // "số hóa" (digitisation) is left as it is
  });

  it('repairs "VIV" for V/v and "Quy I11" for Quý III', () => {
    expect(fold('VIV thyc hién')).toBe('v/v thyc hien');
    expect(fold('trong Quy I11/2025')).toBe('trong quy iii/2025');
  });

  it('turns footnote markers and odd spaces into spaces, dashes into "-"', () => {
    expect(fold('Bộ Chính trị¹,')).toBe('bo chinh tri ,');
    expect(fold('45–NQ/TW')).toBe('45-nq/tw');
    expect(fold('a\u00a0b')).toBe('a b');
  });

  it('gives comparison keys', () => {
    expect(foldKey('  Ủy ban   nhân dân ')).toBe('uy ban nhan dan');
  });
});

describe('symbols', () => {
  it('writes codes the Vietnamese way', () => {
    expect(canonicalSymbol('118/2025/ND-CP')).toBe('118/2025/NĐ-CP');
    expect(canonicalSymbol('02-KH/BCDTW')).toBe('02-KH/BCĐTW');
    expect(canonicalSymbol('379-CV/VPDU')).toBe('379-CV/VPĐU');
    expect(canonicalSymbol('61-BC/DU')).toBe('61-BC/ĐU');
    expect(canonicalSymbol('1511/QD-TTG')).toBe('1511/QĐ-TTg');
    expect(canonicalSymbol('49-CTR/TU')).toBe('49-CTr/TU');
    expect(canonicalSymbol('11494 /VP-VX')).toBe('11494/VP-VX');
    expect(canonicalSymbol('4567/BTP-KTrVB')).toBe('4567/BTP-KTrVB');
    expect(canonicalSymbol('20/2023/NQ-HDND')).toBe('20/2023/NQ-HĐND');
  });

  it('repairs an OCR-damaged issuer code only into a known one', () => {
    expect(repairIssuerCode('BCDH')).toBe('BCD');
    expect(repairIssuerCode('TW')).toBeNull();
    expect(repairIssuerCode('XYZQ')).toBeNull();
  });
});

describe('dates', () => {
  it('reads both forms, with OCR text', () => {
    expect(dateAt(fold('16/5/2013'), 0)?.iso).toBe('2013-05-16');
    expect(dateAt(fold('16 tháng 5 năm 2013'), 0)?.iso).toBe('2013-05-16');
    expect(dateAt(fold('30 thang 9 nam 2024'), 0)?.iso).toBe('2024-09-30');
    expect(dateAt(fold('31/02/2024'), 0)).toBeNull();
    expect(dateAt(fold('iii/2025'), 0)).toBeNull();
  });
});

describe('names', () => {
  it('restores province names, also one OCR letter off', () => {
    expect(provinceName('Hdi Phong')).toBe('Hải Phòng');
    expect(provinceName('Ha No¢i')).toBe('Hà Nội');
    expect(provinceName('HẢI PHÒNG')).toBe('Hải Phòng');
    expect(provinceName('Xyz')).toBeNull();
  });

  it('writes institution names the usual way', () => {
    expect(institutionName('BAN CHẤP HÀNH ĐẢNG BỘ THÀNH PHỐ')).toBe('Ban Chấp hành Đảng bộ thành phố');
    expect(institutionName('UY BAN NHAN DAN THANH PHO HAI PHONG')).toBe('Ủy ban nhân dân thành phố Hải Phòng');
    expect(institutionName('BỘ CHÍNH TRỊ')).toBe('Bộ Chính trị');
  });
});

describe('OCR repair of codes', () => {
  it('repairs a code one OCR confusion away from a known one, and nothing else', async () => {
    const { repairTypeCode, repairStateIssuerCode, repairIssuerCode } = await import('../../graph-loaders/normalise.js');
    expect(repairTypeCode('KI')).toBe('KL');
    expect(repairTypeCode('NO')).toBe('NQ');
    expect(repairTypeCode('NQ')).toBeNull();
    expect(repairTypeCode('VP')).toBeNull();
    expect(repairStateIssuerCode('UIND')).toBe('UBND');
    expect(repairIssuerCode('TVV')).toBe('TW');
    expect(repairIssuerCode('TIJ')).toBe('TU');
    expect(repairIssuerCode('TI')).toBeNull(); // TU or TW: not sure, left as printed
  });
});
