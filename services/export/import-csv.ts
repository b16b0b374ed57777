// The CSV export read back into a graph batch: documents.csv, relations.csv and (if there)
// curations.csv → one batch, applied whole, so a bad file changes nothing. Derived columns
// (status, symbols of the ends, visible) are ignored: the store recomputes them.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { RELATION_TYPES } from '../../graph-loaders/types.js';
import type { Curation, DocumentNode, EvidenceRow, GraphBatch } from '../store/model.js';
import { EMPTY_EFFECT, emptyBatch } from '../store/model.js';
import { CURATION_COLUMNS, DOCUMENT_COLUMNS, RELATION_COLUMNS, unguardCell } from './csv.js';

export class ImportError extends Error {}

type Row = Record<string, string>;

function table(file: string, text: string, required: readonly string[]): Row[] {
  let rows: Row[];
  try {
    rows = parse(text, { columns: true, skip_empty_lines: true, bom: true, relax_column_count: false }) as Row[];
  } catch (err) {
    throw new ImportError(`${file}: not a CSV file this import reads: ${(err as Error).message}`);
  }
  const header = rows.length ? Object.keys(rows[0]) : parse(text, { to_line: 1, bom: true }).flat();
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length) throw new ImportError(`${file}: missing column(s) ${missing.join(', ')}`);
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, unguardCell(v)])));
}

const str = (v: string | undefined) => (v === undefined || v === '' ? null : v);

function bool(file: string, line: number, v: string | undefined): boolean {
  if (v === 'true') return true;
  if (v === 'false' || v === '' || v === undefined) return false;
  throw new ImportError(`${file}, row ${line}: not true or false: ${v.slice(0, 20)}`);
}

function int(file: string, line: number, v: string | undefined): number | null {
  if (v === undefined || v === '') return null;
  if (!/^\d+$/.test(v)) throw new ImportError(`${file}, row ${line}: not a whole number: ${v.slice(0, 20)}`);
  return Number(v);
}

export function documentOf(r: Row, file: string, line: number): DocumentNode {
  if (!r.id) throw new ImportError(`${file}, row ${line}: no id`);
  let candidates: string[] = [];
  if (r.candidates) {
    try {
      candidates = JSON.parse(r.candidates) as string[];
      if (!Array.isArray(candidates) || candidates.some((c) => typeof c !== 'string')) throw new Error();
    } catch {
      throw new ImportError(`${file}, row ${line}: candidates is not a JSON list of ids`);
    }
  }
  return {
    id: r.id,
    symbol: str(r.symbol),
    symbolKey: str(r.symbolKey),
    type: str(r.type),
    issuer: str(r.issuer),
    issuedOn: str(r.issuedOn),
    issuedNotBefore: str(r.issuedNotBefore),
    effectiveFrom: str(r.effectiveFrom),
    expiresOn: str(r.expiresOn),
    title: str(r.title),
    place: str(r.place),
    locality: str(r.locality),
    term: str(r.term),
    stub: bool(file, line, r.stub),
    ambiguous: bool(file, line, r.ambiguous),
    candidates,
    consolidated: bool(file, line, r.consolidated),
    file: str(r.file),
    textHash: str(r.textHash),
    effect: EMPTY_EFFECT,
  };
}

export function evidenceOf(r: Row, file: string, line: number): EvidenceRow {
  if (!(RELATION_TYPES as readonly string[]).includes(r.type)) throw new ImportError(`${file}, row ${line}: unknown relation type ${r.type}`);
  return {
    key: r.key,
    from: r.from,
    to: r.to,
    type: r.type as EvidenceRow['type'],
    source: r.source,
    quote: r.quote ?? '',
    start: int(file, line, r.start),
    end: int(file, line, r.end),
    rule: r.rule ?? '',
    kind: str(r.kind),
    scope: str(r.scope),
    effectiveFrom: str(r.effectiveFrom),
    curated: bool(file, line, r.curated),
    author: str(r.author),
    at: str(r.at),
    reason: str(r.reason),
    toRef: str(r.toRef),
    toHow: r.toHow as EvidenceRow['toHow'],
    fromRef: str(r.fromRef),
    fromHow: r.fromHow as EvidenceRow['fromHow'],
  };
}

function curationOf(r: Row, file: string, line: number): Curation {
  if (r.action !== 'ADD' && r.action !== 'REMOVE') throw new ImportError(`${file}, row ${line}: action must be ADD or REMOVE`);
  return { id: r.id, action: r.action, from: r.from, to: r.to, type: r.type as Curation['type'], reason: r.reason, author: r.author, at: r.at };
}

export interface CsvFiles {
  documents: string;
  relations: string;
  curations?: string | null;
}

/** The three files in a folder, as the CSV export names them. */
export async function csvFilesIn(dir: string): Promise<CsvFiles> {
  const curations = path.join(dir, 'curations.csv');
  const has = await fs.stat(curations).then(() => true, () => false);
  return { documents: path.join(dir, 'documents.csv'), relations: path.join(dir, 'relations.csv'), curations: has ? curations : null };
}

async function read(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new ImportError(`${file}: cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/** Parse the exported CSV files into one batch (throws ImportError naming the file and row). */
export async function batchFromCsv(files: CsvFiles): Promise<GraphBatch> {
  const batch = emptyBatch();
  const docs = table(files.documents, await read(files.documents), ['id', ...DOCUMENT_COLUMNS.filter((c) => c !== 'status' && c !== 'statusOn')]);
  docs.forEach((r, i) => {
    const doc = documentOf(r, files.documents, i + 2);
    if (doc.stub) batch.stubs.push(doc);
    else {
      batch.documents.push(doc);
      if (doc.file) batch.files.push({ file: doc.file, id: doc.id });
    }
  });
  const known = new Set(docs.map((r) => r.id));
  const rels = table(files.relations, await read(files.relations), RELATION_COLUMNS.filter((c) => !['fromSymbol', 'toSymbol', 'visible'].includes(c)));
  rels.forEach((r, i) => {
    const row = evidenceOf(r, files.relations, i + 2);
    for (const end of [row.from, row.to]) if (!known.has(end)) throw new ImportError(`${files.relations}, row ${i + 2}: ${end} is not in ${path.basename(files.documents)}`);
    batch.evidence.push(row);
  });
  if (files.curations) {
    const curs = table(files.curations, await read(files.curations), CURATION_COLUMNS);
    curs.forEach((r, i) => batch.curations.push(curationOf(r, files.curations!, i + 2)));
  }
  return batch;
}
