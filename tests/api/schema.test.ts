// The schema is a contract: the served schema must equal the committed snapshot. A deliberate change
// updates the snapshot with UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run tests/api/schema.test.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, findBreakingChanges, isEnumType, isInputObjectType, isObjectType, isScalarType, printSchema } from 'graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../services/paths.js';
import { testServer, type TestServer } from '../support/api.js';

const SNAPSHOT = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'schema.snapshot.graphql');
let s: TestServer;
beforeAll(async () => {
  s = await testServer();
});
afterAll(() => s.close());

it('serves exactly the committed schema', () => {
  const served = printSchema(s.app.graphql.schema);
  if (process.env.UPDATE_SCHEMA_SNAPSHOT || !existsSync(SNAPSHOT)) writeFileSync(SNAPSHOT, served);
  const committed = readFileSync(SNAPSHOT, 'utf8');
  const breaking = findBreakingChanges(buildSchema(committed), s.app.graphql.schema).map((c) => `${c.type}: ${c.description}`);
  expect(breaking, 'breaking changes against the committed schema').toEqual([]);
  expect(served, 'the schema changed: update tests/fixtures/schema.snapshot.graphql deliberately').toBe(committed);
});

it('describes every type, field, argument and enum value', () => {
  const missing: string[] = [];
  for (const type of Object.values(s.app.graphql.schema.getTypeMap())) {
    if (type.name.startsWith('__') || (isScalarType(type) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
  }
  expect(missing).toEqual([]);
});
