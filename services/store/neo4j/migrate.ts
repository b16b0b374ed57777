// Data written by an older version of the store, brought up to what this one reads. Runs at open,
// after the schema. Each step runs once per database: a (:Migration {name}) node records it, so a
// later start costs one look-up, not a scan of the evidence.
import neo4j, { type Session } from 'neo4j-driver';
import { refKeys } from '../keys.js';

const STEPS: { name: string; run: (session: Session) => Promise<unknown> }[] = [{ name: 'local-ref-keys', run: (s) => addLocalRefKeys(s) }];

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
