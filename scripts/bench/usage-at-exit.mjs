// Preloaded (node --import) into a command that load-files.ts runs: prints the process's wall
// time, CPU time (every thread: the extraction worker too) and peak RSS when it exits.
import { writeSync } from 'node:fs';

const started = performance.now();
process.on('exit', () => {
  const u = process.resourceUsage();
  const usage = { wall: (performance.now() - started) / 1000, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, maxRssMb: u.maxRSS / 1024 };
  writeSync(2, `usage ${JSON.stringify(usage)}\n`);
});
