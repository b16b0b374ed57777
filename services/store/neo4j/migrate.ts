// Data written by an older version of the store, brought up to what this one reads. Runs at open,
// after the schema. Each step runs once per database: a (:Migration {name}) node records it, so a
// later start costs one look-up, not a scan of the evidence.
import neo4j, { type Session } from 'neo4j-driver';
import { refKeys } from '../keys.js';
import type { ReadFields } from '../port.js';
import { documentReader, effectProps, TIMELINE_PROPERTY, type Projected } from './mapping.js';

const STEPS: { name: string; run: (session: Session) => Promise<unknown> }[] = [
  { name: 'local-ref-keys', run: (s) => addLocalRefKeys(s) },
  { name: 'effect-timeline', run: (s) => addEffectTimeline(s) },
];

/** Run the steps this database has not had yet. */
export async function migrate(session: Session): Promise<void> {
  for (const step of STEPS) {
    const done = await session.run('MATCH (m:Migration {name: $name}) RETURN m LIMIT 1', { name: step.name });
    if (done.records.length) continue;
    await step.run(session);
    await session.run('MERGE (m:Migration {name: $name}) SET m.at = datetime()', { name: step.name });
  }
}

/**
 * Undated references stored before they were also filed by locality (keys.ts, refKeys): without
 * toRefLocal/fromRefLocal, re-resolution by locality would never find them.
 */
export async function addLocalRefKeys(session: Session, pageSize = 5000): Promise<number> {
  let done = 0;
  for (;;) {
    const result = await session.run(
      `MATCH (e:Evidence) WHERE (e.toRefKey IS NOT NULL AND e.toRefLocal IS NULL) OR (e.fromRefKey IS NOT NULL AND e.fromRefLocal IS NULL)
       RETURN e.key AS key, e.toRef AS toRef, e.fromRef AS fromRef, e.toRefKey IS NOT NULL AS to, e.fromRefKey IS NOT NULL AS from LIMIT $n`,
      { n: neo4j.int(pageSize) },
    );
    if (!result.records.length) return done;
    const rows = result.records.map((r) => {
      const to = r.get('to') ? refKeys(r.get('toRef') as string | null) : null;
      const from = r.get('from') ? refKeys(r.get('fromRef') as string | null) : null;
      // a row whose reference cannot be read gets the bare key, so it is not picked up again
      return { key: r.get('key') as string, toLocal: to?.local ?? (r.get('to') ? '' : null), fromLocal: from?.local ?? (r.get('from') ? '' : null) };
    });
    await session.run('UNWIND $rows AS r MATCH (e:Evidence {key: r.key}) SET e.toRefLocal = r.toLocal, e.fromRefLocal = r.fromLocal', { rows });
    done += rows.length;
  }
}

const EFFECT: ReadFields = { document: ['effect', 'ambiguous'], evidence: null };

/**
 * Documents written before the effect timeline (filter.ts filters and counts on it) get it from
 * their summaries, a page at a time in id order; the index on the summary that it replaces goes.
 */
export async function addEffectTimeline(session: Session, pageSize = 5000): Promise<number> {
  const doc = documentReader(EFFECT);
  const lacking = `d.${TIMELINE_PROPERTY.issued} IS NULL AND NOT coalesce(d.ambiguous, false)`;
  // a database written with the timeline (say, by the offline import) has nothing to add: one scan, no pages
  const any = await session.run(`MATCH (d:Document) WHERE ${lacking} RETURN d.id LIMIT 1`);
  let after = '';
  let done = 0;
  while (any.records.length) {
    const result = await session.run(
      `MATCH (d:Document) WHERE d.id > $after WITH d ORDER BY d.id LIMIT $n
       RETURN d.id AS id, ${lacking} AS lacking, ${doc.cypher('d')} AS doc`,
      { after, n: neo4j.int(pageSize) },
    );
    if (!result.records.length) break;
    after = result.records.at(-1)!.get('id') as string;
    const rows = result.records
      .filter((r) => r.get('lacking'))
      .map((r) => {
        const d = doc.read(r.get('doc') as Projected);
        return { id: d.id, props: effectProps(d.effect, d.ambiguous) };
      });
    if (rows.length) await session.run('UNWIND $rows AS r MATCH (d:Document {id: r.id}) SET d += r.props', { rows });
    done += rows.length;
  }
  await session.run('DROP INDEX document_effect IF EXISTS');
  return done;
}
