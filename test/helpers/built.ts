/**
 * The compiled app, run the way production runs it: `npm start`'s command line (read from package.json)
 * and the package bin, both plain node on dist/. Tests that spawn the app or the CLI go through these,
 * which first make sure dist/ was built from the source as it is now (`npm test` builds before vitest
 * runs): a stale dist/ would test old code and pass or fail for the wrong reason.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './cli.js';

type PackageJson = { scripts: Record<string, string>; bin: Record<string, string> };
type PackageLock = { packages: Record<string, { dev?: boolean }> };

const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as T;

const BUILD_INPUTS = ['src', 'db', 'tsconfig.json', 'tsconfig.build.json'];
const BUILD_STAMP = join(ROOT, 'dist/src/main.js');

/** Newest modification time under `path`, directories included (a deleted file changes its folder's). */
const newestMtime = (path: string): number => {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    stat.mtimeMs,
  );
};

let checked = false;
/** Throws unless dist/ exists and is newer than every file it is built from. */
export const ensureBuilt = (): void => {
  if (checked) return;
  if (!existsSync(BUILD_STAMP)) {
    throw new Error('dist/ is not built: run `npm run build` first (`npm test` does)');
  }
  const built = statSync(BUILD_STAMP).mtimeMs;
  const stale = BUILD_INPUTS.filter((input) => newestMtime(join(ROOT, input)) > built);
  if (stale.length) {
    throw new Error(
      `dist/ is older than ${stale.join(', ')}: run \`npm run build\` first (\`npm test\` does)`,
    );
  }
  checked = true;
};

/** Loader flags that would mean the app is not running as plain compiled JavaScript. */
const LOADER_FLAG = /^(--import|--loader|--experimental-loader|--require|-r|--experimental-strip-types)\b/;

/** `npm start`'s arguments to node, e.g. ['--enable-source-maps', 'dist/src/main.js']. */
export const startArgs = (): string[] => {
  ensureBuilt();
  const [command, ...args] = readJson<PackageJson>('package.json').scripts.start!.trim().split(/\s+/);
  if (command !== 'node' || args.some((a) => LOADER_FLAG.test(a))) {
    throw new Error(`npm start is not plain node: ${[command, ...args].join(' ')}`);
  }
  return args;
};

/** `node` arguments that run the package bin (`npx supporter-desk …`) with `args`. */
export const binArgs = (...args: string[]): string[] => {
  ensureBuilt();
  return [readJson<PackageJson>('package.json').bin['supporter-desk']!, ...args];
};

/** The packages `npm ci --omit=dev` installs at the top of node_modules (per package-lock.json). */
export const productionPackages = (): string[] =>
  Object.entries(readJson<PackageLock>('package-lock.json').packages)
    .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev)
    .map(([path]) => path.slice('node_modules/'.length))
    .filter((name) => !name.includes('/node_modules/') && existsSync(join(ROOT, 'node_modules', name)));

/**
 * What a production install holds, in `dir`: package.json, bin/ and a copy of dist/ (no src/, no
 * TypeScript), and a node_modules with only the production packages (links to this checkout's). tsx,
 * esbuild and typescript cannot be resolved from there, so anything in dist/ or bin/ that still needed
 * them fails.
 */
export const productionCopy = (dir: string): string => {
  ensureBuilt();
  mkdirSync(dir, { recursive: true });
  for (const entry of ['package.json', 'bin', 'dist']) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  for (const name of productionPackages()) {
    const link = join(dir, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', name), link, 'dir');
  }
  return dir;
};

/** The compiled app started as `npm start` starts it, with its output collected. */
export type RunningApp = {
  child: ChildProcess;
  /** stdout and stderr so far, interleaved as they came. */
  output: () => string;
  /** The exit code once it has exited. */
  exited: Promise<number | null>;
  /** The port and mode its "Supporter Desk is running" log line names (PORT=0 binds any free port). */
  running: (timeoutMs?: number) => Promise<{ port: number; mode: string }>;
};

export const startBuilt = (cwd: string, env: Record<string, string>): RunningApp => {
  const child = spawn('node', startArgs(), {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (d: Buffer) => {
    output += d;
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const runningLine = () =>
    output
      .split('\n')
      .filter((l) => l.includes('Supporter Desk is running'))
      .map((l) => JSON.parse(l) as { port: number; mode: string })[0];
  const running = async (timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = runningLine();
      if (line) return line;
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`the app did not start (exit ${child.exitCode}):\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, output: () => output, exited, running };
};
