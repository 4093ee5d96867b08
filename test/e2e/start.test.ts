/**
 * `npm start` as production runs it: plain node on the compiled dist/, from a production install — a copy
 * of package.json, bin/ and dist/ whose node_modules holds only the production dependencies, so neither
 * tsx nor esbuild nor typescript can be loaded. Fail-fast config errors, then a running app that answers
 * and stops cleanly; the bin runs there too.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackToApp } from '../../emulator/deliver.js';
import { FakeSlack } from '../../emulator/server.js';
import { seedWorkspace, USERS } from '../../emulator/workspace.js';
import { binArgs, productionCopy, startArgs, startBuilt } from '../helpers/built.js';
import { ROOT, runProcess } from '../helpers/cli.js';
import { SIGNING_SECRET } from '../helpers/harness.js';

let dir: string;
let app: string;
let fake: FakeSlack;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sd-start-'));
  app = productionCopy(join(dir, 'app'));
  fake = await new FakeSlack().start();
  seedWorkspace(fake);
});
afterAll(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Every module specifier in the JavaScript files under `dir` (static and dynamic imports, new URL(…)),
 * as [file, specifier] with the file's path relative to ROOT. */
const specifiers = (dir: string): [string, string][] =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .flatMap((file) =>
      [
        ...readFileSync(join(ROOT, dir, file), 'utf8').matchAll(
          /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|new URL\(\s*)(['"`])([^'"`]+)\1/g,
        ),
      ].map((m): [string, string] => [join(dir, file), m[2]!]),
    );

describe('the build', () => {
  it('npm start is plain node on dist/, and nothing in dist/ or bin/ loads TypeScript or tsx', () => {
    expect(startArgs().at(-1)).toMatch(/^dist\/.+\.js$/);
    const loaded = [...specifiers('dist'), ...specifiers('bin')];
    expect(loaded.length).toBeGreaterThan(100);
    const typescript = loaded.filter(([, s]) => /^(tsx|esbuild|typescript)(\/|$)|\.[cm]?tsx?$/.test(s));
    expect(typescript).toEqual([]);
    // Every relative module is in dist/ (or bin/): the build emitted all that the app loads at run time.
    const missing = loaded.filter(
      ([file, s]) => s.startsWith('.') && !existsSync(join(ROOT, dirname(file), s)),
    );
    expect(missing).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const tools = ['tsx', 'esbuild', 'typescript', 'vitest', '@biomejs/biome'];
    expect(Object.keys(pkg.dependencies).filter((d) => tools.includes(d))).toEqual([]);
  });

  it('the production copy can load its dependencies but no TypeScript tooling', async () => {
    const probe = `for (const m of ['@slack/bolt', 'better-sqlite3', 'tsx', 'esbuild', 'typescript']) {
      try { require.resolve(m); console.log('found', m); } catch { console.log('missing', m); } }`;
    const run = await runProcess('node', ['-e', probe], {}, { cwd: app });
    expect(run.stdout.trim().split('\n')).toEqual([
      'found @slack/bolt',
      'found better-sqlite3',
      'missing tsx',
      'missing esbuild',
      'missing typescript',
    ]);
  });
});

describe('the bin, from a production install', () => {
  it('prints usage for --help and migrates a new database with the compiled migrations', async () => {
    const help = await runProcess('node', binArgs('--help'), {}, { cwd: app });
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toContain('Usage: supporter-desk <command>');
    const migrate = await runProcess(
      'node',
      binArgs('migrate'),
      { DATABASE_URL: `sqlite:${join(dir, 'm.sqlite')}` },
      {
        cwd: app,
      },
    );
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stderr).toContain('applied: 0001_initial');
  });
});

describe('npm start, from a production install', () => {
  it('exits non-zero at once with one message naming every missing variable', async () => {
    // The real `npm start` (--silent: npm adds no lines of its own), with no settings at all.
    const run = await runProcess('npm', ['start', '--silent'], {}, { cwd: app });
    expect(run.code).not.toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/SLACK_BOT_TOKEN/);
    expect(lines[0]).toMatch(/SLACK_SIGNING_SECRET/);
  });

  it('starts, answers /healthz and a signed /slots help, and stops cleanly on SIGTERM', async () => {
    const started = startBuilt(app, {
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      ADVICE_CHANNEL_ID: 'CADVICE',
      DATABASE_URL: `sqlite:${join(dir, 'start.sqlite')}`,
      PORT: '0',
      SCHEDULER_ENABLED: 'false',
    });
    const { child, output } = started;
    try {
      const { port } = await started.running();
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status, output()).toBe(200);
      const slack = new SlackToApp(fake, `http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET);
      const reply = await slack.ask(USERS.aiko.id, '/slots', 'help');
      expect(reply.text).toContain('/slots add');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await started.exited, output()).toBe(0);
    expect(output()).toContain('stopped cleanly');
  });
});
