// Where a process allocates, dead objects included (what the collector must then clear), from now
// until the returned function writes a summary: bytes by allocating function and its caller, largest first.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SamplingNode[];
}

export async function startAllocationProfile(intervalBytes = 32 * 1024): Promise<(file: string) => Promise<void>> {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', { samplingInterval: intervalBytes, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  return async (file) => {
    const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: SamplingNode } };
    session.disconnect();
    // by function and its caller: builtins (sort, join, Map set) say little on their own
    const self = new Map<string, number>();
    let total = 0;
    const name = (n: SamplingNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-1)[0]}`.trim();
    const walk = (n: SamplingNode, caller: string) => {
      const where = `${name(n)} < ${caller}`;
      self.set(where, (self.get(where) ?? 0) + n.selfSize);
      total += n.selfSize;
      for (const c of n.children) walk(c, name(n));
    };
    walk(profile.head, '');
    const lines = [...self].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${((v / total) * 100).toFixed(1).padStart(5)}%  ${(v / 1e6).toFixed(0).padStart(7)} MB  ${k}`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${(total / 1e9).toFixed(2)} GB allocated (sampled)\n${lines.join('\n')}\n`);
  };
}
