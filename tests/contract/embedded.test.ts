import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import { storeContract } from './store-contract.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

storeContract('embedded', {
  async fresh() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cg-contract-'));
    dirs.push(dir);
    return EmbeddedStore.open({ dataDir: dir });
  },
});
