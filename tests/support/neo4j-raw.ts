// Everything a Neo4j database holds, read around the store: every node with its labels, every
// property and its Cypher type, and every relationship. Two graphs equal here are the same
// database to the loader and to every read, whatever the port exposes. Timestamps of a write
// (a document's updatedAt, a migration's at) differ from run to run and are left out.
import neo4j from 'neo4j-driver';
import type { Neo4jConfig } from '../../services/config.js';

export interface RawGraph {
  nodes: string[];
  relationships: string[];
}

const STAMPS = new Set(['updatedAt', 'at:Migration']);

export async function rawGraph(cfg: Neo4jConfig): Promise<RawGraph> {
  const driver = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password), { disableLosslessIntegers: true });
  const session = driver.session({ database: cfg.database });
  try {
    const nodes = await session.run(`MATCH (n) RETURN labels(n) AS labels, [k IN keys(n) | [k, valueType(n[k]), n[k]]] AS props`);
    const rels = await session.run(`MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, [k IN keys(r) | [k, r[k]]] AS props`);
    const node = (labels: string[], props: [string, string, unknown][]) => {
      const label = [...labels].sort().join(':');
      const kept = props.filter(([k]) => !STAMPS.has(k) && !STAMPS.has(`${k}:${label}`)).sort((a, b) => (a[0] < b[0] ? -1 : 1));
      return JSON.stringify([label, kept.map(([k, type, v]) => [k, type, v instanceof Object && !Array.isArray(v) ? String(v) : v])]);
    };
    return {
      nodes: nodes.records.map((r) => node(r.get('labels'), r.get('props'))).sort(),
      relationships: rels.records.map((r) => JSON.stringify([r.get('from'), r.get('type'), r.get('to'), r.get('props')])).sort(),
    };
  } finally {
    await session.close();
    await driver.close();
  }
}
