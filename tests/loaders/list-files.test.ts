// Which files a load reads: every file under the given folders, hidden entries left out, symbolic
// links followed, each file once, sorted; a path given that does not exist is reported.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../graph-loaders/read.js';
import { tempDirs } from '../support/tmp.js';

const tmp = tempDirs('list-files');

describe('listFiles', () => {
  it('walks folders by their entries, follows links, skips hidden and broken ones', async () => {
    const root = tmp();
    const at = (...p: string[]) => path.join(root, ...p);
    for (const d of ['a/b', 'a/.hidden', 'c', 'elsewhere']) mkdirSync(at(d), { recursive: true });
    for (const f of ['a/2.txt', 'a/10.txt', 'a/b/1.txt', 'a/.hidden/x.txt', 'a/.dot.txt', 'c/z.txt', 'elsewhere/linked.txt']) writeFileSync(at(f), f);
    symlinkSync(at('elsewhere'), at('c/folder-link'));
    symlinkSync(at('a/2.txt'), at('c/file-link.txt'));
    symlinkSync(at('nowhere'), at('c/broken-link.txt'));
    const { files, missing } = await listFiles([at('a'), at('c'), at('a/b/1.txt'), at('gone')]);
    expect(files).toEqual(['a/10.txt', 'a/2.txt', 'a/b/1.txt', 'c/file-link.txt', 'c/folder-link/linked.txt', 'c/z.txt'].map((f) => at(f)));
    expect(missing).toEqual([at('gone')]);
  });
});
