// Open an embedded store folder as a restarted server would, timed, with memory over the empty process.
import { EmbeddedStore } from '../../services/store/embedded/index.js';

/** Full collections (when run with --expose-gc), so that memory figures hold live data only. */
export function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) for (let i = 0; i < 3; i++) g();
}

export function memoryOf(rssEmpty: number) {
  const mem = process.memoryUsage();
  return { rssEmpty, rss: mem.rss, heapUsed: mem.heapUsed, external: mem.external, arrayBuffers: mem.arrayBuffers };
}

export async function openMeasured(dataDir: string): Promise<{ store: EmbeddedStore; seconds: number; memory: ReturnType<typeof memoryOf> }> {
  gc();
  const rssEmpty = process.memoryUsage().rss;
  const started = performance.now();
  const store = await EmbeddedStore.open({ dataDir });
  const seconds = (performance.now() - started) / 1000;
  gc();
  return { store, seconds, memory: memoryOf(rssEmpty) };
}
