/**
 * The setting of the job e2e files: one running app (harness) for the file, JobDeps on it, the env a CLI
 * child needs, and before each test a clean slate (nothing of the previous test at work, the fake reset,
 * the job and roster tables emptied). Call `jobSuite()` at the top of a test file; its getters are valid
 * inside tests and hooks.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { ensureSupporter } from '../../src/db/repositories/supporters.js';
import type { JobDeps } from '../../src/deps.js';
import { runNamedJob } from '../../src/jobs/registry.js';
import { type Harness, startHarness, testEnv } from './harness.js';
import { jobDepsFor } from './jobWorld.js';

const EMPTIED = [
  'audit_log',
  'erasures',
  'sessions',
  'deliveries',
  'job_runs',
  'nudges',
  'thread_replies',
  'consultation_tags',
  'consultations',
  'slots',
  'supporter_months',
  'supporter_expertise',
  'supporters',
] as const;

export type JobSuite = {
  readonly h: Harness;
  readonly deps: JobDeps;
  /** DATABASE_URL and the rest, for a `supporter-desk job …` child process. */
  readonly env: Record<string, string>;
  run: (
    name: Parameters<typeof runNamedJob>[1],
    now: string,
    extra?: { month?: string },
  ) => ReturnType<typeof runNamedJob>;
  /** Puts these users on the roster (as `/supporter join` would). */
  joinAll: (ids: string[]) => Promise<void>;
  /** chat.postMessage calls per channel (a user id for a DM). */
  dmCounts: () => Map<string, number>;
};

export const jobSuite = (now = '2026-11-25T10:00:00+09:00'): JobSuite => {
  let h: Harness | undefined;
  let deps: JobDeps | undefined;
  let env: Record<string, string> = {};
  beforeAll(async () => {
    h = await startHarness({ now });
    deps = jobDepsFor(h);
    env = testEnv(h.fake, h.config.databaseUrl.replace(/^sqlite:/, ''));
  });
  afterAll(async () => {
    await h?.stop();
  });
  beforeEach(async () => {
    const harness = suite.h;
    await harness.settled(); // nothing of the previous test still at work
    harness.fake.reset();
    for (const table of EMPTIED) await harness.database.db.deleteFrom(table as 'slots').execute();
  });

  const suite: JobSuite = {
    get h() {
      if (!h) throw new Error('jobSuite: the harness is not started yet (use it inside tests and hooks)');
      return h;
    },
    get deps() {
      if (!deps) throw new Error('jobSuite: not started yet');
      return deps;
    },
    get env() {
      return env;
    },
    run: (name, at, extra = {}) => runNamedJob(suite.deps, name, { now: new Date(at), ...extra }),
    joinAll: async (ids) => {
      for (const id of ids)
        await ensureSupporter(suite.h.database.db, id, 'command', '2026-11-01T00:00:00.000Z');
    },
    dmCounts: () => {
      const counts = new Map<string, number>();
      for (const c of suite.h.fake.callsTo('chat.postMessage')) {
        const to = String(c.args.channel);
        counts.set(to, (counts.get(to) ?? 0) + 1);
      }
      return counts;
    },
  };
  return suite;
};
