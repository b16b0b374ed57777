// Opaque, stable page cursors: the sort key of the last item on the page.
export interface CursorKey {
  id: string;
  /** Relevance, when the page is ordered by a text query. */
  score?: number;
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key.score === undefined ? [key.id] : [key.id, key.score])).toString('base64url');
}

export class BadCursorError extends Error {
  readonly code = 'BAD_USER_INPUT';
}

export function decodeCursor(cursor: string): CursorKey {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && typeof parsed[0] === 'string' && (parsed.length === 1 || typeof parsed[1] === 'number')) {
      return parsed.length === 1 ? { id: parsed[0] } : { id: parsed[0], score: parsed[1] as number };
    }
  } catch {
    // fall through
  }
  throw new BadCursorError(`not a cursor this API issued: ${cursor.slice(0, 40)}`);
}

/** After `cursor` in the order (score desc, id asc), or (id asc) without scores. */
export function isAfter(item: CursorKey, cursor: CursorKey): boolean {
  if (cursor.score !== undefined && item.score !== undefined && item.score !== cursor.score) return item.score < cursor.score;
  return item.id > cursor.id;
}
