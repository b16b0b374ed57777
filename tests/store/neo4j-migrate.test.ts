// A Neo4j loaded by an older version files undated references by symbol only. Opening the store
// files them by locality too (migrate.ts), once, so re-resolution by locality still finds them.
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { localKey } from '../../services/store/keys.js';
import { Neo4jStore } from '../../services/store/neo4j/index.js';
import { batch, doc, ev, stub } from '../support/fixtures.js';
import { closeNeo4j, freshNeo4j, neo4jConfig } from '../support/neo4j.js';

const cfg = neo4jConfig();
afterAll(closeNeo4j);

describe.skipIf(!cfg)('neo4j: migration of undated reference keys', () => {
  it('files references stored without a locality key under one when the store opens', async () => {
    const store = await freshNeo4j();
    const ref = JSON.stringify({ ref: { symbol: '24/QĐ-UBND', date: null }, citing: { issuedOn: '2025-11-11', locality: 'Hải Phòng' } });
    const letter = doc('11494/VP-VX@2025-11-11');
    await store.applyBatch(batch({ docs: [letter], stubs: [stub('24/QĐ-UBND', { issuedOn: null })], evidence: [ev(letter.id, 'CITES', '24/QĐ-UBND', { toRef: ref, toHow: 'no-candidate' })] }));
    const local = localKey('24/QD-UBND', 'Hải Phòng');
    expect((await store.undatedEvidence([local])).map((r) => r.to)).toEqual(['24/QĐ-UBND']);

    // as an older version left it: the symbol key only, and no record of the migration
    const strip = async (cypher: string) => {
      const driver = neo4j.driver(cfg!.uri, neo4j.auth.basic(cfg!.user, cfg!.password));
      try {
        await driver.executeQuery(cypher, {}, { database: cfg!.database });
      } finally {
        await driver.close();
      }
    };
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
});
