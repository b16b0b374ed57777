// CSV for spreadsheets, and for the round trip (import-csv.ts reads these files back):
//   documents.csv  one row per document, with its status on a date
//   relations.csv  one row per evidence row: the relation, its quote and offsets, who asserted it
//   curations.csv  the log of people's corrections
import { stringify } from 'csv-stringify/sync';
import type { DocumentNode, EvidenceRow } from '../store/model.js';
import type { Store } from '../store/port.js';
import { documentPages, isVisible, PAGE, status, suppressed, type ExportOptions } from './read.js';

/** Columns the import reads back, in file order; the rest are for people. */
export const DOCUMENT_COLUMNS = ['id', 'symbol', 'type', 'issuer', 'issuedOn', 'title', 'status', 'statusOn', 'stub', 'ambiguous', 'candidates', 'issuedNotBefore', 'effectiveFrom', 'expiresOn', 'place', 'locality', 'term', 'consolidated', 'symbolKey', 'file', 'textHash'] as const;
export const RELATION_COLUMNS = ['from', 'type', 'to', 'fromSymbol', 'toSymbol', 'source', 'quote', 'start', 'end', 'visible', 'curated', 'rule', 'kind', 'scope', 'effectiveFrom', 'author', 'at', 'reason', 'toHow', 'fromHow', 'toRef', 'fromRef', 'key'] as const;
export const CURATION_COLUMNS = ['id', 'action', 'from', 'type', 'to', 'reason', 'author', 'at'] as const;

/** A cell a spreadsheet could take for a formula gets an apostrophe; import-csv.ts takes it off. */
const FORMULA = /^[=+\-@\t\r]/;
export const guardCell = (s: string): string => (FORMULA.test(s) ? `'${s}` : s);
export const unguardCell = (s: string): string => (s.startsWith("'") && FORMULA.test(s.slice(1)) ? s.slice(1) : s);

const cell = (v: unknown): string => (v === null || v === undefined ? '' : guardCell(String(v)));

function rowsOf<T extends readonly string[]>(columns: T, records: Record<string, unknown>[], header: boolean): string {
  return stringify(
    records.map((r) => columns.map((c) => cell(r[c]))),
    { header, columns: [...columns] },
  );
}

export async function* documentsCsv(store: Store, options: ExportOptions): AsyncIterable<string> {
  let header = true;
  for await (const docs of documentPages(store, options)) {
    const records = docs.map((d: DocumentNode) => ({ ...d, candidates: d.candidates.length ? JSON.stringify(d.candidates) : '', status: status(d, options.asOf), statusOn: options.asOf }));
    yield rowsOf(DOCUMENT_COLUMNS, records, header);
    header = false;
  }
  if (header) yield rowsOf(DOCUMENT_COLUMNS, [], true);
}

export async function* relationsCsv(store: Store, options: ExportOptions): AsyncIterable<string> {
  const hidden = await suppressed(store);
  let header = true;
  for await (const rows of store.streamEvidence(PAGE)) {
    options.signal?.throwIfAborted();
    const ids = [...new Set(rows.flatMap((r) => [r.from, r.to]))];
    const symbols = new Map((await store.getDocuments(ids)).map((d, i) => [ids[i], d?.symbol ?? null]));
    const records = rows.map((r: EvidenceRow) => ({ ...r, fromSymbol: symbols.get(r.from), toSymbol: symbols.get(r.to), visible: isVisible(r, hidden) }));
    yield rowsOf(RELATION_COLUMNS, records, header);
    header = false;
  }
  if (header) yield rowsOf(RELATION_COLUMNS, [], true);
}

export async function* curationsCsv(store: Store): AsyncIterable<string> {
  const all = (await store.curations()).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  yield rowsOf(CURATION_COLUMNS, all as unknown as Record<string, unknown>[], true);
}
