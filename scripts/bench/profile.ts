// Summarise a V8 CPU profile: self time by function (with its file), largest first.
//   npx tsx scripts/bench/profile.ts bench-out/profiles/100000-neo4j-ours-document.cpuprofile [top] [--by-file]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Self time by function, or by source file when byFile is set. */
export function selfTimes(file: string, top = 20, byFile = false): { name: string; ms: number; share: number }[] {
  const p = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const where = n.callFrame.url ? n.callFrame.url.replace(/^.*\/(node_modules\/)?/, (m) => (m.includes('node_modules') ? 'node_modules/' : '')).split('/').slice(-2).join('/') : '';
    const key = byFile ? where || `(${n.callFrame.functionName || 'native'})` : `${n.callFrame.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + p.timeDeltas[i]);
    total += p.timeDeltas[i];
  });
  return [...self]
    .map(([name, us]) => ({ name, ms: us / 1000, share: us / Math.max(total, 1) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const byFile = process.argv.includes('--by-file');
  const args = process.argv.slice(2).filter((a) => a !== '--by-file');
  for (const r of selfTimes(args[0], Number(args[1] ?? 25), byFile)) console.log(`${(r.share * 100).toFixed(1).padStart(5)}%  ${r.ms.toFixed(0).padStart(7)} ms  ${r.name}`);
}
