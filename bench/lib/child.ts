/** Starts a bench server child (`node --import tsx bench/servers/<name>.ts`) with its own environment. */
import { fork } from 'node:child_process';
import { openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { asServerChild, type ServerChild } from '../servers/protocol.js';

export const startServerChild = (
  name: 'app' | 'bare',
  env: Record<string, string>,
  /** Where the child's stdout (the app's JSON log) goes; discarded by default. */
  logFile?: string,
): Promise<ServerChild> => {
  const script = fileURLToPath(new URL(`../servers/${name}.ts`, import.meta.url));
  const child = fork(script, [], {
    execArgv: [
      '--import',
      'tsx',
      '--expose-gc',
      ...(process.env.BENCH_CHILD_ARGS ?? '').split(' ').filter(Boolean),
    ],
    env: { ...process.env, ...env },
    // stderr stays visible for crashes.
    stdio: ['ignore', logFile ? openSync(logFile, 'a') : 'ignore', 'inherit', 'ipc'],
  });
  return asServerChild(child);
};
