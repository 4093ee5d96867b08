/**
 * Keeps the fake workspace across restarts: messages, ephemerals, modals and Home tabs are written to a
 * JSON file beside the sandbox database (the database alone would point at messages that no longer exist).
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { FakeEphemeral, FakeMessage, FakeState, FakeView } from '../emulator/state.js';

export type SandboxExtras = {
  /** Display order of messages and ephemerals (the fake keeps them in two lists). */
  seq: Record<string, number>;
  nextSeq: number;
  clockOffsetMs: number | null;
  modalStacks: Record<string, string[]>;
};

type Saved = {
  version: 1;
  messages: FakeMessage[];
  ephemerals: FakeEphemeral[];
  views: FakeView[];
  homes: Array<[string, Record<string, unknown>]>;
  counters: { tsCounter: number; idCounter: number };
  extras: SandboxExtras;
};

export const emptyExtras = (): SandboxExtras => ({
  seq: {},
  nextSeq: 1,
  clockOffsetMs: null,
  modalStacks: {},
});

/** FakeState keeps its id counters private; restoring them keeps ids unique across restarts. */
type Counters = { tsCounter: number; idCounter: number };
const counters = (state: FakeState): Counters => state as unknown as Counters;

export const saveState = (file: string, state: FakeState, extras: SandboxExtras): void => {
  const saved: Saved = {
    version: 1,
    messages: state.messages,
    ephemerals: state.ephemerals,
    views: [...state.views.values()],
    homes: [...state.homes.entries()],
    counters: { tsCounter: counters(state).tsCounter, idCounter: counters(state).idCounter },
    extras,
  };
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(saved));
  renameSync(tmp, file);
};

/** Loads a saved workspace into `state`; returns the sandbox's extras, or undefined when there is none. */
export const loadState = (file: string, state: FakeState): SandboxExtras | undefined => {
  if (!existsSync(file)) return undefined;
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Saved;
    if (saved.version !== 1) return undefined;
    state.messages = saved.messages;
    state.ephemerals = saved.ephemerals;
    state.views = new Map(saved.views.map((v) => [v.id, v]));
    state.homes = new Map(saved.homes);
    counters(state).tsCounter = saved.counters.tsCounter;
    counters(state).idCounter = saved.counters.idCounter;
    return { ...emptyExtras(), ...saved.extras };
  } catch {
    return undefined;
  }
};

export const removeFiles = (...files: string[]): void => {
  for (const f of files) rmSync(f, { force: true });
};

/** Calls `fn` at most once per `ms`, and once more after the last call. */
export const throttle = (fn: () => void, ms: number): (() => void) & { flush: () => void } => {
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    timer = undefined;
    fn();
  };
  const throttled = () => {
    timer ??= setTimeout(run, ms);
  };
  return Object.assign(throttled, {
    flush: () => {
      if (timer) clearTimeout(timer);
      run();
    },
  });
};
