// A Neo4j-importable dump: a Cypher script of parameter-free statements (constraints and
// indexes, then UNWIND-ed literal lists) that recreates the graph exactly as the Neo4j store
// keeps it, texts included. Load it with `cypher-shell -f neo4j.cypher` or run it statement
// by statement; the Neo4j store then opens it as its own.
import { SCHEMA_FILES, schemaStatements } from '../store/neo4j/index.js';
import type { Store } from '../store/port.js';
import { neo4jGraphParts } from './neo4j-graph.js';
import type { ExportOptions } from './read.js';

/** A statement stays under this many characters (texts can be long). */
const STATEMENT_CHARS = 1_000_000;

/** A Cypher string literal: every character that could end or bend it is escaped. */
export function cypherString(s: string): string {
  let out = "'";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === "'" || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f || (c >= 0xd800 && c <= 0xdfff) || c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}'`;
}

/** A Cypher literal for a property value: strings, numbers, booleans, null, lists of those. */
export function cypherValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return cypherString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot write ${v} as a Cypher literal`);
    return Number.isInteger(v) ? String(v) : v.toExponential();
  }
  if (Array.isArray(v)) return `[${v.map(cypherValue).join(', ')}]`;
  throw new Error(`cannot write a ${typeof v} as a Cypher literal`);
}

/** A map literal; keys are the store's own property names, backquoted all the same. */
export function cypherMap(props: Record<string, unknown>): string {
  return `{${Object.entries(props)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `\`${k.replace(/`/g, '``')}\`: ${cypherValue(v)}`)
    .join(', ')}}`;
}

/** `UNWIND [maps] AS p <tail>;` statements, split so that none grows past STATEMENT_CHARS. */
function* unwind(maps: string[], tail: string): Iterable<string> {
  let batch: string[] = [];
  let size = 0;
  const flush = function* () {
    if (batch.length) yield `UNWIND [${batch.join(', ')}] AS p ${tail};\n`;
    batch = [];
    size = 0;
  };
  for (const m of maps) {
    if (size + m.length > STATEMENT_CHARS) yield* flush();
    batch.push(m);
    size += m.length + 2;
  }
  yield* flush();
}

export async function* neo4jCypher(store: Store, options: ExportOptions): AsyncIterable<string> {
  yield `// Citation graph: Neo4j 5 dump, made ${new Date().toISOString()}. Load into an empty database:\n//   cypher-shell -u neo4j -p <password> -f neo4j.cypher\n`;
  for (const file of SCHEMA_FILES) {
    for (const statement of schemaStatements(file)) yield `${statement.replace(/\s*\n\s*/g, ' ')};\n`;
  }
  yield 'CALL db.awaitIndexes(300);\n';
  for await (const part of neo4jGraphParts(store, options)) yield* unwind(part.rows.map(cypherMap), part.create);
}
