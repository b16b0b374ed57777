// The type name a symbol's code stands for (45-NQ/TW → Nghị quyết, 118/2025/NĐ-CP → Nghị định),
// for stubs known only by their symbol. The table is the loader's lexicon.
import { TYPE_CODE_NAMES } from './lexicon.js';
import { symbolParts } from './references.js';

export function typeNameOfSymbol(symbol: string): string | null {
  const code = symbolParts(symbol).typeCode;
  return code ? (TYPE_CODE_NAMES[code] ?? null) : null;
}
