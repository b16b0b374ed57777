// Invariants a batch must hold before any store commits it: a bad batch is refused whole,
// so a store never holds half of one.
import { RELATION_TYPES } from '../../graph-loaders/types.js';
import type { GraphBatch } from './model.js';

const TYPES = new Set<string>(RELATION_TYPES);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class InvalidBatchError extends Error {
  constructor(message: string) {
    super(`invalid graph batch: ${message}`);
    this.name = 'InvalidBatchError';
  }
}

export function validateBatch(batch: GraphBatch): void {
  const fail = (m: string) => {
    throw new InvalidBatchError(m);
  };
  for (const d of [...batch.documents, ...batch.stubs]) {
    if (!d.id || typeof d.id !== 'string') fail('a document without an id');
    for (const f of ['issuedOn', 'issuedNotBefore', 'effectiveFrom', 'expiresOn'] as const) {
      const v = d[f];
      if (v !== null && v !== undefined && !DATE.test(v)) fail(`${d.id}: ${f} is not an ISO date: ${v}`);
    }
  }
  const keys = new Set<string>();
  for (const e of batch.evidence) {
    if (!e.key || keys.has(e.key)) fail(`evidence key missing or repeated: ${e.key}`);
    keys.add(e.key);
    if (!e.from || !e.to || !e.source) fail(`evidence ${e.key} lacks from, to or source`);
    if (!TYPES.has(e.type)) fail(`evidence ${e.key} has an unknown relation type ${e.type}`);
  }
  for (const c of batch.curations) {
    if (!TYPES.has(c.type)) fail(`curation ${c.id} has an unknown relation type ${c.type}`);
    if (c.action !== 'ADD' && c.action !== 'REMOVE') fail(`curation ${c.id} has an unknown action`);
  }
}

/** A page size for the streaming reads: a whole number from 1 to 100,000. */
export function pageCount(n: number): number {
  if (!Number.isFinite(n)) return 1000;
  return Math.min(100_000, Math.max(1, Math.trunc(n)));
}
