/**
 * The sandbox: one FakeSlack (the same one the e2e tests use) on SANDBOX_PORT serving the web UI and its
 * /sandbox/api/* routes (Slack's Web API owns /api/*), and the real app on a free loopback port with its
 * own SQLite file; the two talk over signed HTTP exactly as Slack and the app do.
 */
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { FakeSlack } from '../emulator/server.js';
import { type RunningApp, startApp } from './app-host.js';
import { type Assets, buildAssets } from './bundle.js';
import { SandboxClock } from './clock.js';
import { EphemeralResponses } from './ephemeral-responses.js';
import { removeRunningNote, type SandboxFiles, sandboxFiles, writeRunningNote } from './files.js';
import { Interactions } from './interactions.js';
import { JobRunner } from './jobs.js';
import { ModalStacks } from './modals.js';
import { createRoutes } from './routes.js';
import { seed } from './seed.js';
import type { SeedStatus, Snapshot } from './shared/types.js';
import { buildSnapshot } from './snapshot.js';
import { EventStream } from './sse.js';
import { emptyExtras, loadState, removeFiles, saveState, throttle } from './store.js';
import { WorkflowSteps } from './workflowSteps.js';
import { setUpWorkspace } from './workspace.js';

export type SandboxOptions = {
  /** Port of the web UI and the Slack emulator (0 picks a free one). Default 3000. */
  port?: number;
  host?: string;
  /** Where sandbox.sqlite, sandbox-slack.json and sandbox.log live. Default ./data. */
  dataDir?: string;
  /** Delete the database and the workspace first. */
  reset?: boolean;
  /** Seed demo data when the database is new (default true). */
  seed?: boolean;
  /** Where the app's JSON log goes (default <dataDir>/sandbox.log). */
  log?: NodeJS.WritableStream;
  /** Extra app environment (e.g. MONTHLY_SLOT_QUOTA). */
  env?: Record<string, string | undefined>;
};

export type Sandbox = {
  url: string;
  port: number;
  fake: FakeSlack;
  app: () => RunningApp;
  clock: SandboxClock;
  files: SandboxFiles;
  /** Resolves when the current seed (if any) is done. */
  seeded: () => Promise<SeedStatus>;
  snapshot: () => Snapshot;
  reset: () => Promise<void>;
  stop: () => Promise<void>;
};

export const startSandbox = async (opts: SandboxOptions = {}): Promise<Sandbox> => {
  const files = sandboxFiles(opts.dataDir);
  mkdirSync(files.dir, { recursive: true });
  const dbFiles = [files.db, `${files.db}-wal`, `${files.db}-shm`];
  if (opts.reset) removeFiles(...dbFiles, files.state);
  const fresh = !existsSync(files.db);
  const log = opts.log ?? createWriteStream(files.log, { flags: 'a' });

  const clock = new SandboxClock();
  const fake = new FakeSlack({
    port: opts.port ?? 3000,
    host: opts.host ?? '127.0.0.1',
    clock: () => clock.now().getTime(),
  });
  setUpWorkspace(fake);
  const extras = (!fresh && loadState(files.state, fake.state)) || emptyExtras();
  clock.offsetMs = extras.clockOffsetMs;

  let assets: Assets | Error;
  try {
    assets = await buildAssets();
  } catch (err) {
    assets = err instanceof Error ? err : new Error(String(err));
  }
  try {
    await fake.start();
  } catch (err) {
    if ((err as { code?: string }).code === 'EADDRINUSE') {
      throw new Error(`port ${opts.port ?? 3000} is in use: stop what uses it or set SANDBOX_PORT`);
    }
    throw err;
  }
  const launch = () =>
    startApp({ fake, dbFile: files.db, clock: () => clock.now(), log, appPort: 0, env: opts.env });
  let app: RunningApp;
  try {
    app = await launch();
  } catch (err) {
    await fake.stop();
    throw err;
  }
  const modals = new ModalStacks(fake, extras.modalStacks);
  const responses = new EphemeralResponses(fake);
  const interactions = new Interactions(fake, () => app, modals, responses);
  const jobs = new JobRunner();
  await jobs.refresh();
  const seedStatus: SeedStatus = { state: 'idle', ok: 0, failed: 0, log: [] };

  let version = 1;
  const sse = new EventStream();
  const save = throttle(() => {
    extras.clockOffsetMs = clock.offsetMs;
    saveState(files.state, fake.state, extras);
  }, 300);
  let announced = 0;
  const announce = throttle(() => {
    if (version === announced) return;
    announced = version;
    sse.send('change', { version });
  }, 30);
  const notify = () => {
    version += 1;
    announce();
    save();
  };
  fake.on('change', notify);

  let seeding: Promise<SeedStatus> = Promise.resolve(seedStatus);
  let stopping = false;
  let cancelSeed = false;
  const runSeed = () => {
    const cancelled = () => stopping || cancelSeed;
    seeding = seed({ fake, app: () => app, interactions, clock, status: seedStatus, notify, cancelled });
    seeding.catch(() => undefined);
  };

  const snapshot = () =>
    buildSnapshot({
      version,
      state: fake.state,
      extras,
      modals,
      clock,
      timezone: app.config.timezone,
      jobs: jobs.list(),
      jobsReady: jobs.ready,
      seed: seedStatus,
    });

  let resetting: Promise<void> | undefined;
  const reset = () => {
    resetting ??= (async () => {
      cancelSeed = true;
      await seeding.catch(() => undefined);
      cancelSeed = false;
      await app.stop();
      removeFiles(...dbFiles, files.state);
      fake.state.reset();
      fake.calls.length = 0;
      Object.assign(extras, emptyExtras());
      for (const user of Object.keys(modals.stacks)) delete modals.stacks[user];
      clock.set(null);
      Object.assign(seedStatus, { state: 'idle', ok: 0, failed: 0, log: [] });
      app = await launch();
      notify();
      if (opts.seed !== false) runSeed();
    })().finally(() => {
      resetting = undefined;
    });
    return resetting;
  };

  fake.extraRoute = createRoutes({
    assets,
    app: () => app,
    clock,
    interactions,
    steps: new WorkflowSteps(fake, () => app),
    responses,
    jobs,
    sse,
    snapshot,
    version: () => version,
    notify,
    reset,
  });

  if (fresh && opts.seed !== false) runSeed();
  const port = Number(new URL(fake.baseUrl).port);
  writeRunningNote(files, {
    pid: process.pid,
    url: fake.baseUrl,
    apiUrl: fake.apiUrl,
    botToken: fake.botToken,
  });
  return {
    url: `http://localhost:${port}`,
    port,
    fake,
    app: () => app,
    clock,
    files,
    seeded: () => seeding,
    snapshot,
    reset,
    stop: async () => {
      stopping = true;
      removeRunningNote(files);
      await seeding.catch(() => undefined);
      sse.close();
      save.flush();
      await app.stop();
      await fake.stop();
      if (!opts.log) await new Promise<void>((r) => (log as NodeJS.WritableStream).end(r));
    },
  };
};
