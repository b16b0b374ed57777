// Legacy Vietnamese encodings: real byte sequences (tests/fixtures/encodings, typed from knowledge
// of each encoding, see make-fixtures.mjs) must decode to the Unicode written literally below, and
// text that is not Vietnamese in any of them is refused with a message that says what it looks like.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../graph-loaders/encoding.js';
import { bytesToText } from '../../graph-loaders/read.js';
import { isVietnameseSyllable } from '../../graph-loaders/vietnamese.js';

const dir = path.resolve(__dirname, '../fixtures/encodings');
const bytes = (name: string) => readFileSync(path.join(dir, name));

const HEADER = [
  'ĐẢNG CỘNG SẢN VIỆT NAM',
  'Thành ủy Hải Phòng',
  'Số 08-NQ/TU',
  'Hải Phòng, ngày 06 tháng 12 năm 2022',
  'NGHỊ QUYẾT',
  'Nghị quyết về mục tiêu, nhiệm vụ, giải pháp năm 2023',
  'Thực hiện Nghị quyết số 45-NQ/TW của Bộ Chính trị, Ban Thường vụ Thành ủy quyết định thay thế Nghị quyết số 08-NQ/TU ngày 16/5/2013.',
  'Độc lập - Tự do - Hạnh phúc',
  'đẩy mạnh, đặc biệt, khẳng định, bằng, sắc, dẫn, cầu, người, được, mới, những, sửa đổi, bổ sung, hủy bỏ, ý kiến, kỳ họp, rõ ràng, từ, có, lĩnh vực, tỉnh, mỗi, Tổ chức, diễn ra, phép, ổn định, đồng, cũng',
  'thế kỷ, Mỹ, trẻ, mẹ, vẽ, hè, gì, giúp đỡ, ở đây, tùy, sẵn, xã hội, Công an, dân, cơ quan, ƯU TIÊN, để, kỵ',
  '',
];

function decoded(name: string) {
  const result = decodeText(bytes(name));
  if ('error' in result) throw new Error(`${name}: ${result.error}`);
  return result;
}

describe('legacy Vietnamese encodings', () => {
  it('TCVN3 (ABC): every toned letter of the table, capitals typed in the all-caps font', () => {
    const r = decoded('tcvn3.txt');
    expect(r.encoding).toBe('TCVN3');
    expect(r.text).toBe(
      [
        ...HEADER.slice(0, -1),
        'Ban Chấp hành, NĂM, DÂN, CÔNG, CƠ QUAN',
        'ĐẢNG CỘNG SẢN VIỆT NAM, NGHỊ QUYẾT, HẢI PHÒNG',
        'À Ả Ã Á Ạ Ặ Ậ È Ẻ Ẽ É Ẹ Ệ Ì Ỉ Ĩ Í Ị Ò Ỏ Õ Ó Ọ Ộ Ờ Ở Ỡ Ớ Ợ Ù Ủ Ũ Ằ Ẳ Ẵ Ắ Ầ Ẩ Ẫ Ấ Ề Ể Ễ Ế Ồ Ổ Ỗ Ố',
        '',
      ].join('\r\n'),
    );
  });

  it('TCVN3 words known by heart', () => {
    const tcvn3 = (glyphs: string) => decodeText(Buffer.from(`${glyphs} ${glyphs} ${glyphs}`, 'latin1'));
    expect(tcvn3('NghÞ quyÕt')).toEqual({ text: 'Nghị quyết Nghị quyết Nghị quyết', encoding: 'TCVN3' });
    expect(tcvn3('§¶ng')).toEqual({ text: 'Đảng Đảng Đảng', encoding: 'TCVN3' });
    expect(tcvn3('H¶i Phßng')).toEqual({ text: 'Hải Phòng Hải Phòng Hải Phòng', encoding: 'TCVN3' });
    // the same bytes written out in hex: N g h 0xDE, q u y 0xD5 t, 0xA7 0xB6 n g
    expect(decodeText(Uint8Array.from([0x4e, 0x67, 0x68, 0xde, 0x20, 0x71, 0x75, 0x79, 0xd5, 0x74, 0x20, 0xa7, 0xb6, 0x6e, 0x67]))).toEqual({ text: 'Nghị quyết Đảng', encoding: 'TCVN3' });
    // too little to tell: one byte is no evidence of an encoding
    expect(decodeText(Uint8Array.from([0xc4]))).toEqual({ error: expect.stringMatching(/too few accented words to tell/) });
  });

  it('VNI: base letter + mark byte, and the single-byte letters', () => {
    const r = decoded('vni.txt');
    expect(r.encoding).toBe('VNI');
    expect(r.text).toBe([...HEADER.slice(0, -1), 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM, CẦU, DẪN, ĐẨY, NĂM, BẰNG, SẮC, SẴN, KHẲNG, ĐẶC, CƠ QUAN, GÌ, CHÍNH, TỈNH, KỴ, CÓ, HỌP', ''].join('\n'));
    // V i e 0xE4 t = Việt; 0xD1 = Đ, a 0xFB = ả; 0xF4 = ơ
    expect(decodeText(Uint8Array.from([0x56, 0x69, 0x65, 0xe4, 0x74, 0x20, 0xd1, 0x61, 0xfb, 0x6e, 0x67, 0x20, 0x63, 0xf4]))).toEqual({ text: 'Việt Đảng cơ', encoding: 'VNI' });
  });

  it('Windows-1258: combining tone marks composed to NFC', () => {
    const r = decoded('windows-1258.txt');
    expect(r.encoding).toBe('Windows-1258');
    expect(r.text).toBe(
      ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Nghị quyết số 45-NQ/TW của Bộ Chính trị', 'Hải Phòng, ngày 06 tháng 12 năm 2022', 'Ban Thường vụ Thành ủy quyết định thay thế', 'được, sửa đổi, cũng, thực hiện, sắc, Việt, Mỹ', ''].join('\n'),
    );
    expect(r.text).toBe(r.text.normalize('NFC'));
  });

  it('TCVN3 that was read as Windows-1252 and saved as UTF-8 is repaired', () => {
    const r = decoded('tcvn3-saved-as-utf8.txt');
    expect(r.encoding).toBe('TCVN3 saved as UTF-8 through Windows-1252');
    expect(r.text).toBe('Nghị quyết số 45-NQ/TW của Bộ Chính trị về tiếp tục thực hiện, Hải Phòng, ngày 24 tháng 01 năm 2019\n');
  });

  it('refuses what is not Vietnamese, saying what it looks like', () => {
    const french = decodeText(bytes('latin1-french.txt'));
    expect(french).toEqual({ error: expect.stringMatching(/not valid UTF-8 \(at byte 6\) and not Vietnamese text in TCVN3, VNI or Windows-1258.*Western European 8-bit text \(Windows-1252 \/ Latin-1\).*Convert it to UTF-8/) });
    const sjis = decodeText(bytes('shift-jis.txt'));
    expect(sjis).toEqual({ error: expect.stringMatching(/not Vietnamese text in TCVN3, VNI or Windows-1258.*other than these/) });
    const noise = decodeText(bytes('random-bytes.txt'));
    expect(noise).toEqual({ error: expect.stringMatching(/^not valid UTF-8 \(at byte \d+\) and not text: it has control bytes, so it looks like binary data$/) });
  });

  it('UTF-8 and UTF-16 stay as they are; NFD becomes NFC', async () => {
    const text = 'Nghị quyết số 45-NQ/TW của Bộ Chính trị';
    expect(decodeText(Buffer.from(text.normalize('NFD'), 'utf8'))).toEqual({ text, encoding: 'UTF-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ text, encoding: 'UTF-16LE' });
    expect(decodeText(Buffer.from(text, 'utf16le'))).toEqual({ text, encoding: 'UTF-16LE' });
    // OCR text without diacritics is plain ASCII: untouched
    expect(decodeText(Buffer.from('Nghi quyét s6 45-NQ/TW', 'utf8'))).toEqual({ text: 'Nghi quyét s6 45-NQ/TW', encoding: 'UTF-8' });
    // an OCR slip is not a TCVN3 conversion to repair (the fuzz found "Tuén" turned into "Tuộn")
    expect(decodeText(Buffer.from('- CVP, PCVP Pham Anh Tuén; ', 'utf8'))).toEqual({ text: '- CVP, PCVP Pham Anh Tuén; ', encoding: 'UTF-8' });
    // the loader's entry point gives the same answer
    expect(await bytesToText(bytes('windows-1258.txt'))).toEqual(decodeText(bytes('windows-1258.txt')));
  });

  it('the syllable check accepts Vietnamese and rejects what wrong tables make', () => {
    for (const w of ['Nghị', 'quyết', 'Đảng', 'người', 'khuỷu', 'giữa', 'ĐẢNG', 'thuở', 'gì', 'NGHỊ'.normalize('NFD')]) expect(isVietnameseSyllable(w), w).toBe(true);
    for (const w of ['NghÞ', '§¶ng', 'ViƯt', 'Vieọt', 'x·', 'café', 'été', 'quyêít']) expect(isVietnameseSyllable(w), w).toBe(false);
  });
});
