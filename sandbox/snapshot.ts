/** GET /sandbox/api/state: the whole fake workspace, shaped for the browser (display order, reply counts, modals). */
import { DateTime } from 'luxon';
import { appManifest, type ManifestParameters } from '../emulator/manifest.js';
import type { FakeState } from '../emulator/state.js';
import { BOT_USER_ID } from '../emulator/state.js';
import type { SandboxClock } from './clock.js';
import type { ModalStacks } from './modals.js';
import { blocksOf } from './shared/ids.js';
import type { JobInfo, SeedStatus, Snapshot, SnapshotStepParameter, SnapshotUser } from './shared/types.js';
import type { SandboxExtras } from './store.js';
import { BOT_COLOR, CHANNELS, DEMO_USERS } from './workspace.js';

/** Gives every message and ephemeral a display position the first time it is seen. */
export const assignSeq = (state: FakeState, extras: SandboxExtras): void => {
  const give = (key: string) => {
    if (extras.seq[key] === undefined) extras.seq[key] = extras.nextSeq++;
  };
  for (const m of state.messages) give(`m:${m.channel}:${m.ts}`);
  for (const e of state.ephemerals) give(`e:${e.id}`);
};

const BOT: SnapshotUser = {
  id: BOT_USER_ID,
  name: 'supporter-desk',
  realName: 'Supporter Desk',
  locale: 'ja-JP',
  role: 'bot',
  about: { ja: 'アプリ', en: 'App' },
  color: BOT_COLOR,
};

const stepParameters = (p: ManifestParameters): SnapshotStepParameter[] =>
  Object.entries(p.properties).map(([name, x]) => ({
    name,
    type: x.type,
    title: x.title ?? name,
    description: x.description ?? '',
    hint: x.hint ?? '',
    required: p.required.includes(name),
  }));

export type SnapshotInput = {
  version: number;
  state: FakeState;
  extras: SandboxExtras;
  modals: ModalStacks;
  clock: SandboxClock;
  timezone: string;
  jobs: JobInfo[];
  jobsReady: boolean;
  seed: SeedStatus;
};

export const buildSnapshot = (i: SnapshotInput): Snapshot => {
  const { state, extras } = i;
  assignSeq(state, extras);
  const replies = new Map<string, { count: number; users: Set<string> }>();
  for (const m of state.messages) {
    if (!m.threadTs || m.threadTs === m.ts) continue;
    const key = `${m.channel}:${m.threadTs}`;
    const r = replies.get(key) ?? { count: 0, users: new Set<string>() };
    r.count += 1;
    r.users.add(m.user);
    replies.set(key, r);
  }
  const withBlocks = (b: unknown) => (Array.isArray(b) ? { blocks: blocksOf(b) } : {});
  return {
    version: i.version,
    botUserId: BOT_USER_ID,
    commands: appManifest().commands.map(({ command, description, usageHint }) => ({
      command,
      description,
      usageHint,
    })),
    shortcuts: appManifest().shortcuts.map(({ name, type, callbackId, description }) => ({
      name,
      type,
      callbackId,
      description,
    })),
    steps: Object.entries(appManifest().functions).map(([callbackId, f]) => ({
      callbackId,
      title: f.title,
      description: f.description,
      inputs: stepParameters(f.inputParameters),
      outputs: stepParameters(f.outputParameters),
    })),
    channels: { ...CHANNELS },
    users: [
      ...DEMO_USERS.map(({ id, name, realName, locale, role, about, color }) => ({
        id,
        name,
        realName,
        locale,
        role,
        about,
        color,
      })),
      BOT,
    ],
    conversations: [...state.channels.values()].map((c) => ({
      id: c.id,
      name: c.name,
      isIm: c.isIm,
      members: c.members,
    })),
    messages: state.messages.map((m) => {
      const r = replies.get(`${m.channel}:${m.ts}`);
      return {
        seq: extras.seq[`m:${m.channel}:${m.ts}`] ?? 0,
        channel: m.channel,
        ts: m.ts,
        user: m.user,
        text: m.text,
        ...withBlocks(m.blocks),
        ...(m.threadTs ? { threadTs: m.threadTs } : {}),
        ...(m.edited ? { edited: true } : {}),
        isBot: m.user === BOT_USER_ID,
        replyCount: r?.count ?? 0,
        replyUsers: [...(r?.users ?? [])],
      };
    }),
    ephemerals: state.ephemerals.map((e) => ({
      seq: extras.seq[`e:${e.id}`] ?? 0,
      id: e.id,
      channel: e.channel,
      user: e.user,
      text: e.text,
      ...withBlocks(e.blocks),
    })),
    modals: Object.fromEntries(Object.keys(extras.modalStacks).map((u) => [u, i.modals.of(u)])),
    homes: Object.fromEntries([...state.homes.entries()].map(([u, view]) => [u, { id: `VHOME${u}`, view }])),
    clock: {
      now: DateTime.fromJSDate(i.clock.now()).setZone(i.timezone).toISO() ?? i.clock.now().toISOString(),
      timezone: i.timezone,
      real: i.clock.real,
    },
    jobs: i.jobs,
    jobsReady: i.jobsReady,
    seed: i.seed,
  };
};
