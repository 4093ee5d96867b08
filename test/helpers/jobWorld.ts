/**
 * What job tests run against: a real temp SQLite file (migrated), the fake Slack on loopback with the
 * seeded workspace, the real job WebClient (createJobClient) and JobDeps built from them. `connect()`
 * opens another connection to the same file (a second process, as far as the database can tell).
 * Sleeps are recorded; they are instant unless `realSleep` is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeSlack, type FakeSlackOptions } from '../../emulator/server.js';
import { seedWorkspace } from '../../emulator/workspace.js';
import { createBusyCalendar } from '../../src/calendar/busyCalendar.js';
import { type Config, loadConfig } from '../../src/config.js';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createJobClient } from '../../src/delivery/client.js';
import { deliverAll, deliveryOptions, type Outgoing } from '../../src/delivery/deliver.js';
import type { JobDeps } from '../../src/deps.js';
import type { Job, JobOptions, JobReport } from '../../src/jobs/types.js';
import { createLogger } from '../../src/logger.js';
import { type Harness, testEnv } from './harness.js';

/**
 * JobDeps on a running app harness: its config and database, the real job client, the real busy-calendar
 * reader (as the scheduler has), instant sleeps.
 */
export const jobDepsFor = (h: Harness): JobDeps => ({
  config: h.config,
  db: h.database.db,
  logger: createLogger('silent'),
  slack: createJobClient(h.config),
  busy: createBusyCalendar(),
  sleep: async () => {},
});

export type JobWorld = {
  fake: FakeSlack;
  config: Config;
  database: DatabaseHandle;
  deps: JobDeps;
  /** Every sleep asked for, in ms. */
  sleeps: number[];
  connect: () => Promise<{ database: DatabaseHandle; deps: JobDeps }>;
  stop: () => Promise<void>;
};

export const startJobWorld = async (
  opts: { env?: Record<string, string>; realSleep?: boolean; fake?: FakeSlackOptions } = {},
): Promise<JobWorld> => {
  const dir = mkdtempSync(join(tmpdir(), 'sd-jobs-'));
  const fake = await new FakeSlack(opts.fake).start();
  seedWorkspace(fake);
  const config = loadConfig(testEnv(fake, join(dir, 'jobs.sqlite'), opts.env));
  const sleeps: number[] = [];
  const sleep = (ms: number) => {
    sleeps.push(ms);
    return opts.realSleep ? new Promise<void>((r) => setTimeout(r, ms)) : Promise.resolve();
  };
  const logger = createLogger('silent');
  const handles: DatabaseHandle[] = [];
  const open = () => {
    const database = openDatabase(config.databaseUrl);
    handles.push(database);
    const deps: JobDeps = { config, db: database.db, logger, slack: createJobClient(config), sleep };
    return { database, deps };
  };
  const first = open();
  await migrateToLatest(first.database.db);
  return {
    fake,
    config,
    database: first.database,
    deps: first.deps,
    sleeps,
    connect: async () => open(),
    stop: async () => {
      for (const h of handles) await h.close();
      await fake.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** Adds `n` people to the fake workspace (UP001…) and returns their ids. */
export const addPeople = (fake: FakeSlack, n: number): string[] =>
  Array.from({ length: n }, (_, i) => {
    const id = `UP${String(i + 1).padStart(3, '0')}`;
    fake.state.addUser({ id, name: `p${i + 1}`, realName: `Person ${i + 1}`, locale: 'ja-JP' });
    return id;
  });

/** A job that sends a fixed list of messages through the delivery, counting how often its body ran. */
export const listJob = (messages: () => Outgoing[]): Job & { calls: number } => {
  const job = async (deps: JobDeps, o: JobOptions): Promise<JobReport> => {
    job.calls += 1;
    const report = await deliverAll(deps, messages(), deliveryOptions('quota-reminders', o));
    return { job: 'quota-reminders', ...report };
  };
  job.calls = 0;
  return job;
};

/** Successful chat.postMessage calls per idempotency key (from the metadata Slack received). */
export const postsByKey = (fake: FakeSlack): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const call of fake.callsTo('chat.postMessage')) {
    const key = (call.args.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key;
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
};
