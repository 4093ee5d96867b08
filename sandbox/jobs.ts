/**
 * The "clock and jobs" panel's back end: runs a job through `runNamedJob` from src/jobs/registry.ts, the
 * same entry point the scheduler and the CLI use. The registry is imported dynamically, so the sandbox
 * starts (and says "not available yet") while it does not exist or does not know a job.
 */
import { WebClient } from '@slack/web-api';
import type { JobName } from '../src/config.js';
import type { JobDeps } from '../src/deps.js';
import type { JobOptions, JobReport } from '../src/jobs/types.js';
import type { RunningApp } from './app-host.js';
import type { JobInfo } from './shared/types.js';

export const PANEL_JOBS = [
  'quota-reminders',
  'operator-digest',
  'advice-nudges',
  'writeup-reminders',
  'study-reminders',
  'session-outcomes',
  'session-briefs',
] as const;

type RunNamedJob = (
  deps: JobDeps,
  name: JobName,
  opts: JobOptions & { trigger?: 'manual' },
) => Promise<JobReport>;
type Registry = { run: RunNamedJob; known: (name: string) => boolean };

/** A variable specifier keeps tsc from requiring the module while it is being written. */
const REGISTRY_URL = new URL('../src/jobs/registry.js', import.meta.url).href;

const loadRegistry = async (): Promise<Registry | undefined> => {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(REGISTRY_URL)) as Record<string, unknown>;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load url/i.test(String(err)))
      return undefined;
    throw err;
  }
  if (typeof mod.runNamedJob !== 'function') return undefined;
  // The registry's table of jobs (JOBS) says which ones this build has; without one, try them all.
  const table = mod.JOBS && typeof mod.JOBS === 'object' ? (mod.JOBS as Record<string, unknown>) : undefined;
  const known = (name: string) => (table ? typeof table[name] === 'function' : true);
  return { run: mod.runNamedJob as RunNamedJob, known };
};

export class JobRunner {
  private registry: Registry | undefined;

  /** Looks for the registry again (cheap; done at start and before each run). */
  async refresh(): Promise<void> {
    this.registry = await loadRegistry();
  }

  get ready(): boolean {
    return this.registry !== undefined;
  }

  list(): JobInfo[] {
    return PANEL_JOBS.map((name) => ({ name, available: !!this.registry?.known(name) }));
  }

  async run(app: RunningApp, name: string, now: Date, dryRun = false): Promise<JobReport> {
    if (!this.registry) await this.refresh();
    const registry = this.registry;
    if (!registry?.known(name)) throw new Error(`job ${name} is not available yet`);
    const deps: JobDeps = {
      config: app.config,
      db: app.database.db,
      logger: app.logger.child({ job: name }),
      slack: new WebClient(app.config.slack.botToken, {
        slackApiUrl: app.config.slack.apiUrl,
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
      }),
    };
    return registry.run(deps, name as JobName, { now, dryRun, trigger: 'manual' });
  }
}
