// Data written by an older version of the store, brought up to what this one reads. Runs at open,
// after the schema; each step finds its own work, so it costs one index probe when there is none.
import neo4j, { type Session } from 'neo4j-driver';
import { refKeys } from '../keys.js';

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
