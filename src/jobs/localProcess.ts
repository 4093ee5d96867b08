/**
 * This process as the job runner sees it: its host and pid (recorded in `job_runs.holder` as
 * `<host>:<pid>:<random>`), and whether another pid on this host is still alive. The liveness check is
 * `process.kill(pid, 0)`: no signal is sent; ESRCH means no such process, EPERM means it exists but
 * belongs to someone else (alive). Kept out of the domain and passed to the runner as an input.
 */
import { hostname } from 'node:os';

export type LocalProcess = {
  hostname: string;
  pid: number;
  /** Whether a process with this pid exists on this host. */
  isAlive: (pid: number) => boolean;
};

export const pidIsAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export const thisProcess = (): LocalProcess => ({
  hostname: hostname(),
  pid: process.pid,
  isAlive: pidIsAlive,
});

/** The host and pid of a holder id `<host>:<pid>:<random>` (the host may itself hold colons). */
export const holderProcess = (holder: string): { host: string; pid: number } | undefined => {
  const m = /^(.+):(\d+):[0-9a-f]+$/.exec(holder);
  return m ? { host: m[1]!, pid: Number(m[2]) } : undefined;
};

/**
 * A holder that was a process on this very host which no longer exists: its run is dead for certain,
 * without waiting out the heartbeat lease. Holders on other hosts can't be checked and keep their lease.
 */
export const isDeadHereHolder = (holder: string, local: LocalProcess): boolean => {
  const p = holderProcess(holder);
  if (!p || p.host !== local.hostname || p.pid === local.pid) return false;
  return !local.isAlive(p.pid);
};
