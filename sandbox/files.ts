/**
 * Where the sandbox keeps its things (default ./data): the app's database, the fake workspace, the app's
 * log, and while it runs a small note saying where its Slack emulator listens, so that
 * `npm run sandbox -- cli …` in another terminal can use the same database and the same emulator.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type SandboxFiles = { dir: string; db: string; state: string; log: string; running: string };

export const sandboxFiles = (dataDir = 'data'): SandboxFiles => {
  const dir = resolve(dataDir);
  return {
    dir,
    db: join(dir, 'sandbox.sqlite'),
    state: join(dir, 'sandbox-slack.json'),
    log: join(dir, 'sandbox.log'),
    running: join(dir, 'sandbox.running.json'),
  };
};

/** What a running sandbox tells its CLI: its page, its emulator's Web API and the bot token it accepts. */
export type RunningNote = { pid: number; url: string; apiUrl: string; botToken: string };

export const writeRunningNote = (files: SandboxFiles, note: RunningNote): void =>
  writeFileSync(files.running, `${JSON.stringify(note)}\n`);

export const removeRunningNote = (files: SandboxFiles): void => rmSync(files.running, { force: true });

export const readRunningNote = (files: SandboxFiles): RunningNote | undefined => {
  try {
    const note = JSON.parse(readFileSync(files.running, 'utf8')) as Partial<RunningNote>;
    const ok = typeof note.url === 'string' && typeof note.apiUrl === 'string';
    return ok && typeof note.botToken === 'string' ? (note as RunningNote) : undefined;
  } catch {
    return undefined;
  }
};

/** The sandbox clock's shift as last saved (null: real time), from the fake workspace's file. */
export const savedClockOffset = (files: SandboxFiles): number | null => {
  try {
    const saved = JSON.parse(readFileSync(files.state, 'utf8')) as { extras?: { clockOffsetMs?: unknown } };
    const offset = saved.extras?.clockOffsetMs;
    return typeof offset === 'number' ? offset : null;
  } catch {
    return null;
  }
};
