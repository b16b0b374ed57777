// OCR of page images with the Tesseract command line and its Vietnamese data. Optional: when
// it is missing, say so and how to install it. TESSERACT_CMD names another binary.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { limiter } from './limit.js';

export const INSTALL_HINT = 'Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-vie';
const PAGE_TIMEOUT_MS = 180_000;
/** One Tesseract per core: more only queue for the CPU. */
const pages = limiter(availableParallelism());

export function tesseractCommand(): string {
  return process.env.TESSERACT_CMD || 'tesseract';
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Set when the command could not be started at all. */
  spawnError?: NodeJS.ErrnoException;
}

function run(cmd: string, args: string[], input: Uint8Array | null, timeoutMs: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.stdin.on('error', () => {}); // the child may exit before reading all of the image
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ code: null, stdout: '', stderr: '', spawnError: e });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.end(input ?? undefined);
  });
}

let checked: Promise<string | null> | null = null;
let checkedFor = '';

/** Null when Tesseract with Vietnamese can run here, else why not. */
export function ocrUnavailable(): Promise<string | null> {
  const cmd = tesseractCommand();
  if (!checked || checkedFor !== cmd) {
    checkedFor = cmd;
    checked = run(cmd, ['--list-langs'], null, 20_000).then((r) => {
      if (r.spawnError) return `Tesseract OCR is not installed (${r.spawnError.code === 'ENOENT' ? `no "${cmd}" command` : r.spawnError.message}; ${INSTALL_HINT})`;
      const langs = `${r.stdout}\n${r.stderr}`.split('\n').map((l) => l.trim());
      if (r.code !== 0) return `Tesseract OCR does not run ("${cmd} --list-langs" exited with ${r.code})`;
      if (!langs.includes('vie')) return `Tesseract OCR has no Vietnamese language data (${INSTALL_HINT})`;
      return null;
    });
  }
  return checked;
}

/** One page image (PNG) → its text. */
export async function ocrImage(png: Uint8Array): Promise<string> {
  const r = await pages(() => run(tesseractCommand(), ['stdin', 'stdout', '-l', 'vie', '--dpi', '300', '--psm', '3'], png, PAGE_TIMEOUT_MS));
  if (r.spawnError) throw new Error(`Tesseract could not start: ${r.spawnError.message}`);
  if (r.code !== 0) throw new Error(`Tesseract failed (exit ${r.code ?? 'killed: took too long'}): ${r.stderr.trim().split('\n').at(-1) ?? ''}`);
  return r.stdout;
}
