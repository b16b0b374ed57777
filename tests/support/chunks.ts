// Loading prepared texts chunk by chunk into a fresh store, and the graph that leaves: for tests
// that the graph does not depend on how texts are split into chunks or in what order they come.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareBatch, type PrepareItem } from '../../graph-loaders/prepare.js';
import { EmbeddedStore } from '../../services/store/embedded/index.js';
import type { Store } from '../../services/store/port.js';
import { comparable } from './fixtures.js';

/** Fresh embedded stores in temporary folders; `remove` deletes every one opened. */
export function embeddedStores(prefix: string): { open: () => Promise<Store>; remove: () => void } {
  const dirs: string[] = [];
  return {
    async open() {
      const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
      dirs.push(dir);
      return EmbeddedStore.open({ dataDir: dir });
    },
    remove: () => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })),
  };
}

export function chunked<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Prepare and apply these texts, `size` to a batch. */
export async function loadInChunks(store: Store, items: readonly PrepareItem[], size: number): Promise<void> {
  for (const chunk of chunked(items, size)) await store.applyBatch(await prepareBatch(chunk, store));
}

/** The graph a fresh store holds after loading these chunks in turn, in a comparable form. */
export async function graphAfter(fresh: () => Promise<Store>, chunks: readonly (readonly PrepareItem[])[]) {
  const store = await fresh();
  for (const chunk of chunks) await store.applyBatch(await prepareBatch(chunk, store));
  const dump = comparable(await store.dump());
  await store.close();
  return dump;
}
