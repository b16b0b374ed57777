// Words the generator writes: provinces, subjects, type names, and documents every corpus cites.
// Written independently of the loader's lexicon, so the generated truth does not echo the extractor.

export interface Province {
  name: string;
  /** A centrally governed city: "Thành ủy", "thành phố"; else "Tỉnh ủy", "tỉnh". */
  city: boolean;
}

export const PROVINCES: Province[] = [
  { name: 'Hà Nội', city: true },
  { name: 'Hải Phòng', city: true },
  { name: 'Đà Nẵng', city: true },
  { name: 'Cần Thơ', city: true },
  { name: 'Hồ Chí Minh', city: true },
  { name: 'Huế', city: true },
  { name: 'Nghệ An', city: false },
  { name: 'Thanh Hóa', city: false },
  { name: 'Quảng Ninh', city: false },
  { name: 'Bắc Ninh', city: false },
  { name: 'Hưng Yên', city: false },
  { name: 'Thái Bình', city: false },
  { name: 'Nam Định', city: false },
  { name: 'Ninh Bình', city: false },
  { name: 'Hà Tĩnh', city: false },
  { name: 'Quảng Bình', city: false },
  { name: 'Quảng Trị', city: false },
  { name: 'Quảng Nam', city: false },
  { name: 'Quảng Ngãi', city: false },
  { name: 'Bình Định', city: false },
  { name: 'Phú Yên', city: false },
  { name: 'Khánh Hòa', city: false },
  { name: 'Lâm Đồng', city: false },
  { name: 'Đắk Lắk', city: false },
  { name: 'Gia Lai', city: false },
  { name: 'Kon Tum', city: false },
  { name: 'Bình Dương', city: false },
  { name: 'Đồng Nai', city: false },
  { name: 'Long An', city: false },
  { name: 'Tiền Giang', city: false },
  { name: 'Bến Tre', city: false },
  { name: 'Vĩnh Long', city: false },
  { name: 'An Giang', city: false },
  { name: 'Kiên Giang', city: false },
  { name: 'Cà Mau', city: false },
  { name: 'Lào Cai', city: false },
  { name: 'Yên Bái', city: false },
  { name: 'Thái Nguyên', city: false },
  { name: 'Lạng Sơn', city: false },
  { name: 'Sơn La', city: false },
];

/** "tỉnh Nghệ An", "thành phố Hải Phòng". */
export function provinceUnit(p: Province): string {
  return p.name === 'Hồ Chí Minh' ? 'Thành phố Hồ Chí Minh' : `${p.city ? 'thành phố' : 'tỉnh'} ${p.name}`;
}

/** Place on the date line: "Nghệ An", "Thành phố Hồ Chí Minh". */
export function provincePlace(p: Province): string {
  return p.name === 'Hồ Chí Minh' ? 'Thành phố Hồ Chí Minh' : p.name;
}

export const SUBJECTS: string[] = [
  'phát triển kinh tế biển',
  'đẩy mạnh chuyển đổi số',
  'đẩy mạnh cải cách hành chính',
  'xây dựng nông thôn mới',
  'phòng, chống tham nhũng, lãng phí, tiêu cực',
  'công tác cán bộ',
  'phát triển khoa học, công nghệ và đổi mới sáng tạo',
  'bảo vệ môi trường',
  'đổi mới căn bản, toàn diện giáo dục và đào tạo',
  'tăng cường công tác y tế cơ sở',
  'quản lý và sử dụng đất đai',
  'phát triển du lịch',
  'bảo đảm trật tự, an toàn giao thông',
  'nâng cao hiệu quả công tác dân vận',
  'xây dựng và phát triển văn hóa, con người',
  'đẩy nhanh tiến độ giải ngân vốn đầu tư công',
  'tăng cường quản lý thu ngân sách nhà nước',
  'phát triển kinh tế tư nhân',
  'bảo đảm an sinh xã hội',
  'công tác kiểm tra, giám sát và thi hành kỷ luật đảng',
  'củng cố, nâng cao chất lượng tổ chức cơ sở đảng',
  'phòng, chống thiên tai và tìm kiếm cứu nạn',
  'quản lý, sử dụng tài sản công',
  'phát triển kết cấu hạ tầng giao thông',
  'sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả',
  'thực hành tiết kiệm, chống lãng phí',
  'công tác thi đua, khen thưởng',
  'bảo đảm quốc phòng, an ninh',
  'phát triển nguồn nhân lực chất lượng cao',
  'chủ động hội nhập quốc tế',
  'công tác bảo vệ chính trị nội bộ',
  'phát triển đô thị thông minh',
  'bảo vệ và chăm sóc trẻ em',
  'phòng, chống ma túy',
  'phát triển nông nghiệp ứng dụng công nghệ cao',
  'quản lý quy hoạch xây dựng',
  'công tác thông tin đối ngoại',
  'phát triển kinh tế tập thể, hợp tác xã',
  'tăng cường công tác quản lý tài nguyên nước',
  'xây dựng Đảng và hệ thống chính trị trong sạch, vững mạnh',
];

/** A written type: its name, the heading as printed, its code in symbols. */
export interface DocType {
  name: string;
  heading: string;
  code: string;
  /** A letter: no heading, a "V/v" line under the number. */
  letter?: boolean;
}

const TYPE_TABLE = {
  nq: { name: 'Nghị quyết', heading: 'NGHỊ QUYẾT', code: 'NQ' },
  kl: { name: 'Kết luận', heading: 'KẾT LUẬN', code: 'KL' },
  ct: { name: 'Chỉ thị', heading: 'CHỈ THỊ', code: 'CT' },
  qdi: { name: 'Quy định', heading: 'QUY ĐỊNH', code: 'QĐ' },
  qd: { name: 'Quyết định', heading: 'QUYẾT ĐỊNH', code: 'QĐ' },
  kh: { name: 'Kế hoạch', heading: 'KẾ HOẠCH', code: 'KH' },
  ctr: { name: 'Chương trình hành động', heading: 'CHƯƠNG TRÌNH HÀNH ĐỘNG', code: 'CTr' },
  tb: { name: 'Thông báo', heading: 'THÔNG BÁO', code: 'TB' },
  bc: { name: 'Báo cáo', heading: 'BÁO CÁO', code: 'BC' },
  hd: { name: 'Hướng dẫn', heading: 'HƯỚNG DẪN', code: 'HD' },
  cv: { name: 'Công văn', heading: '', code: 'CV', letter: true },
  luat: { name: 'Luật', heading: 'LUẬT', code: 'QH' },
  nd: { name: 'Nghị định', heading: 'NGHỊ ĐỊNH', code: 'NĐ' },
  tt: { name: 'Thông tư', heading: 'THÔNG TƯ', code: 'TT' },
} satisfies Record<string, DocType>;

export type TypeKey = keyof typeof TYPE_TABLE;
export const TYPES: Record<TypeKey, DocType> = TYPE_TABLE;

/** Documents outside the generated corpus that it cites (shapes and dates of real ones). */
export interface KnownDocument {
  symbol: string;
  date: string;
  type: TypeKey;
  issuer: string;
  subject: string;
  /** Party or State, central: who may cite it as a basis. */
  party: boolean;
  normative: boolean;
}

export const KNOWN: KnownDocument[] = [
  { symbol: '45-NQ/TW', date: '2019-01-24', type: 'nq', issuer: 'Bộ Chính trị', subject: 'xây dựng và phát triển thành phố Hải Phòng đến năm 2030, tầm nhìn đến năm 2045', party: true, normative: false },
  { symbol: '57-NQ/TW', date: '2024-12-22', type: 'nq', issuer: 'Bộ Chính trị', subject: 'đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia', party: true, normative: false },
  { symbol: '18-NQ/TW', date: '2017-10-25', type: 'nq', issuer: 'Ban Chấp hành Trung ương Đảng khóa XII', subject: 'một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả', party: true, normative: false },
  { symbol: '18-NQ/TW', date: '2022-06-16', type: 'nq', issuer: 'Ban Chấp hành Trung ương Đảng khóa XIII', subject: 'tiếp tục đổi mới, hoàn thiện thể chế, chính sách, nâng cao hiệu lực, hiệu quả quản lý và sử dụng đất', party: true, normative: false },
  { symbol: '24-QĐ/TW', date: '2021-07-30', type: 'qdi', issuer: 'Ban Chấp hành Trung ương', subject: 'thi hành Điều lệ Đảng', party: true, normative: false },
  { symbol: '22-QĐ/TW', date: '2021-07-28', type: 'qdi', issuer: 'Ban Chấp hành Trung ương', subject: 'công tác kiểm tra, giám sát và kỷ luật của Đảng', party: true, normative: false },
  { symbol: '66-QĐ/TW', date: '2017-02-06', type: 'qdi', issuer: 'Ban Chấp hành Trung ương', subject: 'thể loại, thẩm quyền ban hành và thể thức văn bản của Đảng', party: true, normative: false },
  { symbol: '30-NQ/TW', date: '2022-11-23', type: 'nq', issuer: 'Bộ Chính trị', subject: 'phát triển kinh tế - xã hội và bảo đảm quốc phòng, an ninh vùng đồng bằng sông Hồng', party: true, normative: false },
  { symbol: '27-NQ/TW', date: '2022-11-09', type: 'nq', issuer: 'Ban Chấp hành Trung ương Đảng khóa XIII', subject: 'tiếp tục xây dựng và hoàn thiện Nhà nước pháp quyền xã hội chủ nghĩa Việt Nam', party: true, normative: false },
  { symbol: '21-KL/TW', date: '2021-10-25', type: 'kl', issuer: 'Ban Chấp hành Trung ương Đảng khóa XIII', subject: 'đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị', party: true, normative: false },
  { symbol: '05-CT/TW', date: '2016-05-15', type: 'ct', issuer: 'Bộ Chính trị khóa XII', subject: 'đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', party: true, normative: false },
  { symbol: '144-QĐ/TW', date: '2024-05-09', type: 'qdi', issuer: 'Bộ Chính trị', subject: 'chuẩn mực đạo đức cách mạng của cán bộ, đảng viên trong giai đoạn mới', party: true, normative: false },
  { symbol: '77/2015/QH13', date: '2015-06-19', type: 'luat', issuer: 'Quốc hội', subject: 'Luật Tổ chức chính quyền địa phương', party: false, normative: true },
  { symbol: '80/2015/QH13', date: '2015-06-22', type: 'luat', issuer: 'Quốc hội', subject: 'Luật Ban hành văn bản quy phạm pháp luật', party: false, normative: true },
  { symbol: '83/2015/QH13', date: '2015-06-25', type: 'luat', issuer: 'Quốc hội', subject: 'Luật Ngân sách nhà nước', party: false, normative: true },
  { symbol: '39/2019/QH14', date: '2019-06-13', type: 'luat', issuer: 'Quốc hội', subject: 'Luật Đầu tư công', party: false, normative: true },
  { symbol: '45/2013/QH13', date: '2013-11-29', type: 'luat', issuer: 'Quốc hội', subject: 'Luật Đất đai', party: false, normative: true },
  { symbol: '31/2024/QH15', date: '2024-01-18', type: 'luat', issuer: 'Quốc hội', subject: 'Luật Đất đai', party: false, normative: true },
  { symbol: '35/2021/QH15', date: '2021-11-13', type: 'nq', issuer: 'Quốc hội', subject: 'thí điểm một số cơ chế, chính sách đặc thù phát triển thành phố Hải Phòng', party: false, normative: true },
  { symbol: '30/2020/NĐ-CP', date: '2020-03-05', type: 'nd', issuer: 'Chính phủ', subject: 'công tác văn thư', party: false, normative: true },
  { symbol: '163/2016/NĐ-CP', date: '2016-12-21', type: 'nd', issuer: 'Chính phủ', subject: 'quy định chi tiết thi hành một số điều của Luật Ngân sách nhà nước', party: false, normative: true },
  { symbol: '34/2016/NĐ-CP', date: '2016-05-14', type: 'nd', issuer: 'Chính phủ', subject: 'quy định chi tiết một số điều và biện pháp thi hành Luật Ban hành văn bản quy phạm pháp luật', party: false, normative: true },
  { symbol: '108/NQ-CP', date: '2019-11-26', type: 'nq', issuer: 'Chính phủ', subject: 'Chương trình hành động của Chính phủ thực hiện Nghị quyết số 45-NQ/TW', party: false, normative: false },
  { symbol: '14/NQ-CP', date: '2023-02-08', type: 'nq', issuer: 'Chính phủ', subject: 'Chương trình hành động của Chính phủ thực hiện Nghị quyết số 30-NQ/TW', party: false, normative: false },
  { symbol: '749/QĐ-TTg', date: '2020-06-03', type: 'qd', issuer: 'Thủ tướng Chính phủ', subject: 'phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030', party: false, normative: false },
  { symbol: '06/QĐ-TTg', date: '2022-01-06', type: 'qd', issuer: 'Thủ tướng Chính phủ', subject: 'phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử', party: false, normative: false },
  { symbol: '1511/QĐ-TTg', date: '2024-12-04', type: 'qd', issuer: 'Thủ tướng Chính phủ', subject: 'thành lập Khu kinh tế ven biển phía Nam', party: false, normative: false },
];

/** Sentences without references, to give the body its length. {s} is a subject, {u} the issuing unit. */
export const FILLER: string[] = [
  'Các cấp ủy, tổ chức đảng, chính quyền các cấp quán triệt sâu sắc, thống nhất nhận thức và hành động về {s}.',
  'Tập trung lãnh đạo, chỉ đạo thực hiện đồng bộ các nhiệm vụ chính trị, đạt kết quả tích cực trên các lĩnh vực.',
  'Kết quả đạt được đã góp phần quan trọng vào việc phát triển kinh tế - xã hội của {u}.',
  'Tuy nhiên, việc triển khai một số nhiệm vụ còn chậm, chưa đáp ứng yêu cầu; công tác phối hợp giữa các ngành có lúc chưa chặt chẽ.',
  'Người đứng đầu các cơ quan, đơn vị chịu trách nhiệm trước cấp ủy về kết quả thực hiện nhiệm vụ được giao.',
  'Định kỳ 6 tháng, hằng năm báo cáo kết quả thực hiện về Văn phòng để tổng hợp, báo cáo theo quy định.',
  'Đẩy mạnh ứng dụng công nghệ thông tin trong lãnh đạo, chỉ đạo, điều hành; bảo đảm an toàn, an ninh mạng.',
  'Tăng cường công tác kiểm tra, giám sát, kịp thời phát hiện, xử lý nghiêm các vi phạm.',
  'Huy động và sử dụng có hiệu quả các nguồn lực cho {s}.',
  'Phát huy vai trò của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội trong việc giám sát, phản biện xã hội.',
  'Rà soát, sắp xếp, kiện toàn tổ chức bộ máy bảo đảm tinh gọn, hoạt động hiệu lực, hiệu quả.',
  'Làm tốt công tác thông tin, tuyên truyền để tạo sự đồng thuận trong Nhân dân.',
  'Chú trọng đào tạo, bồi dưỡng, nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức.',
  'Các sở, ban, ngành, địa phương chủ động xây dựng kế hoạch cụ thể, phân công rõ người, rõ việc, rõ tiến độ.',
  'Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan, đơn vị phản ánh về Văn phòng để tổng hợp, báo cáo.',
  'Bảo đảm kinh phí thực hiện từ nguồn ngân sách nhà nước và các nguồn hợp pháp khác.',
];

export const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX', 'XXI', 'XXII'];
