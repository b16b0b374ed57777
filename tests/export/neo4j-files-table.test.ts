// One import file (neo4j-files.ts, Table): what it writes for each kind of value, and the rows it
// refuses, each with the file and the column in the message. No Neo4j needed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARRAY_DELIMITER, Table } from '../../services/export/neo4j-files.js';
import { tempDirs } from '../support/tmp.js';

const newDir = tempDirs('cg-table');
const table = () => {
  const file = path.join(newDir(), 'evidence.csv');
  return new Table(file, (column, type) => `${column}:${type}`, 'Evidence');
};

describe('an import file', () => {
  it('writes strings quoted, nulls empty, numbers and booleans bare, lists joined, and a typed header', async () => {
    const t = table();
    await t.write([
      { key: 'a', quote: 'say "thay thế"', start: 3, curated: false, candidates: ['x', 'y'] },
      { key: 'b', quote: '', start: null, curated: true, candidates: [] },
    ]);
    const header = await t.close();
    expect(readFileSync(header!, 'utf8')).toBe(':LABEL,key:string,quote:string,start:double,curated:boolean,candidates:string[]\n');
    expect(readFileSync(t.file, 'utf8')).toBe(`Evidence,"a","say ""thay thế""",3,false,"x${ARRAY_DELIMITER}y"\nEvidence,"b","",,true,\n`);
    expect(t.emptyLists()).toEqual(['candidates']);
  });

  it('writes a row that lacks a column with that column null', async () => {
    const t = table();
    await t.write([{ key: 'a', kind: 'thay thế' }, { key: 'b' }]);
    await t.close();
    expect(readFileSync(t.file, 'utf8')).toBe('Evidence,"a","thay thế"\nEvidence,"b",\n');
  });

  it('refuses a key the first row had not, also in place of one it had', async () => {
    await expect(table().write([{ key: 'a' }, { key: 'b', extra: 1 }])).rejects.toThrow(/evidence\.csv: property extra appeared after the first row/);
    await expect(table().write([{ key: 'a', kind: 'x' }, { key: 'b', other: 'y' }])).rejects.toThrow(/property other appeared after the first row/);
  });

  it('refuses a column holding two types, and a list empty on some rows and null on others', async () => {
    await expect(table().write([{ key: 'a', start: 1 }, { key: 'b', start: '1' }])).rejects.toThrow(/evidence\.csv: start holds both double and string values/);
    const t = table();
    await t.write([{ key: 'a', candidates: [] }, { key: 'b', candidates: null }]);
    expect(() => t.emptyLists()).toThrow(/candidates is an empty list on some rows and null on others/);
    await t.close();
  });
});
