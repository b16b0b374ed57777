// The explorer is plain JavaScript served as it is; its JSDoc types are still checked, with the DOM lib.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../services/paths.js';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

describe('explorer modules', () => {
  it('type-check (tsc --checkJs, strict)', () => {
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', path.join(PROJECT_ROOT, 'tests', 'browser', 'tsconfig.explorer.json')], { encoding: 'utf8' });
    } catch (err) {
      output = String((err as { stdout?: string }).stdout ?? err);
    }
    expect(output).toBe('');
  }, 60_000);
});
