// One graph batch → one Neo4j write transaction of UNWIND $rows … statements. Evidence rows are
// (:Evidence) nodes; each visible (from, type, to) is projected as a typed relationship between
// documents, which chain and path queries walk.
import { RELATION_TYPES } from '../../../graph-loaders/types.js';
import { suppressedRelations } from '../../domain/curation.js';
import { ENDING_TYPES, sameEffect, summarise, type EndingFact } from '../../domain/effect.js';
import type { Curation, EvidenceRow, GraphBatch, RelationType } from '../model.js';
import { relationKey } from '../model.js';
import { refKeys } from '../keys.js';
import { mergeStub } from '../stubs.js';
import { docProps, docProjection, effectProps, evidenceProjection, toDocument, toEvidence, type Projected } from './mapping.js';
import type { Tx } from './session.js';

type Triple = { from: string; to: string; type: RelationType };

const UNDATED = new Set(['only-candidate', 'context', 'no-candidate', 'ambiguous']);

/** An evidence node's properties: the row's fields, whether a curation hides it, and its reference keys. */
type EvidenceProps = { [K in keyof EvidenceRow]-?: EvidenceRow[K] } & {
  suppressed: boolean;
  toRefKey: string | null;
  toRefLocal: string | null;
  fromRefKey: string | null;
  fromRefLocal: string | null;
};

export function evidenceProps(row: EvidenceRow, suppressed: Set<string>): EvidenceProps {
  const to = UNDATED.has(row.toHow) ? refKeys(row.toRef) : null;
  const from = UNDATED.has(row.fromHow) ? refKeys(row.fromRef) : null;
  // one literal naming every field, not a spread of the row: several times cheaper to build, 10M
  // times in a national copy (the type makes a field left out an error)
  return {
    key: row.key,
    from: row.from,
    to: row.to,
    type: row.type,
    source: row.source,
    quote: row.quote,
    start: row.start,
    end: row.end,
    rule: row.rule,
    kind: row.kind,
    scope: row.scope,
    effectiveFrom: row.effectiveFrom,
    curated: row.curated,
    author: row.author,
    at: row.at,
    reason: row.reason,
    toRef: row.toRef,
    toHow: row.toHow,
    fromRef: row.fromRef,
    fromHow: row.fromHow,
    suppressed: suppressed.size > 0 && suppressed.has(relationKey(row.from, row.type, row.to)),
    // re-resolution reads rows by either key (keys.ts, refKeys)
    toRefKey: to?.key ?? null,
    toRefLocal: to?.local ?? null,
    fromRefKey: from?.key ?? null,
    fromRefLocal: from?.local ?? null,
  };
}

async function rows<T>(tx: Tx, cypher: string, params: Record<string, unknown>, pick: (r: Record<string, unknown>) => T): Promise<T[]> {
  const result = await tx.run(cypher, params);
  return result.records.map((r) => pick(r.toObject()));
}

export async function writeBatch(tx: Tx, batch: GraphBatch, at: string): Promise<void> {
  const touchedDocs = new Set<string>();
  const touchedRels = new Map<string, Triple>();
  /** Documents whose own properties this batch writes. */
  const rewritten = new Set<string>();
  /** Documents an ending relation (SUPERSEDES, AMENDS) to which this batch adds, moves or removes. */
  const endingTargets = new Set<string>();
  const touchTriple = (t: Triple) => {
    touchedRels.set(relationKey(t.from, t.type, t.to), { from: t.from, to: t.to, type: t.type });
    touchedDocs.add(t.from);
    touchedDocs.add(t.to);
    if ((ENDING_TYPES as readonly RelationType[]).includes(t.type)) endingTargets.add(t.to);
  };
  const curations = (await rows(tx, 'MATCH (c:Curation) RETURN c {.*} AS c', {}, (r) => r.c as Curation)).concat(batch.curations);
  const suppressed = suppressedRelations(curations);

  // Files that now hold another document: the old document keeps only what others say of it.
  const held = await rows(tx, 'UNWIND $files AS f MATCH (x:File {path: f.file}) WHERE x.id <> f.id RETURN x.id AS id', { files: batch.files }, (r) => r.id as string);
  const unload = [...new Set(held)];
  if (unload.length) {
    await removeEvidenceOf(tx, unload, touchTriple);
    await tx.run('UNWIND $ids AS id MATCH (d:Document {id: id}) SET d.stub = true, d.file = null, d.textHash = null, d.body = null', { ids: unload });
    unload.forEach((id) => (touchedDocs.add(id), rewritten.add(id)));
  }

  // Documents whose text is in the batch replace what they asserted before.
  const docIds = batch.documents.map((d) => d.id);
  await removeEvidenceOf(tx, docIds, touchTriple);
  const texts = new Map(batch.texts.map((t) => [t.id, t.text]));
  await tx.run(
    `UNWIND $docs AS d MERGE (n:Document {id: d.id}) SET n += d`,
    { docs: batch.documents.map((d) => ({ ...docProps({ ...d, stub: false, ambiguous: false }, texts.get(d.id) ?? null) })) },
  );
  await tx.run('UNWIND $docs AS d MATCH (f:File) WHERE f.id = d.id AND f.path <> d.file DETACH DELETE f', { docs: batch.documents.map((d) => ({ id: d.id, file: d.file })) });
  const hashes = new Map(batch.documents.map((d) => [d.id, d.textHash]));
  await tx.run('UNWIND $files AS f MERGE (x:File {path: f.file}) SET x.id = f.id, x.textHash = f.hash', {
    files: batch.files.map((f) => ({ ...f, hash: hashes.get(f.id) ?? null })),
  });
  docIds.forEach((id) => (touchedDocs.add(id), rewritten.add(id)));

  // Stubs never overwrite a loaded document; two descriptions of one stub merge (stubs.ts).
  if (batch.stubs.length) {
    const held = new Map(
      (await rows(tx, `UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN ${docProjection('d')} AS doc`, { ids: batch.stubs.map((s) => s.id) }, (r) => toDocument(r.doc as Projected))).map((d) => [d.id, d]),
    );
    const writes: Record<string, unknown>[] = [];
    for (const stub of batch.stubs) {
      const before = held.get(stub.id);
      const after = before ? mergeStub(before, stub) : stub;
      if (!after) continue;
      writes.push(docProps(after, null));
      touchedDocs.add(stub.id);
      // a stub's description (type, issuer, title...) has no bearing on its effect; a new one needs one
      if (!before) rewritten.add(stub.id);
    }
    if (writes.length) await tx.run('UNWIND $stubs AS s MERGE (n:Document {id: s.id}) SET n += s', { stubs: writes });
  }

  if (batch.deleteEvidence.length) {
    const gone = await rows(tx, `UNWIND $keys AS k MATCH (e:Evidence {key: k}) WITH e, e.from AS from, e.to AS to, e.type AS type DELETE e RETURN from, to, type`, { keys: batch.deleteEvidence }, (r) => r as Triple);
    gone.forEach(touchTriple);
  }
  if (batch.repoint.length) {
    const moved = await rows(
      tx,
      `UNWIND $moves AS m MATCH (e:Evidence {key: m.key})
       WITH e, m, {from: e.from, to: e.to, type: e.type} AS before
       SET e.from = coalesce(m.from, e.from), e.to = coalesce(m.to, e.to), e.toHow = coalesce(m.toHow, e.toHow), e.fromHow = coalesce(m.fromHow, e.fromHow)
       RETURN before, {from: e.from, to: e.to, type: e.type} AS after`,
      { moves: batch.repoint.map((m) => ({ key: m.key, from: m.from ?? null, to: m.to ?? null, toHow: m.toHow ?? null, fromHow: m.fromHow ?? null })) },
      (r) => [r.before as Triple, r.after as Triple],
    );
    moved.flat().forEach(touchTriple);
    await tx.run(`UNWIND $moves AS m MATCH (e:Evidence {key: m.key}) SET e.suppressed = m.suppressed`, {
      moves: moved.map(([, after], i) => ({ key: batch.repoint[i].key, suppressed: suppressed.has(relationKey(after.from, after.type, after.to)) })),
    });
  }
  if (batch.evidence.length) {
    await tx.run('UNWIND $rows AS r MERGE (e:Evidence {key: r.key}) SET e = r', { rows: batch.evidence.map((r) => evidenceProps(r, suppressed)) });
    batch.evidence.forEach(touchTriple);
  }
  if (batch.curations.length) {
    await tx.run('UNWIND $cs AS c CREATE (x:Curation) SET x = c', { cs: batch.curations });
    const triples = batch.curations.map((c) => ({ from: c.from, to: c.to, type: c.type, suppressed: suppressed.has(relationKey(c.from, c.type, c.to)) }));
    await tx.run('UNWIND $ts AS t MATCH (e:Evidence {from: t.from, to: t.to, type: t.type}) SET e.suppressed = t.suppressed', { ts: triples });
    triples.forEach(touchTriple);
  }

  await projectRelations(tx, [...touchedRels.values()]);
  await collectStubs(tx, [...touchedDocs]);
  await refreshEffects(tx, { touched: [...touchedDocs], rewritten: [...rewritten], endingTargets: [...endingTargets] }, suppressed, at);
}

async function removeEvidenceOf(tx: Tx, sources: string[], touch: (t: Triple) => void): Promise<void> {
  if (!sources.length) return;
  const gone = await rows(
    tx,
    `UNWIND $ids AS id MATCH (e:Evidence {source: id}) WITH e, e.from AS from, e.to AS to, e.type AS type DELETE e RETURN from, to, type`,
    { ids: sources },
    (r) => r as Triple,
  );
  gone.forEach(touch);
}

/** A typed relationship exists exactly while visible evidence asserts it. */
async function projectRelations(tx: Tx, triples: Triple[]): Promise<void> {
  if (!triples.length) return;
  const counted = await rows(
    tx,
    `UNWIND $ts AS t
     OPTIONAL MATCH (e:Evidence {from: t.from, to: t.to, type: t.type}) WHERE NOT e.suppressed
     RETURN t AS t, count(e) AS n`,
    { ts: triples },
    (r) => ({ t: r.t as Triple, n: r.n as number }),
  );
  for (const type of RELATION_TYPES) {
    const keep = counted.filter((c) => c.t.type === type && c.n > 0).map((c) => c.t);
    const drop = counted.filter((c) => c.t.type === type && c.n === 0).map((c) => c.t);
    // The relationship type is one of six constants, never input.
    if (keep.length) await tx.run(`UNWIND $ts AS t MATCH (a:Document {id: t.from}), (b:Document {id: t.to}) MERGE (a)-[:${type}]->(b)`, { ts: keep });
    if (drop.length) await tx.run(`UNWIND $ts AS t MATCH (:Document {id: t.from})-[r:${type}]->(:Document {id: t.to}) DELETE r`, { ts: drop });
  }
}

/** Stubs exist only through references: one nothing names any more is removed. */
async function collectStubs(tx: Tx, ids: string[]): Promise<void> {
  await tx.run(
    `UNWIND $ids AS id
     MATCH (d:Document {id: id}) WHERE d.stub
       AND NOT EXISTS { MATCH (e:Evidence) WHERE e.from = id }
       AND NOT EXISTS { MATCH (e:Evidence) WHERE e.to = id }
     DETACH DELETE d`,
    { ids },
  );
}

/**
 * Recompute the effect summary of every document whose facts may have changed: the documents the
 * batch rewrites, the targets of ending relations it touches, and the targets of ending relations
 * that rewritten documents assert (their dates count). A document touched only by a citation keeps
 * its summary and gets a new updatedAt, without reading its incoming evidence: a document cited
 * 30,000 times was read whole every time one more text cited it.
 */
async function refreshEffects(tx: Tx, docs: { touched: string[]; rewritten: string[]; endingTargets: string[] }, suppressed: Set<string>, at: string): Promise<void> {
  const { touched, rewritten, endingTargets } = docs;
  const targets = await rows(
    tx,
    `UNWIND $ids AS id
     MATCH (e:Evidence) WHERE (e.from = id OR e.source = id) AND e.type IN ['SUPERSEDES', 'AMENDS']
     RETURN DISTINCT e.to AS id`,
    { ids: rewritten },
    (r) => r.id as string,
  );
  const affected = [...new Set([...rewritten, ...endingTargets, ...targets])];
  const affectedSet = new Set(affected);
  const stampOnly = touched.filter((id) => !affectedSet.has(id));
  if (stampOnly.length) await tx.run('UNWIND $ids AS id MATCH (d:Document {id: id}) SET d.updatedAt = $at', { ids: stampOnly, at });
  const facts = await rows(
    tx,
    `UNWIND $ids AS id
     MATCH (d:Document {id: id})
     OPTIONAL MATCH (e:Evidence {to: id}) WHERE e.type IN ['SUPERSEDES', 'AMENDS']
     OPTIONAL MATCH (f:Document {id: e.from})
     OPTIONAL MATCH (s:Document {id: e.source})
     WITH d, e, f, s ORDER BY e.key
     RETURN ${docProjection('d')} AS doc,
            collect(CASE WHEN e IS NULL THEN null ELSE {row: ${evidenceProjection('e')}, from: f {.issuedOn, .issuedNotBefore, .effectiveFrom}, source: s {.issuedOn, .issuedNotBefore, .effectiveFrom}} END) AS facts`,
    { ids: affected },
    (r) => ({ doc: toDocument(r.doc as Projected), facts: r.facts as { row: Projected; from: EndingFact['from']; source: EndingFact['source'] }[] }),
  );
  const touchedSet = new Set(touched);
  const updates: Record<string, unknown>[] = [];
  for (const { doc, facts: raw } of facts) {
    const visible: EndingFact[] = raw
      .map((f) => ({ row: toEvidence(f.row), from: f.from ?? null, source: f.source ?? null }))
      .filter((f) => !suppressed.has(relationKey(f.row.from, f.row.type, f.row.to)));
    const effect = summarise(doc, visible);
    const changed = !sameEffect(effect, doc.effect);
    if (changed || touchedSet.has(doc.id)) updates.push({ id: doc.id, props: { ...effectProps(effect, doc.ambiguous), updatedAt: at } });
  }
  if (updates.length) await tx.run('UNWIND $us AS u MATCH (d:Document {id: u.id}) SET d += u.props', { us: updates });
}
