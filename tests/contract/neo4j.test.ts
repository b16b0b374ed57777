import { afterAll } from 'vitest';
import { closeNeo4j, freshNeo4j, neo4jConfig } from '../support/neo4j.js';
import { storeContract } from './store-contract.js';

afterAll(closeNeo4j);

storeContract('neo4j', neo4jConfig() ? { fresh: freshNeo4j } : null);
