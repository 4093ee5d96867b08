/**
 * What the sandbox server and its browser client exchange: the snapshot behind GET /sandbox/api/state and the
 * bodies of the POST /sandbox/api/* routes. No Node or DOM types here: both sides import this file.
 */

/** A Block Kit block or element, as the app sent it. The client renders it; the server reads ids from it. */
export type Block = Record<string, unknown> & { type: string };

export type DemoRole = 'supporter' | 'operator' | 'bot';

export type SnapshotUser = {
  id: string;
  name: string;
  realName: string;
  locale: string;
  role: DemoRole;
  /** A short description for the user switcher, e.g. 人事 / Agency. */
  about: { ja: string; en: string };
  color: string;
};

export type SnapshotChannel = { id: string; name: string; isIm: boolean; members: string[] };

export type SnapshotMessage = {
  seq: number;
  channel: string;
  ts: string;
  user: string;
  text: string;
  blocks?: Block[];
  threadTs?: string;
  edited?: boolean;
  isBot: boolean;
  replyCount: number;
  replyUsers: string[];
};

export type SnapshotEphemeral = {
  seq: number;
  id: number;
  channel: string;
  user: string;
  text: string;
  blocks?: Block[];
};

export type SnapshotView = { id: string; view: Record<string, unknown> & { blocks?: Block[] } };

export type JobInfo = { name: string; available: boolean };

export type SeedStatus = {
  state: 'idle' | 'running' | 'done';
  ok: number;
  failed: number;
  /** One line per step, newest last. */
  log: string[];
};

/** A slash command of the app's manifest.yml, as Slack's composer offers it. */
export type SnapshotCommand = { command: string; description: string; usageHint: string };

/**
 * A shortcut of the app's manifest.yml: message shortcuts are in a message's "…" menu, global ones in the
 * composer's "+" menu, under the name the manifest gives (Slack shows it as declared, in every language).
 */
export type SnapshotShortcut = {
  name: string;
  type: 'message' | 'global';
  callbackId: string;
  description: string;
};

/** One input or output of a Workflow Builder step, as manifest.yml declares it. */
export type SnapshotStepParameter = {
  name: string;
  type: string;
  title: string;
  description: string;
  hint: string;
  required: boolean;
};

/**
 * A Workflow Builder step of the app's manifest.yml (`functions:`): the composer's "+" lists them, and the
 * sandbox's own form (standing in for Workflow Builder's step configuration) asks for its inputs.
 */
export type SnapshotStep = {
  callbackId: string;
  title: string;
  description: string;
  inputs: SnapshotStepParameter[];
  outputs: SnapshotStepParameter[];
};

export type Snapshot = {
  version: number;
  botUserId: string;
  /** The app's slash commands, from manifest.yml (the only ones the sandbox accepts, as in Slack). */
  commands: SnapshotCommand[];
  /** The app's shortcuts, from manifest.yml. */
  shortcuts: SnapshotShortcut[];
  /** The app's Workflow Builder steps, from manifest.yml. */
  steps: SnapshotStep[];
  channels: { advice: string; supporters: string; operators: string };
  users: SnapshotUser[];
  conversations: SnapshotChannel[];
  messages: SnapshotMessage[];
  ephemerals: SnapshotEphemeral[];
  /** Per user: the modal stack, bottom first. */
  modals: Record<string, SnapshotView[]>;
  homes: Record<string, SnapshotView>;
  clock: { now: string; timezone: string; real: boolean };
  jobs: JobInfo[];
  /** false until runNamedJob (src/jobs/registry.ts) can be imported. */
  jobsReady: boolean;
  seed: SeedStatus;
};

/**
 * What a form control holds, before the server turns it into Slack's `state.values` shape:
 * a string (text, date, time, single select, radio, user), a list (multi selects, checkboxes) or null.
 */
export type RawValue = string | string[] | null;
export type RawValues = Record<string, Record<string, RawValue>>;

/** Where a clicked element lives. */
export type ActionSource =
  | { kind: 'message'; channel: string; ts: string }
  | { kind: 'ephemeral'; id: number }
  | { kind: 'view'; viewId: string };

export type CommandRequest = { user: string; channel: string; command: string; text: string };
export type MessageRequest = { user: string; channel: string; text: string; threadTs?: string };
export type ActionRequest = {
  user: string;
  source: ActionSource;
  blockId: string;
  actionId: string;
  /** For selects, overflow menus, pickers: the chosen raw value. */
  selected?: RawValue;
  /** A modal's current inputs (for actions inside a modal). */
  values?: RawValues;
};
export type ViewSubmissionRequest = { user: string; viewId: string; values: RawValues };
export type ViewSubmissionResult =
  | { ok: true; closed: boolean }
  | { ok: false; errors?: Record<string, string>; error?: string };
export type ViewCloseRequest = { user: string; viewId: string };
/** `local`: a date and time in the app's time zone (YYYY-MM-DDTHH:mm), or null for real time. */
export type ClockRequest = { local: string | null };
export type JobRequest = { name: string; dryRun?: boolean };
export type JobResult = { ok: boolean; error?: string; report?: Record<string, unknown> };
export type HomeOpenedRequest = { user: string; tab: 'home' | 'messages' };
/** A shortcut picked from a menu: a message shortcut names its message; a global one has none. */
export type ShortcutRequest = { user: string; callbackId: string; message?: { channel: string; ts: string } };
/** A step run from the sandbox's form: its inputs as typed (the server gives each its declared type). */
export type StepRunRequest = { user: string; callbackId: string; inputs: Record<string, string> };
/** How the step ended: functions.completeSuccess's outputs or functions.completeError's error. */
export type StepRunResult =
  | { kind: 'success'; outputs: Record<string, unknown> }
  | { kind: 'error'; error: string };

/** The calendar panel: the user's feed (and, after a rotation, how the old link answers now). */
export type CalendarRequest = { user: string; previous?: string };
/** One VEVENT of the feed: start/end as ISO instants (or dates when all-day). */
export type CalendarEvent = {
  uid: string;
  start: string;
  end: string | null;
  allDay: boolean;
  summary: string;
  status: string;
};
export type CalendarResult = {
  /** The link the app gives (null: the user has none yet; /supporter calendar makes one). */
  url: string | null;
  /** The app's HTTP status for GET on the link. */
  status?: number;
  events: CalendarEvent[];
  /** The feed as served. */
  raw: string;
  previous?: { url: string; status: number };
};
