// Fork a benchmark worker (worker.ts under tsx, with --expose-gc) and talk to it over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFlags } from './load-flags.js';
import type { WorkerTask } from './worker.js';

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker.ts');

export interface WorkerHandle {
  child: ChildProcess;
  /** The first message of this type (ready, result ...); rejects if the worker fails or exits first. */
  next<T>(type: string): Promise<T>;
  /** Send a message and wait for the answer of the same type. */
  ask<T>(msg: { type: string; [k: string]: unknown }): Promise<T>;
  stop(): Promise<void>;
}

export function startWorker(task: WorkerTask, opts: { heapMb: number; log: (s: string) => void }): WorkerHandle {
  const execArgv = ['--import', 'tsx', '--expose-gc', `--max-old-space-size=${opts.heapMb}`];
  // a load gets the flags `npm run load` gives the loader (package.json)
  if (task.task === 'store') execArgv.push(...loadFlags());
  const child = fork(WORKER, [JSON.stringify(task)], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<string, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const early = new Map<string, unknown>();
  let failure: Error | null = null;
  const fail = (err: Error) => {
    failure = err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  child.on('message', (m: { type: string; text?: string; message?: string }) => {
    if (m.type === 'progress') opts.log(m.text ?? '');
    else if (m.type === 'error') fail(new Error(`worker ${task.task} failed: ${m.message}`));
    else {
      const w = waiting.get(m.type);
      if (w) {
        waiting.delete(m.type);
        w.resolve(m);
      } else early.set(m.type, m);
    }
  });
  child.on('error', (err) => fail(err));
  child.on('exit', (code, signal) => {
    if (waiting.size) fail(new Error(`worker ${task.task} exited (code ${code}, signal ${signal}) before answering`));
  });
  return {
    child,
    next<T>(type: string): Promise<T> {
      if (early.has(type)) {
        const m = early.get(type) as T;
        early.delete(type);
        return Promise.resolve(m);
      }
      if (failure) return Promise.reject(failure);
      return new Promise<T>((resolve, reject) => waiting.set(type, { resolve: resolve as (v: unknown) => void, reject }));
    },
    ask<T>(msg: { type: string; [k: string]: unknown }): Promise<T> {
      const answer = this.next<T>(msg.type);
      child.send(msg);
      return answer;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      if (child.connected) child.send({ type: 'stop' }, () => {});
      else child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
