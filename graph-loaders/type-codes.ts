// Type codes in symbols (the part before the issuer: 45-NQ/TW, 118/2025/NĐ-CP) → Vietnamese type names.
import { stripDiacritics } from './ids.js';

const NAMES: Record<string, string> = {
  NQ: 'Nghị quyết',
  KL: 'Kết luận',
  CT: 'Chỉ thị',
  QD: 'Quyết định',
  QDI: 'Quy định',
  QYD: 'Quy định',
  QC: 'Quy chế',
  TT: 'Thông tư',
  TB: 'Thông báo',
  HD: 'Hướng dẫn',
  CTR: 'Chương trình',
  KH: 'Kế hoạch',
  DA: 'Đề án',
  PA: 'Phương án',
  BC: 'Báo cáo',
  TTR: 'Tờ trình',
  BB: 'Biên bản',
  CV: 'Công văn',
  ND: 'Nghị định',
  TTLT: 'Thông tư liên tịch',
  VBHN: 'Văn bản hợp nhất',
  PL: 'Pháp lệnh',
  CD: 'Công điện',
  L: 'Luật',
};

/** The type code of a symbol: NQ in 45-NQ/TW and 1232/NQ-UBTVQH15, NĐ in 118/2025/NĐ-CP. */
export function typeCodeOfSymbol(symbol: string): string | null {
  const s = stripDiacritics(symbol).toUpperCase();
  const party = /^\d+[A-Z]?-([A-Z]+)\//.exec(s);
  if (party) return party[1];
  const state = /\/([A-Z]+)-[A-Z0-9]+$/.exec(s);
  if (state) return state[1];
  if (/^\d+\/\d{4}\/QH\d+$/.test(s)) return null; // a Law or a National Assembly resolution: the shape does not say which
  return null;
}

export function typeNameOfSymbol(symbol: string): string | null {
  const code = typeCodeOfSymbol(symbol);
  return code ? (NAMES[code] ?? null) : null;
}
