// Word lists the loader stages share: type names and codes, issuer codes, institution phrases,
// provinces and Party terms. Keys are "folded": lower case, tone marks removed, đ → d (see normalise.fold).

/** Vietnamese type names, folded → written form. Longest first where one is the prefix of another. */
export const TYPE_NAMES: [string, string][] = [
  ['van ban hop nhat', 'Văn bản hợp nhất'],
  ['nghi quyet lien tich', 'Nghị quyết liên tịch'],
  ['thong tu lien tich', 'Thông tư liên tịch'],
  ['chuong trinh hanh dong', 'Chương trình hành động'],
  ['ke hoach hanh dong', 'Kế hoạch hành động'],
  ['thong bao ket luan', 'Thông báo kết luận'],
  ['nghi quyet', 'Nghị quyết'],
  ['ket luan', 'Kết luận'],
  ['chi thi', 'Chỉ thị'],
  ['quyet dinh', 'Quyết định'],
  ['quy dinh', 'Quy định'],
  ['quy che', 'Quy chế'],
  ['nghi dinh', 'Nghị định'],
  ['thong tu', 'Thông tư'],
  ['thong tri', 'Thông tri'],
  ['thong bao', 'Thông báo'],
  ['huong dan', 'Hướng dẫn'],
  ['chuong trinh', 'Chương trình'],
  ['ke hoach', 'Kế hoạch'],
  ['de an', 'Đề án'],
  ['phuong an', 'Phương án'],
  ['bao cao', 'Báo cáo'],
  ['to trinh', 'Tờ trình'],
  ['bien ban', 'Biên bản'],
  ['cong van', 'Công văn'],
  ['cong dien', 'Công điện'],
  ['van ban', 'Văn bản'],
  ['bo luat', 'Bộ luật'],
  ['luat', 'Luật'],
  ['phap lenh', 'Pháp lệnh'],
  ['lenh', 'Lệnh'],
];

export const TYPE_NAME_BY_FOLDED = new Map(TYPE_NAMES);

/** Type code (folded upper, Đ as D) → type name. Party "QĐ" is Quyết định unless the heading says Quy định. */
export const TYPE_CODE_NAMES: Record<string, string> = {
  NQ: 'Nghị quyết',
  NQLT: 'Nghị quyết liên tịch',
  KL: 'Kết luận',
  CT: 'Chỉ thị',
  QD: 'Quyết định',
  QDI: 'Quy định',
  QYD: 'Quy định',
  QC: 'Quy chế',
  TT: 'Thông tư',
  TTLT: 'Thông tư liên tịch',
  TB: 'Thông báo',
  HD: 'Hướng dẫn',
  HDLT: 'Hướng dẫn liên tịch',
  CTR: 'Chương trình',
  KH: 'Kế hoạch',
  DA: 'Đề án',
  PA: 'Phương án',
  BC: 'Báo cáo',
  TTR: 'Tờ trình',
  BB: 'Biên bản',
  CV: 'Công văn',
  ND: 'Nghị định',
  VBHN: 'Văn bản hợp nhất',
  PL: 'Pháp lệnh',
  CD: 'Công điện',
  L: 'Luật',
};

/** Party type names that say which family a "TT" or "QĐ" code belongs to. */
export const PARTY_TYPE_OVERRIDES: Record<string, string> = { TT: 'Thông tri' };

/**
 * Code tokens whose written form differs from their folded upper form: Đ restored, mixed case kept.
 * Applied to every alphabetic token of a symbol.
 */
export const CODE_SPELLING: Record<string, string> = {
  ND: 'NĐ',
  QD: 'QĐ',
  QDI: 'QĐi',
  QYD: 'QyĐ',
  CTR: 'CTr',
  TTR: 'TTr',
  TTG: 'TTg',
  CD: 'CĐ',
  DU: 'ĐU',
  VPDU: 'VPĐU',
  BCD: 'BCĐ',
  BCDTW: 'BCĐTW',
  BCDTU: 'BCĐTU',
  DUK: 'ĐUK',
  DD: 'ĐĐ',
  DDBQH: 'ĐĐBQH',
  DTN: 'ĐTN',
  TWDTN: 'TWĐTN',
  BCSD: 'BCSĐ',
  HDND: 'HĐND',
  BGDDT: 'BGDĐT',
  BLDTBXH: 'BLĐTBXH',
  BKHDT: 'BKHĐT',
  DUCA: 'ĐUCA',
  DUQSTW: 'ĐUQSTW',
  DUKDN: 'ĐUKDN',
  DUKCCQ: 'ĐUKCCQ',
  DUKCQTW: 'ĐUKCQTW',
  DUKDNTW: 'ĐUKDNTW',
  DCSVN: 'ĐCSVN',
};

/**
 * Issuer codes of Party symbols (folded upper). Used to repair OCR damage: an unknown code that
 * becomes a known one by dropping one trailing letter ("BCDH" → BCĐ).
 */
export const PARTY_ISSUER_CODES = new Set([
  'TW', 'VPTW', 'BCDTW', 'BCD', 'BTCTW', 'BTGTW', 'BDVTW', 'BNCTW', 'BKTTW', 'UBKTTW', 'BTGDVTW', 'BCSD', 'DD',
  'DUK', 'DUQSTW', 'DUCA', 'DUKDN', 'DUKCCQ', 'DUKCQTW', 'DUKDNTW', 'BDNTW', 'HVCTQG',
  'TU', 'HU', 'QU', 'DU', 'TXU', 'VPTU', 'VPHU', 'VPQU', 'VPDU', 'BTCTU', 'BTGTU', 'UBKTTU', 'BDVTU', 'BNCTU',
  'BTGDVTU', 'BCDTU', 'BTCHU', 'BTGHU', 'UBKTHU', 'BTCDU', 'UBKTDU', 'BTGDU', 'DTN', 'TWDTN',
]);

/** State issuer codes that OCR damage can be repaired into (folded upper). */
export const STATE_ISSUER_CODES = new Set([
  'UBND', 'HDND', 'CP', 'TTG', 'QH', 'UBTVQH', 'BTC', 'BNV', 'BCA', 'BQP', 'BYT', 'BGDDT', 'BKHDT', 'BTP', 'BCT', 'BXD', 'BNNPTNT',
  'BTNMT', 'BGTVT', 'BLDTBXH', 'BVHTTDL', 'BTTTT', 'BKHCN', 'NHNN', 'TTCP', 'KTNN', 'VPCP', 'TANDTC', 'VKSNDTC', 'BNG', 'UBDT',
]);

/** Issuer codes of local Party committees and their offices: the same symbol recurs across provinces. */
export const LOCAL_ISSUER_CODES = new Set([
  'TU', 'HU', 'QU', 'DU', 'TXU', 'VPTU', 'VPHU', 'VPQU', 'VPDU', 'BTCTU', 'BTGTU', 'UBKTTU', 'BDVTU', 'BNCTU',
  'BTGDVTU', 'BCDTU', 'BTCHU', 'BTGHU', 'UBKTHU', 'BTCDU', 'UBKTDU', 'BTGDU', 'UBND', 'HDND',
]);

/** Issuer codes of central Party bodies whose terms are the national congress terms. */
export const CENTRAL_PARTY_CODES = new Set(['TW', 'VPTW', 'BCDTW', 'BTCTW', 'BTGTW', 'BDVTW', 'BNCTW', 'BKTTW', 'UBKTTW', 'BTGDVTW']);

/**
 * Terms (khóa) of the Central Committee and of the National Assembly, as date ranges. A reference
 * "của Ban Chấp hành Trung ương khóa XII" cannot name a TW document issued in 2022.
 */
export const CENTRAL_TERMS: Record<string, [string, string]> = {
  VIII: ['1996-07-01', '2001-04-22'],
  IX: ['2001-04-22', '2006-04-25'],
  X: ['2006-04-25', '2011-01-19'],
  XI: ['2011-01-19', '2016-01-28'],
  XII: ['2016-01-28', '2021-01-31'],
  XIII: ['2021-01-31', '2026-01-23'],
  XIV: ['2026-01-23', '2031-01-31'],
};

export const ASSEMBLY_TERMS: Record<string, [string, string]> = {
  QH12: ['2007-07-19', '2011-07-21'],
  QH13: ['2011-07-21', '2016-07-20'],
  QH14: ['2016-07-20', '2021-07-20'],
  QH15: ['2021-07-20', '2026-04-06'],
  QH16: ['2026-04-06', '2031-07-01'],
};

/** Issuers named in words, folded → [written form, code]. Longest first. */
export const ISSUER_PHRASES: [string, string, string][] = [
  ['ban chap hanh trung uong dang', 'Ban Chấp hành Trung ương Đảng', 'TW'],
  ['ban chap hanh trung uong', 'Ban Chấp hành Trung ương', 'TW'],
  ['bo chinh tri', 'Bộ Chính trị', 'TW'],
  ['ban bi thu trung uong dang', 'Ban Bí thư Trung ương Đảng', 'TW'],
  ['ban bi thu', 'Ban Bí thư', 'TW'],
  ['trung uong dang', 'Trung ương Đảng', 'TW'],
  ['trung uong', 'Trung ương', 'TW'],
  ['van phong trung uong dang', 'Văn phòng Trung ương Đảng', 'VPTW'],
  ['ban chi dao trung uong', 'Ban Chỉ đạo Trung ương', 'BCDTW'],
  ['ban to chuc trung uong', 'Ban Tổ chức Trung ương', 'BTCTW'],
  ['uy ban kiem tra trung uong', 'Ủy ban Kiểm tra Trung ương', 'UBKTTW'],
  ['uy ban thuong vu quoc hoi', 'Ủy ban Thường vụ Quốc hội', 'UBTVQH'],
  ['quoc hoi', 'Quốc hội', 'QH'],
  ['thu tuong chinh phu', 'Thủ tướng Chính phủ', 'TTG'],
  ['chinh phu', 'Chính phủ', 'CP'],
  ['ban thuong vu thanh uy', 'Ban Thường vụ Thành ủy', 'TU'],
  ['ban thuong vu tinh uy', 'Ban Thường vụ Tỉnh ủy', 'TU'],
  ['thuong truc thanh uy', 'Thường trực Thành ủy', 'TU'],
  ['thuong truc tinh uy', 'Thường trực Tỉnh ủy', 'TU'],
  ['ban chap hanh dang bo thanh pho', 'Ban Chấp hành Đảng bộ thành phố', 'TU'],
  ['ban chap hanh dang bo tinh', 'Ban Chấp hành Đảng bộ tỉnh', 'TU'],
  ['thanh uy', 'Thành ủy', 'TU'],
  ['tinh uy', 'Tỉnh ủy', 'TU'],
  ['huyen uy', 'Huyện ủy', 'HU'],
  ['quan uy', 'Quận ủy', 'QU'],
  ['van phong thanh uy', 'Văn phòng Thành ủy', 'VPTU'],
  ['van phong tinh uy', 'Văn phòng Tỉnh ủy', 'VPTU'],
  ['ban chi dao thanh pho', 'Ban Chỉ đạo thành phố', 'BCD'],
  ['ban chi dao tinh', 'Ban Chỉ đạo tỉnh', 'BCD'],
  ['uy ban nhan dan', 'Ủy ban nhân dân', 'UBND'],
  ['hoi dong nhan dan', 'Hội đồng nhân dân', 'HDND'],
];

/** Phrases for writing institution names (issuer, heading) the Vietnamese way, also from OCR text without diacritics. */
export const INSTITUTION_WORDS: [string, string][] = [
  ['ban chap hanh', 'Ban Chấp hành'],
  ['trung uong', 'Trung ương'],
  ['dang cong san viet nam', 'Đảng Cộng sản Việt Nam'],
  ['dang bo', 'Đảng bộ'],
  ['dang uy', 'Đảng ủy'],
  ['dang doan', 'Đảng đoàn'],
  ['ban can su dang', 'Ban cán sự đảng'],
  ['dang', 'Đảng'],
  ['bo chinh tri', 'Bộ Chính trị'],
  ['ban bi thu', 'Ban Bí thư'],
  ['ban thuong vu', 'Ban Thường vụ'],
  ['thuong truc', 'Thường trực'],
  ['thanh uy', 'Thành ủy'],
  ['tinh uy', 'Tỉnh ủy'],
  ['huyen uy', 'Huyện ủy'],
  ['quan uy', 'Quận ủy'],
  ['uy ban nhan dan', 'Ủy ban nhân dân'],
  ['hoi dong nhan dan', 'Hội đồng nhân dân'],
  ['uy ban thuong vu quoc hoi', 'Ủy ban Thường vụ Quốc hội'],
  ['uy ban kiem tra', 'Ủy ban Kiểm tra'],
  ['quoc hoi', 'Quốc hội'],
  ['chinh phu', 'Chính phủ'],
  ['thu tuong', 'Thủ tướng'],
  ['van phong', 'Văn phòng'],
  ['ban chi dao', 'Ban Chỉ đạo'],
  ['ban to chuc', 'Ban Tổ chức'],
  ['ban tuyen giao', 'Ban Tuyên giáo'],
  ['ban dan van', 'Ban Dân vận'],
  ['ban noi chinh', 'Ban Nội chính'],
  ['ban kinh te', 'Ban Kinh tế'],
  ['mat tran to quoc viet nam', 'Mặt trận Tổ quốc Việt Nam'],
  ['thanh pho', 'thành phố'],
  ['tinh', 'tỉnh'],
  ['huyen', 'huyện'],
  ['quan', 'quận'],
  ['xa', 'xã'],
  ['phuong', 'phường'],
  ['bo tai chinh', 'Bộ Tài chính'],
  ['bo noi vu', 'Bộ Nội vụ'],
  ['bo tu phap', 'Bộ Tư pháp'],
  ['bo cong an', 'Bộ Công an'],
  ['bo quoc phong', 'Bộ Quốc phòng'],
  ['bo y te', 'Bộ Y tế'],
  ['bo giao duc va dao tao', 'Bộ Giáo dục và Đào tạo'],
  ['bo ke hoach va dau tu', 'Bộ Kế hoạch và Đầu tư'],
  ['bo cong thuong', 'Bộ Công Thương'],
  ['bo xay dung', 'Bộ Xây dựng'],
  ['bo khoa hoc va cong nghe', 'Bộ Khoa học và Công nghệ'],
  ['bo tai nguyen va moi truong', 'Bộ Tài nguyên và Môi trường'],
  ['bo nong nghiep va moi truong', 'Bộ Nông nghiệp và Môi trường'],
  ['ngan hang nha nuoc viet nam', 'Ngân hàng Nhà nước Việt Nam'],
  ['so', 'Sở'],
  ['khoa', 'khóa'],
  ['lan thu', 'lần thứ'],
  ['hoi nghi', 'Hội nghị'],
];

/** Provinces and centrally-run cities, before and after the 2025 merger. */
export const PROVINCES: string[] = [
  'Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế', 'An Giang', 'Bắc Ninh', 'Cà Mau', 'Cao Bằng',
  'Đắk Lắk', 'Điện Biên', 'Đồng Nai', 'Đồng Tháp', 'Gia Lai', 'Hà Tĩnh', 'Hưng Yên', 'Khánh Hòa', 'Lai Châu',
  'Lâm Đồng', 'Lạng Sơn', 'Lào Cai', 'Nghệ An', 'Ninh Bình', 'Phú Thọ', 'Quảng Ngãi', 'Quảng Ninh', 'Quảng Trị',
  'Sơn La', 'Tây Ninh', 'Thái Nguyên', 'Thanh Hóa', 'Tuyên Quang', 'Vĩnh Long', 'Bà Rịa - Vũng Tàu', 'Bắc Giang',
  'Bắc Kạn', 'Bạc Liêu', 'Bến Tre', 'Bình Định', 'Bình Dương', 'Bình Phước', 'Bình Thuận', 'Đắk Nông', 'Hà Giang',
  'Hà Nam', 'Hải Dương', 'Hậu Giang', 'Hòa Bình', 'Kiên Giang', 'Kon Tum', 'Long An', 'Nam Định', 'Ninh Thuận',
  'Phú Yên', 'Quảng Bình', 'Quảng Nam', 'Sóc Trăng', 'Thái Bình', 'Thừa Thiên Huế', 'Tiền Giang', 'Trà Vinh',
  'Vĩnh Phúc', 'Yên Bái',
];

/** Roman numerals as they appear for terms (khóa), with common OCR confusions (1, l for I). */
export function romanValue(s: string): number | null {
  const t = s.toUpperCase().replace(/[1L]/g, 'I');
  if (!/^[IVX]+$/.test(t)) return null;
  const v: Record<string, number> = { I: 1, V: 5, X: 10 };
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    const a = v[t[i]];
    const b = i + 1 < t.length ? v[t[i + 1]] : 0;
    total += a < b ? -a : a;
  }
  return total > 0 && total < 40 ? total : null;
}

export function toRoman(n: number): string {
  const parts: [number, string][] = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of parts) while (n >= v) { out += s; n -= v; }
  return out;
}

/** A term as written ("XII", "xii", OCR "XIl") → canonical roman, or null. */
export function canonicalTerm(s: string): string | null {
  const n = romanValue(s);
  return n ? toRoman(n) : null;
}
