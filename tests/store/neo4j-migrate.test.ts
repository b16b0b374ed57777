// A Neo4j loaded by an older version lacks what this one reads (migrate.ts): undated references
// filed by locality, and the effect timeline. Opening the store adds them, once.
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { IN_EFFECT_VALUES, statusPredicate } from '../../services/domain/effect.js';
import { localKey } from '../../services/store/keys.js';
import { Neo4jStore } from '../../services/store/neo4j/index.js';
import { batch, doc, ev, stub, everyFieldBatches, sampleBatch } from '../support/fixtures.js';
import { closeNeo4j, freshNeo4j, neo4jConfig } from '../support/neo4j.js';

const cfg = neo4jConfig();
afterAll(closeNeo4j);

/** Run Cypher as an older version of the store would have left the data. */
async function asOlderVersion(cypher: string): Promise<void> {
  const driver = neo4j.driver(cfg!.uri, neo4j.auth.basic(cfg!.user, cfg!.password));
  try {
    await driver.executeQuery(cypher, {}, { database: cfg!.database });
  } finally {
    await driver.close();
  }
}

describe.skipIf(!cfg)('neo4j: migration of undated reference keys', () => {
  it('files references stored without a locality key under one when the store opens', async () => {
    const store = await freshNeo4j();
    const ref = JSON.stringify({ ref: { symbol: '24/QĐ-UBND', date: null }, citing: { issuedOn: '2025-11-11', locality: 'Hải Phòng' } });
    const letter = doc('11494/VP-VX@2025-11-11');
    await store.applyBatch(batch({ docs: [letter], stubs: [stub('24/QĐ-UBND', { issuedOn: null })], evidence: [ev(letter.id, 'CITES', '24/QĐ-UBND', { toRef: ref, toHow: 'no-candidate' })] }));
    const local = localKey('24/QD-UBND', 'Hải Phòng');
    expect((await store.undatedEvidence([local])).map((r) => r.to)).toEqual(['24/QĐ-UBND']);

    // as an older version left it: the symbol key only, and no record of the migration
    const strip = asOlderVersion;
    await strip('MATCH (e:Evidence) REMOVE e.toRefLocal, e.fromRefLocal WITH count(*) AS n MATCH (m:Migration) DELETE m');
    expect(await store.undatedEvidence([local])).toEqual([]);

    const reopen = async () => {
      const reopened = await Neo4jStore.open(cfg!);
      try {
        return (await reopened.undatedEvidence([local])).map((r) => r.to);
      } finally {
        await reopened.close();
      }
    };
    expect(await reopen()).toEqual(['24/QĐ-UBND']);
    // recorded: a later start does not scan the evidence again
    await strip('MATCH (e:Evidence) REMOVE e.toRefLocal, e.fromRefLocal');
    expect(await reopen()).toEqual([]);
  });

  it('gives documents written without the effect timeline one when the store opens, and drops the old index', async () => {
    const store = await freshNeo4j();
    for (const b of [sampleBatch(), ...everyFieldBatches()]) await store.applyBatch(b);
    const status = statusPredicate(IN_EFFECT_VALUES, '2025-06-01');
    const before = await store.findDocuments({ status }, 100, null);
    expect(before.totalCount).toBeGreaterThan(3);
    await asOlderVersion(`MATCH (d:Document) REMOVE d.sinceIssued, d.sinceEffective, d.sincePartly, d.sinceEnded, d.sinceSuperseded, d.sinceExpired
      WITH count(*) AS n MATCH (m:Migration {name: 'effect-timeline'}) DELETE m`);
    await asOlderVersion('CREATE INDEX document_effect IF NOT EXISTS FOR (d:Document) ON (d.effStartsOn, d.effEndsOn)');
    expect((await store.findDocuments({ status }, 100, null)).totalCount).toBe(0);
    const reopened = await Neo4jStore.open(cfg!);
    try {
      expect(await reopened.findDocuments({ status }, 100, null)).toEqual(before);
      const driver = neo4j.driver(cfg!.uri, neo4j.auth.basic(cfg!.user, cfg!.password));
      try {
        const { records } = await driver.executeQuery("SHOW INDEXES YIELD name WHERE name = 'document_effect' RETURN name", {}, { database: cfg!.database });
        expect(records).toEqual([]);
      } finally {
        await driver.close();
      }
    } finally {
      await reopened.close();
    }
  });
});
