// What a client sees when the store fails: a Neo4j transaction timeout is QUERY_TIMEOUT with advice,
// an unreachable Neo4j STORE_UNAVAILABLE, anything else INTERNAL_SERVER_ERROR (details in the log).
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { codeOf } from '../../services/api/errors.js';
import { translate } from '../../services/store/neo4j/session.js';

const URI = 'bolt://127.0.0.1:7687';
const neo4jError = (message: string, code: string) => new neo4j.Neo4jError(message, code, '50N42', 'error: general processing exception - unexpected error');

describe('store errors as API codes', () => {
  it('a transaction that ran past its time limit is QUERY_TIMEOUT, with what to do', () => {
    // the error neo4j-driver raises when the server ends a transaction at its configured timeout
    const err = neo4jError('The transaction has been terminated. Retry your operation in a new transaction', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration');
    const mapped = translate(err, URI) as Error;
    expect(codeOf(mapped)).toBe('QUERY_TIMEOUT');
    expect(mapped.message).toMatch(/time limit.*narrow it.*retry/);
  });

  it('an unreachable server is STORE_UNAVAILABLE, another failure stays internal', () => {
    expect(codeOf(translate(neo4jError('Could not perform discovery', neo4j.error.SERVICE_UNAVAILABLE), URI))).toBe('STORE_UNAVAILABLE');
    expect(codeOf(translate(neo4jError('Invalid input', 'Neo.ClientError.Statement.SyntaxError'), URI))).toBe('INTERNAL_SERVER_ERROR');
  });
});
