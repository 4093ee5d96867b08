/**
 * The measured server children run compiled, with plain `node`, as `npm start` runs the app: no TypeScript
 * loader in their memory or on their CPU. `tsc -p bench/tsconfig.json` — the app's tsconfig.build.json
 * plus the two servers, emit only — writes bench/servers/{app,bare}.ts and everything they import (src/**,
 * db/migrations) into bench/.build (gitignored), incrementally: the same JavaScript as dist/, always built
 * from the sources of this checkout rather than from whatever dist/ was last built from.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Where a built server child's entry point is, for `name` in bench/servers. */
export const builtServer = (name: string): string =>
  fileURLToPath(new URL(`../.build/bench/servers/${name}.js`, import.meta.url));

let built: Promise<void> | undefined;

/** Compiles the server children once per run (incremental: a few seconds when nothing changed). */
export const buildServers = (log: (s: string) => void): Promise<void> => {
  built ??= (async () => {
    const t0 = performance.now();
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    try {
      await promisify(execFile)(process.execPath, [tsc, '-p', `${BENCH_DIR}tsconfig.json`]);
    } catch (err) {
      const out = err as { stdout?: string; stderr?: string };
      throw new Error(`tsc -p bench/tsconfig.json failed:\n${out.stdout ?? ''}${out.stderr ?? ''}`);
    }
    log(`  built the server children (bench/.build) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  })();
  return built;
};
