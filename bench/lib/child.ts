/**
 * Starts a measured server child — `node --enable-source-maps --expose-gc
 * bench/.build/bench/servers/<name>.js`, compiled by ./build.ts with the app's own build settings, run as
 * `npm start` runs dist/src/main.js, no TypeScript loader — with its own environment.
 */
import { fork } from 'node:child_process';
import { openSync } from 'node:fs';
import { asServerChild, type ServerChild } from '../servers/protocol.js';
import { builtServer } from './build.js';

export const startServerChild = (
  name: 'app' | 'bare',
  env: Record<string, string>,
  /** Where the child's stdout (the app's JSON log) goes; discarded by default. */
  logFile?: string,
): Promise<ServerChild> => {
  const child = fork(builtServer(name), [], {
    // Not the runner's own flags (tsx's loader): `npm start`'s (--enable-source-maps) and the bench's.
    execArgv: [
      '--enable-source-maps',
      '--expose-gc',
      ...(process.env.BENCH_CHILD_ARGS ?? '').split(' ').filter(Boolean),
    ],
    env: { ...process.env, ...env },
    // stderr stays visible for crashes.
    stdio: ['ignore', logFile ? openSync(logFile, 'a') : 'ignore', 'inherit', 'ipc'],
  });
  return asServerChild(child);
};
