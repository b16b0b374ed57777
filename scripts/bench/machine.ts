// The machine a run happened on, its load while it ran, and the Neo4j server's own footprint.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
}

export function machine(): Machine {
  return { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.type()} ${os.release()}` };
}

/** Load average samples while a run goes: the noise other processes add. */
export class LoadSampler {
  private readonly samples: number[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(everyMs = 5000) {
    this.timer = setInterval(() => this.samples.push(os.loadavg()[0]), everyMs);
    this.timer.unref();
    this.samples.push(os.loadavg()[0]);
  }

  stop(): { min: number; max: number; mean: number } {
    clearInterval(this.timer);
    const s = this.samples;
    return { min: Math.min(...s), max: Math.max(...s), mean: s.reduce((a, b) => a + b, 0) / s.length };
  }
}

/** Resident memory (bytes) of the process in a pid file, if it runs. */
export function rssOfPidFile(pidFile: string): number | null {
  if (!existsSync(pidFile)) return null;
  try {
    const pid = readFileSync(pidFile, 'utf8').trim();
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Bytes under a folder (du), or null. */
export function diskUsage(dir: string): number | null {
  if (!existsSync(dir)) return null;
  try {
    return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split(/\s/)[0]);
  } catch {
    return null;
  }
}

/** HEAD and the uncommitted changes under the folders whose code a run measures. */
export function codeVersion(root: string): { commit: string; changed: string[] } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const changed = execFileSync('git', ['status', '--porcelain', '--', 'services', 'graph-loaders', 'schema'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3));
    return { commit, changed };
  } catch {
    return { commit: 'unknown', changed: [] };
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc; null if unknown. */
export function cpuSecondsOf(pid: number | undefined | null): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (CLK_TCK 100)
  } catch {
    return null;
  }
}

export function pidOfFile(pidFile: string): number | null {
  try {
    return Number(readFileSync(pidFile, 'utf8').trim()) || null;
  } catch {
    return null;
  }
}
