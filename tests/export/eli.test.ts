// The ELI export, expanded by a JSON-LD processor with no network (every remote load refused):
// every property is an ELI ontology term or a deliberate other vocabulary, in-force values are
// the ELI in-force individuals, dates are xsd:date, relations point at exported documents.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELI_CONTEXT, ELI_CONTEXT_FILE, documentIri, eliJsonLd } from '../../services/export/eli.js';
import type { Store } from '../../services/store/port.js';
import { ROOT } from '../loaders/corpus.js';
import { collect, removeTmpDirs, sampleGraph } from './graph.js';

const ELI = 'http://data.europa.eu/eli/ontology#';
const XSD_DATE = 'http://www.w3.org/2001/XMLSchema#date';
const XSD_BOOLEAN = 'http://www.w3.org/2001/XMLSchema#boolean';
const RDF_TYPE = '@type';
/** Deliberately not ELI: a label for issuers, and the project's own facts (status word, stub, type name). */
const OTHER = ['http://www.w3.org/2000/01/rdf-schema#label', 'urn:vn-citation-graph:vocab#'];
const TERMS = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/eli-ontology-terms.json'), 'utf8')) as { classes: string[]; properties: string[]; inForce: string[] };

const offline = async (url: string): Promise<never> => {
  throw new Error(`no network: refused to load ${url}`);
};

type Node = Record<string, unknown>;
let store: Store;
let expanded: Node[];
let compact: { '@context': unknown; '@graph': Node[] };

beforeAll(async () => {
  store = await sampleGraph();
  const text = await collect(eliJsonLd(store, { asOf: '2026-06-01' }));
  compact = JSON.parse(text);
  expanded = (await jsonld.expand(compact as never, { documentLoader: offline as never })) as Node[];
});
afterAll(async () => {
  await store.close();
  removeTmpDirs();
});

/** Every node of the expanded output, nested ones too. */
function* nodes(list: unknown[]): Iterable<Node> {
  for (const n of list) {
    if (!n || typeof n !== 'object' || !('@id' in (n as Node))) continue;
    yield n as Node;
    for (const [k, v] of Object.entries(n as Node)) if (!k.startsWith('@') && Array.isArray(v)) yield* nodes(v);
  }
}

describe('ELI JSON-LD', () => {
  it('embeds the project context file and needs nothing from the network', () => {
    expect(compact['@context']).toEqual(JSON.parse(readFileSync(ELI_CONTEXT_FILE, 'utf8'))['@context']);
    expect(compact['@context']).toEqual(ELI_CONTEXT);
    expect(expanded.length).toBe(compact['@graph'].length);
  });

  it('uses only ELI ontology terms, or a deliberate other vocabulary', () => {
    const used = new Set<string>();
    for (const n of nodes(expanded)) {
      for (const key of Object.keys(n)) {
        if (key === '@id') continue;
        if (key === RDF_TYPE) {
          for (const t of n[key] as string[]) {
            expect(t.startsWith(ELI)).toBe(true);
            expect(TERMS.classes).toContain(t.slice(ELI.length));
          }
          continue;
        }
        used.add(key);
        if (key.startsWith(ELI)) expect(TERMS.properties).toContain(key.slice(ELI.length));
        else expect(OTHER.some((o) => key.startsWith(o)), `${key} is neither ELI nor a deliberate vocabulary`).toBe(true);
      }
    }
    for (const p of ['cites', 'ensures_implementation_of', 'repeals', 'in_force', 'date_document', 'id_local', 'passed_by', 'is_realized_by', 'title']) expect(used).toContain(ELI + p);
  });

  it('says in force with the ELI in-force individuals, on the date asked', () => {
    const values = new Set<string>();
    for (const n of nodes(expanded)) for (const v of (n[`${ELI}in_force`] as { '@id': string }[] | undefined) ?? []) values.add(v['@id']);
    expect([...values].every((v) => TERMS.inForce.map((t) => ELI + t).includes(v))).toBe(true);
    // the 2026 conclusion stops 312-KL/TU: not in force by mid-2026, in force in 2025
    const node = (id: string) => compact['@graph'].find((n) => n['@id'] === documentIri(id))!;
    expect(node('312-KL/TU@2024-02-15')).toMatchObject({ in_force: 'InForce-notInForce', status: 'SUPERSEDED' });
    expect(values).toContain(`${ELI}InForce-inForce`);
  });

  it('types dates as xsd:date and flags as xsd:boolean', () => {
    let dates = 0;
    for (const n of nodes(expanded)) {
      for (const p of ['date_document', 'first_date_entry_in_force', 'date_no_longer_in_force']) {
        for (const v of (n[ELI + p] as { '@value': string; '@type': string }[] | undefined) ?? []) {
          expect(v['@type']).toBe(XSD_DATE);
          expect(v['@value']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          dates++;
        }
      }
      for (const v of (n['urn:vn-citation-graph:vocab#stub'] as { '@type': string }[] | undefined) ?? []) expect(v['@type']).toBe(XSD_BOOLEAN);
    }
    expect(dates).toBeGreaterThan(5);
  });

  it('links documents by IRI, with the symbol as eli:id_local and the issuer as eli:passed_by', () => {
    const kl96 = expanded.find((n) => n['@id'] === documentIri('96-KL/TW@2024-09-30'))!;
    expect(kl96[`${ELI}id_local`]).toEqual([{ '@value': '96-KL/TW' }]);
    expect(kl96[`${ELI}ensures_implementation_of`]).toContainEqual({ '@id': documentIri('45-NQ/TW@2019-01-24') });
    const issuer = (kl96[`${ELI}passed_by`] as Node[])[0];
    expect(issuer['@type']).toEqual([`${ELI}Organization`]);
    expect(issuer['http://www.w3.org/2000/01/rdf-schema#label']).toEqual([{ '@value': 'Bộ Chính trị' }]);
    const ids = new Set(expanded.map((n) => n['@id']));
    for (const n of expanded) for (const p of ['cites', 'amends', 'repeals', 'changes', 'based_on', 'ensures_implementation_of']) for (const t of (n[ELI + p] as { '@id': string }[] | undefined) ?? []) expect(ids).toContain(t['@id']);
  });

  it('maps every relation type to its ELI property', async () => {
    const { eliNode } = await import('../../services/export/eli.js');
    const { doc, ev } = await import('../support/fixtures.js');
    const a = doc('1-NQ/TW@2020-01-01');
    const rel = (type: Parameters<typeof ev>[1], fields = {}) => ({ type, to: '2-NQ/TW@2019-01-01', rows: [ev(a.id, type, '2-NQ/TW@2019-01-01', fields)] });
    const node = (r: ReturnType<typeof rel>) => Object.keys(eliNode(a, [r], { asOf: '2026-01-01' })).filter((k) => !['@id', '@type', 'id_local', 'date_document', 'in_force', 'first_date_entry_in_force', 'status', 'statusOn', 'documentType'].includes(k));
    expect(node(rel('CITES'))).toEqual(['cites']);
    expect(node(rel('AMENDS'))).toEqual(['amends']);
    expect(node(rel('BASED_ON'))).toEqual(['based_on']);
    expect(node(rel('IMPLEMENTS'))).toEqual(['ensures_implementation_of']);
    expect(node(rel('GUIDES'))).toEqual(['ensures_implementation_of', 'guides']);
    expect(node(rel('SUPERSEDES', { kind: 'bãi bỏ' }))).toEqual(['repeals']);
    expect(node(rel('SUPERSEDES', { kind: 'bãi bỏ', scope: 'Điều 5' }))).toEqual(['changes']);
    expect(node(rel('SUPERSEDES', { kind: 'đình chỉ' }))).toEqual(['changes']);
  });

  it('exports one document alone', async () => {
    const one = JSON.parse(await collect(eliJsonLd(store, { asOf: '2026-06-01', id: '96-KL/TW@2024-09-30' })));
    expect(one['@graph'].map((n: Node) => n['@id'])).toEqual([documentIri('96-KL/TW@2024-09-30')]);
    expect(await jsonld.expand(one, { documentLoader: offline as never })).toHaveLength(1);
  });
});
