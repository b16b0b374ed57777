// The first load of a large corpus into a Neo4j on this machine, offline: the graph exactly as the
// Neo4j store keeps it (neo4j-graph.ts) written as the CSV files `neo4j-admin database import full`
// reads (scripts/neo4j/import.sh), which writes the store files directly, with no transactions.
// One data file per label and one for the relationships, each with its header in a file of its own
// (`<name>.header.csv`), written last: the columns' types are known once every row has been seen.
// Nulls are empty unquoted fields (no property); strings are always quoted, so "" is an empty string.
import { once } from 'node:events';
import { createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import path from 'node:path';
import type { Store } from '../store/port.js';
import { documentParts, evidenceParts, relationshipParts, type GraphPart, type NodeLabel } from './neo4j-graph.js';

/** Between the items of a list property (import.sh passes it as --array-delimiter); no stored value holds it. */
export const ARRAY_DELIMITER = '\u001f';

/** What the files hold, written beside them as import.json: what finishNeo4jImport checks and completes. */
export interface ImportManifest {
  nodes: Record<NodeLabel, number>;
  relationships: number;
  /**
   * List properties that were empty lists on some nodes: the importer cannot write an empty list
   * (it leaves the property out), so finishNeo4jImport sets them where they are missing.
   */
  emptyLists: Partial<Record<NodeLabel, string[]>>;
}

export const MANIFEST = 'import.json';

export interface Neo4jFilesSummary extends ImportManifest {
  seconds: number;
  files: string[];
}

type ColumnType = 'string' | 'boolean' | 'double' | 'string[]';

/** How the driver sends a value (a JS number goes as a float), so how the copy stores it. */
function typeOf(value: unknown, where: string): ColumnType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${where}: ${value} has no CSV form`);
    return 'double';
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return 'string[]';
  throw new Error(`${where}: a value of a type the import files do not write (${JSON.stringify(value)})`);
}

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** One data file and its header: columns in the order of the first row's keys, typed by their values. Exported for its tests. */
export class Table {
  private readonly out: WriteStream;
  private columns: string[] | null = null;
  // per column, by position: its type once a value is seen, and whether it held null or an empty list
  private types: (ColumnType | undefined)[] = [];
  private nulls: boolean[] = [];
  private empties: boolean[] = [];
  rows = 0;

  constructor(
    readonly file: string,
    private readonly header: (column: string, type: ColumnType) => string,
    private readonly label: string | null,
  ) {
    this.out = createWriteStream(file);
  }

  async write(rows: readonly Record<string, unknown>[]): Promise<void> {
    if (!rows.length) return;
    const columns = (this.columns ??= Object.keys(rows[0]));
    let text = '';
    for (const row of rows) {
      let keys = 0;
      for (const _ in row) keys++;
      if (keys !== columns.length) this.sameKeys(row, columns);
      let line = this.label ?? '';
      for (let i = 0; i < columns.length; i++) {
        const value = row[columns[i]];
        // as many keys, one of the columns missing: then another key is there instead
        if (value === undefined && !(columns[i] in row)) this.sameKeys(row, columns);
        const cell = this.cell(i, value);
        line = i === 0 && this.label === null ? cell : `${line},${cell}`;
      }
      text += line + '\n';
    }
    this.rows += rows.length;
    if (!this.out.write(text)) await once(this.out, 'drain');
  }

  /** Throws if the row has a key the first row had not (called when the cheap checks above cannot tell). */
  private sameKeys(row: Record<string, unknown>, columns: readonly string[]): void {
    for (const key in row) if (!columns.includes(key)) throw new Error(`${this.file}: property ${key} appeared after the first row; the model gives every row the same keys`);
  }

  private cell(i: number, value: unknown): string {
    const column = this.columns![i];
    if (value === null || value === undefined) {
      this.nulls[i] = true;
      return '';
    }
    const type = typeOf(value, `${this.file}, ${column}`);
    const known = this.types[i];
    if (known !== type) {
      if (known) throw new Error(`${this.file}: ${column} holds both ${known} and ${type} values`);
      this.types[i] = type;
    }
    if (type === 'string') return quote(value as string);
    if (type !== 'string[]') return String(value);
    const items = value as string[];
    if (!items.length) {
      this.empties[i] = true;
      return '';
    }
    if (items.some((s) => s.includes(ARRAY_DELIMITER) || s === '')) throw new Error(`${this.file}: ${column} holds a list item the import cannot tell apart`);
    return quote(items.join(ARRAY_DELIMITER));
  }

  /** Lists that were empty on some rows (and never null: the two would look alike after the import). */
  emptyLists(): string[] {
    const columns = this.columns ?? [];
    const both = columns.filter((_, i) => this.empties[i] && this.nulls[i]);
    if (both.length) throw new Error(`${this.file}: ${both.join(', ')} is an empty list on some rows and null on others; the import would make both absent`);
    return columns.filter((_, i) => this.empties[i]);
  }

  /** Close the data file, then write the header (null if no row was written: the files are removed). */
  async close(): Promise<string | null> {
    this.out.end();
    await once(this.out, 'close');
    const headerFile = this.file.replace(/\.csv$/, '.header.csv');
    if (!this.rows || !this.columns) {
      // (a header left by an earlier run into the same folder would make import.sh import nothing twice)
      await Promise.all([fs.rm(this.file), fs.rm(headerFile, { force: true })]);
      return null;
    }
    const names = this.columns.map((c, i) => this.header(c, this.types[i] ?? 'string'));
    await fs.writeFile(headerFile, (this.label === null ? names : [':LABEL', ...names]).join(',') + '\n');
    return headerFile;
  }
}

const FILE_OF: Record<NodeLabel, string> = { Document: 'documents.csv', File: 'files.csv', Evidence: 'evidence.csv', Curation: 'curations.csv' };

/**
 * Write the whole graph of `store` into `dir` (created; files of an earlier run are replaced) as
 * neo4j-admin import files. Documents carry the ID space the relationships name them by (their
 * `id`, stored as the property too); files, evidence and curations need no IDs.
 */
export async function writeNeo4jImportFiles(store: Store, dir: string, options: { page?: number } = {}): Promise<Neo4jFilesSummary> {
  const started = performance.now();
  await fs.mkdir(dir, { recursive: true });
  // written last: import.sh refuses a folder without it, so a run that stops half way is not imported
  await fs.rm(path.join(dir, MANIFEST), { force: true });
  const nodeHeader = (label: NodeLabel) => (column: string, type: ColumnType) => (label === 'Document' && column === 'id' ? 'id:ID(Document)' : `${column}:${type}`);
  const tables = Object.fromEntries(
    (Object.keys(FILE_OF) as NodeLabel[]).map((label) => [label, new Table(path.join(dir, FILE_OF[label]), nodeHeader(label), label)]),
  ) as Record<NodeLabel, Table>;
  const relationships = new Table(path.join(dir, 'relationships.csv'), (c) => (c === 'from' ? ':START_ID(Document)' : c === 'to' ? ':END_ID(Document)' : ':TYPE'), null);
  const pages = { documentPage: options.page, evidencePage: options.page };
  const write = async (parts: AsyncIterable<GraphPart>) => {
    for await (const part of parts) {
      if (part.kind === 'nodes') await tables[part.label].write(part.rows);
      else await relationships.write(part.rows.map((r) => ({ from: r.from, to: r.to, type: part.type })));
    }
  };
  const files: string[] = [];
  try {
    await write(documentParts(store, pages));
    await write(evidenceParts(store, pages));
    await write(relationshipParts(store, pages));
  } finally {
    for (const table of [...Object.values(tables), relationships]) {
      const header = await table.close();
      if (header) files.push(header, table.file);
    }
  }
  const manifest: ImportManifest = {
    nodes: Object.fromEntries(Object.entries(tables).map(([label, t]) => [label, t.rows])) as Record<NodeLabel, number>,
    relationships: relationships.rows,
    emptyLists: Object.fromEntries(Object.entries(tables).flatMap(([label, t]) => (t.emptyLists().length ? [[label, t.emptyLists()]] : []))),
  };
  await fs.writeFile(path.join(dir, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  return { ...manifest, seconds: (performance.now() - started) / 1000, files: [...files, path.join(dir, MANIFEST)] };
}
