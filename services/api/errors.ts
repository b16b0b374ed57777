// Every error a client sees carries extensions.code: BAD_USER_INPUT, NOT_FOUND, UNAUTHENTICATED,
// STORE_UNAVAILABLE, QUERY_TIMEOUT (or INTERNAL_SERVER_ERROR, with details kept in the server log).
import mercurius from 'mercurius';

const { ErrorWithProps } = mercurius;

export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'STORE_UNAVAILABLE' | 'QUERY_TIMEOUT' | 'INTERNAL_SERVER_ERROR';

export function apiError(code: ErrorCode, message: string): Error {
  return new ErrorWithProps(message, { code });
}

export const badInput = (message: string) => apiError('BAD_USER_INPUT', message);
export const notFound = (message: string) => apiError('NOT_FOUND', message);
export const unauthenticated = (message: string) => apiError('UNAUTHENTICATED', message);

const KNOWN = new Set<string>(['BAD_USER_INPUT', 'NOT_FOUND', 'UNAUTHENTICATED', 'STORE_UNAVAILABLE', 'QUERY_TIMEOUT']);

/** The code an error thrown anywhere below a resolver maps to. */
export function codeOf(err: unknown): ErrorCode {
  const e = err as { code?: unknown; extensions?: { code?: unknown }; originalError?: unknown };
  const code = e?.extensions?.code ?? e?.code;
  if (typeof code === 'string' && KNOWN.has(code)) return code as ErrorCode;
  if (e?.originalError && e.originalError !== err) return codeOf(e.originalError);
  return 'INTERNAL_SERVER_ERROR';
}
