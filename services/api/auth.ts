// Writes need "Authorization: Bearer <token>"; reads are public. Tokens compare in constant time.
import { timingSafeEqual } from 'node:crypto';
import { unauthenticated } from './errors.js';

export function authorFor(header: string | undefined, tokens: Map<string, string>): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) return null;
  const given = Buffer.from(m[1]);
  for (const [token, name] of tokens) {
    const want = Buffer.from(token);
    if (want.length === given.length && timingSafeEqual(want, given)) return name;
  }
  return null;
}

/** The author of a write, or an UNAUTHENTICATED error that says why not. */
export function requireWriter(author: string | null, tokens: Map<string, string>): string {
  if (tokens.size === 0) throw unauthenticated('mutations are disabled: the server has no write token configured (API_TOKENS)');
  if (!author) throw unauthenticated('this mutation needs a valid token: send Authorization: Bearer <token>');
  return author;
}
