// GraphML for Gephi and yEd: documents as nodes (with their status on a date), one edge per
// visible relation with a summary of the evidence behind it. Written a page at a time.
import type { DocumentNode } from '../store/model.js';
import type { Store } from '../store/port.js';
import { documentPages, relationsOf, status, type ExportOptions } from './read.js';

/** XML text: markup escaped, and characters XML 1.0 cannot hold dropped. */
export function xmlText(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const NODE_KEYS: [string, string, (d: DocumentNode, asOf: string) => string | boolean | null][] = [
  ['label', 'string', (d) => d.symbol ?? d.title ?? d.id],
  ['symbol', 'string', (d) => d.symbol],
  ['type', 'string', (d) => d.type],
  ['issuer', 'string', (d) => d.issuer],
  ['issuedOn', 'string', (d) => d.issuedOn],
  ['title', 'string', (d) => d.title],
  ['status', 'string', (d, asOf) => status(d, asOf)],
  ['locality', 'string', (d) => d.locality],
  ['term', 'string', (d) => d.term],
  ['stub', 'boolean', (d) => d.stub],
  ['ambiguous', 'boolean', (d) => d.ambiguous],
];
const EDGE_KEYS = [
  ['relation', 'string'],
  ['evidenceCount', 'int'],
  ['quote', 'string'],
  ['sources', 'string'],
  ['curated', 'boolean'],
] as const;

const QUOTE_CHARS = 300;

function data(key: string, value: string | number | boolean | null): string {
  return value === null || value === '' ? '' : `<data key="${key}">${xmlText(String(value))}</data>`;
}

export async function* graphml(store: Store, options: ExportOptions): AsyncIterable<string> {
  const keys = [
    ...NODE_KEYS.map(([name, type]) => `<key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`),
    ...EDGE_KEYS.map(([name, type]) => `<key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`),
  ];
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n${keys.join('\n')}\n<graph id="citations" edgedefault="directed">\n`;
  // Nodes first, then edges: some readers want every node declared before an edge names it.
  for await (const docs of documentPages(store, options)) {
    yield docs.map((d) => `<node id="${xmlText(d.id)}">${NODE_KEYS.map(([name, , get]) => data(`n_${name}`, get(d, options.asOf))).join('')}</node>\n`).join('');
  }
  let n = 0;
  for await (const docs of documentPages(store, options)) {
    const relations = await relationsOf(store, docs);
    let chunk = '';
    docs.forEach((doc, i) => {
      for (const rel of relations[i]) {
        const sources = [...new Set(rel.rows.map((r) => r.source))].sort();
        chunk +=
          `<edge id="e${n++}" source="${xmlText(doc.id)}" target="${xmlText(rel.to)}">` +
          data('e_relation', rel.type) +
          data('e_evidenceCount', rel.rows.length) +
          data('e_quote', rel.rows[0].quote.slice(0, QUOTE_CHARS)) +
          data('e_sources', sources.join(' ')) +
          data('e_curated', rel.rows.some((r) => r.curated)) +
          '</edge>\n';
      }
    });
    yield chunk;
  }
  yield '</graph>\n</graphml>\n';
}
