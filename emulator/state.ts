/**
 * The fake workspace's state: users, channels, messages (with threads and metadata), ephemerals, modals
 * and Home tabs. The Web API handlers (api.ts) change it; tests and the sandbox UI read it.
 */
export type FakeUser = {
  id: string;
  name: string;
  realName: string;
  locale: string;
  isBot?: boolean;
  deleted?: boolean;
};

export type FakeMessage = {
  channel: string;
  ts: string;
  user: string;
  text: string;
  blocks?: unknown[];
  threadTs?: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  edited?: boolean;
  botId?: string;
  /**
   * Slack's message subtype as stored (https://api.slack.com/events/message#subtypes): `thread_broadcast`
   * (a reply also sent to the channel), `file_share`, `bot_message`, `channel_join`…; absent for a plain
   * message. message_changed / message_deleted are events about a message, never stored as one.
   */
  subtype?: string;
  /** file_share: the shared files (https://api.slack.com/events/message/file_share). */
  files?: Array<Record<string, unknown>>;
  /** file_share: true when the file was uploaded with the message. */
  upload?: boolean;
};

export type FakeEphemeral = {
  id: number;
  channel: string;
  user: string;
  text: string;
  blocks?: unknown[];
  /** The thread it shows in (chat.postEphemeral's thread_ts). */
  threadTs?: string;
  /** 'response_url' when the app answered a command or action through it. */
  via: 'chat.postEphemeral' | 'response_url';
  at: number;
};

export type FakeView = {
  id: string;
  user: string;
  view: Record<string, unknown>;
  /** Stack of modal views (views.push adds, views.update replaces). Empty for a home tab. */
  kind: 'modal' | 'home';
  /** Slack's `hash` of this version of the view: a new one on every views.open/push/update (api.ts). */
  hash?: string;
  /** What the user has typed or picked so far: block_id → action_id → state value (`state.values`). */
  values?: ViewValues;
};

export type ViewValues = Record<string, Record<string, Record<string, unknown>>>;

export type FakeChannel = {
  id: string;
  name: string;
  isIm: boolean;
  /** Members, the bot (BOT_USER_ID) included when it was invited — emulator/access.ts checks it. */
  members: string[];
  /** A private channel (https://api.slack.com/types/conversation `is_private`). */
  isPrivate?: boolean;
  /** Archived (`is_archived`): readable, but posts answer `is_archived`. */
  isArchived?: boolean;
};

export type ChannelOptions = { isPrivate?: boolean; isArchived?: boolean };

export const BOT_USER_ID = 'UBOTDESK';
export const BOT_ID = 'BDESK';
export const TEAM_ID = 'T0SUPPORT';

export class FakeState {
  users = new Map<string, FakeUser>();
  channels = new Map<string, FakeChannel>();
  messages: FakeMessage[] = [];
  ephemerals: FakeEphemeral[] = [];
  views = new Map<string, FakeView>();
  homes = new Map<string, Record<string, unknown>>();
  private tsCounter = 0;
  private idCounter = 0;

  constructor(private readonly clock: () => number = Date.now) {
    this.addUser({
      id: BOT_USER_ID,
      name: 'supporter-desk',
      realName: 'Supporter Desk',
      locale: 'ja-JP',
      isBot: true,
    });
  }

  addUser(user: FakeUser): FakeUser {
    this.users.set(user.id, user);
    return user;
  }

  addChannel(id: string, name: string, members: string[] = [], opts: ChannelOptions = {}): FakeChannel {
    const channel: FakeChannel = { id, name, isIm: false, members, ...opts };
    this.channels.set(id, channel);
    return channel;
  }

  /** The bot's DM channel with a user, created on first use (like conversations.open). */
  imWith(userId: string): FakeChannel {
    const id = `D${userId.slice(1)}`;
    let channel = this.channels.get(id);
    if (!channel) {
      channel = { id, name: `dm-${userId}`, isIm: true, members: [userId, BOT_USER_ID] };
      this.channels.set(id, channel);
    }
    return channel;
  }

  nextTs(): string {
    this.tsCounter += 1;
    const seconds = Math.floor(this.clock() / 1000);
    return `${seconds}.${String(this.tsCounter).padStart(6, '0')}`;
  }

  nextId(prefix: string): string {
    this.idCounter += 1;
    return `${prefix}${String(this.idCounter).padStart(8, '0')}`;
  }

  /** A view hash shaped like Slack's (`1569262015.55b5e41b`, views.update's example answer). */
  nextHash(): string {
    this.idCounter += 1;
    return `${Math.floor(this.clock() / 1000)}.${this.idCounter.toString(16).padStart(8, '0')}`;
  }

  nextNumber(): number {
    this.idCounter += 1;
    return this.idCounter;
  }

  findMessage(channel: string, ts: string): FakeMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts);
  }

  /**
   * What conversations.history lists, oldest first: top-level messages, and thread replies that were also
   * sent to the channel (subtype thread_broadcast, https://api.slack.com/events/message/thread_broadcast).
   */
  channelMessages(channel: string): FakeMessage[] {
    return this.messages.filter(
      (m) =>
        m.channel === channel && (!m.threadTs || m.threadTs === m.ts || m.subtype === 'thread_broadcast'),
    );
  }

  threadMessages(channel: string, threadTs: string): FakeMessage[] {
    return this.messages.filter(
      (m) => m.channel === channel && (m.ts === threadTs || m.threadTs === threadTs),
    );
  }

  /** Messages the bot sent to a user's DM. */
  dmsTo(userId: string): FakeMessage[] {
    return this.messages.filter((m) => m.channel === `D${userId.slice(1)}` && m.user === BOT_USER_ID);
  }

  reset(): void {
    this.messages = [];
    this.ephemerals = [];
    this.views.clear();
    this.homes.clear();
  }
}
