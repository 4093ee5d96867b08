/** Runs the CLI: in-process (fast, with captured I/O) or as the real `bin` in a child process. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { CliIo } from '../../src/cli/common.js';
import { runCli } from '../../src/cli.js';

export type CliRun = { code: number; stdout: string; stderr: string };

export const runCliInProcess = async (
  argv: string[],
  env: Record<string, string>,
  now = () => new Date(),
): Promise<CliRun> => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), progress: () => {}, env, now };
  const code = await runCli(argv, io);
  return { code, stdout: out.map((l) => `${l}\n`).join(''), stderr: err.map((l) => `${l}\n`).join('') };
};

export const ROOT = resolve(import.meta.dirname, '../..');

/** Spawns a process with only the given env (plus PATH/HOME), collecting output. */
export const runProcess = (
  command: string,
  args: string[],
  env: Record<string, string>,
  opts: { cwd?: string; timeoutMs?: number } = {},
): Promise<CliRun> =>
  new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: opts.cwd ?? ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} timed out; stderr: ${stderr}`));
    }, opts.timeoutMs ?? 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? -1, stdout, stderr });
    });
  });
