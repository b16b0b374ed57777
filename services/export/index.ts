// The export formats by name, for the CLI and the HTTP routes alike.
import type { Store } from '../store/port.js';
import { curationsCsv, documentsCsv, relationsCsv } from './csv.js';
import { eliJsonLd, type EliOptions } from './eli.js';
import { graphml } from './graphml.js';
import { neo4jCypher } from './cypher.js';

export interface ExportFormat {
  name: string;
  /** The file name it downloads as. */
  file: string;
  contentType: string;
  description: string;
  write(store: Store, options: EliOptions): AsyncIterable<string>;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  { name: 'eli', file: 'eli.jsonld', contentType: 'application/ld+json; charset=utf-8', description: 'ELI JSON-LD: every document (or --id one) as an eli:LegalResource', write: eliJsonLd },
  { name: 'documents-csv', file: 'documents.csv', contentType: 'text/csv; charset=utf-8', description: 'CSV, one row per document, with its status on --as-of', write: documentsCsv },
  { name: 'relations-csv', file: 'relations.csv', contentType: 'text/csv; charset=utf-8', description: 'CSV, one row per assertion of a relation: quote, offsets, asserting document, curated', write: relationsCsv },
  { name: 'curations-csv', file: 'curations.csv', contentType: 'text/csv; charset=utf-8', description: "CSV of people's corrections", write: (store) => curationsCsv(store) },
  { name: 'graphml', file: 'graph.graphml', contentType: 'application/graphml+xml; charset=utf-8', description: 'GraphML for Gephi or yEd: documents and relations with evidence summaries', write: graphml },
  { name: 'neo4j', file: 'neo4j.cypher', contentType: 'text/plain; charset=utf-8', description: 'Cypher script that recreates the graph in an empty Neo4j 5 database', write: neo4jCypher },
];

/** The three CSV files that `import` reads back. */
export const CSV_SET = ['documents-csv', 'relations-csv', 'curations-csv'] as const;

export function exportFormat(name: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.name === name || f.file === name);
}
