// The `extract` command's line format: one JSON object per input file.
import type { ResolvedExtraction } from './resolve-types.js';

export function toExtractionLine(e: ResolvedExtraction): unknown {
  return {
    file: e.file,
    document: e.document,
    relations: e.relations.map((r) => ({
      from: r.from ? { symbol: r.from.symbol, date: r.fromResolution.date ?? r.from.date } : null,
      to: { symbol: r.to.symbol, date: r.toResolution.date ?? r.to.date },
      type: r.type,
      evidence: r.evidence,
      start: r.start,
      end: r.end,
      rule: r.rule,
      ...(r.kind ? { kind: r.kind } : {}),
      ...(r.scope ? { scope: r.scope } : {}),
      ...(r.effectiveFrom ? { effectiveFrom: r.effectiveFrom } : {}),
      resolution: r.toResolution.how,
      toId: r.toId,
      ...(r.toResolution.candidates ? { candidates: r.toResolution.candidates } : {}),
    })),
  };
}
