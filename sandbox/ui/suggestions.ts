/**
 * What the composer's autocomplete offers for the text before the caret, as Slack's does: the app's slash
 * commands (name, usage hint, description and the app's name, from manifest.yml) while the message is a
 * bare `/word`; members after `@` (display name and real name); channels after `#`. Pure: no DOM.
 */
import { type ChannelRef, type Member, matchChannels, matchMembers } from '../shared/mentions.js';
import type { SnapshotCommand } from '../shared/types.js';

export type ComposerData = {
  commands: SnapshotCommand[];
  members: Member[];
  channels: ChannelRef[];
  appName: string;
};

export type Suggestion =
  | { kind: 'command'; command: SnapshotCommand; appName: string }
  | { kind: 'member'; member: Member }
  | { kind: 'channel'; channel: ChannelRef };

/** What the suggestions are for: the typed token `[start, end)` that a pick replaces. */
export type Suggestions = { items: Suggestion[]; start: number; end: number };

const MAX_ITEMS = 8;

/** `@` or `#` and what follows it up to the caret, where a mention may start (not inside `a@b`). */
const MENTION_AT_CARET = /(^|[^A-Za-z0-9._-])([@#])([^\s@#<>]*)$/;

export const suggestionsAt = (value: string, caret: number, data: ComposerData): Suggestions | undefined => {
  const before = value.slice(0, caret);
  const command = /^\/\S*$/.exec(before);
  if (command && !/\S/.test(value.slice(caret, caret + 1))) {
    const items = data.commands
      .filter((c) => c.command.startsWith(command[0]))
      .map((c): Suggestion => ({ kind: 'command', command: c, appName: data.appName }));
    return items.length ? { items, start: 0, end: caret } : undefined;
  }
  const m = MENTION_AT_CARET.exec(before);
  if (!m) return undefined;
  const start = caret - m[3]!.length - 1;
  const items: Suggestion[] =
    m[2] === '@'
      ? matchMembers(data.members, m[3]!).map((member) => ({ kind: 'member', member }))
      : matchChannels(data.channels, m[3]!).map((channel) => ({ kind: 'channel', channel }));
  return items.length ? { items: items.slice(0, MAX_ITEMS), start, end: caret } : undefined;
};

/** The text a pick puts in place of the typed token (the sandbox's server turns names into ids on send). */
export const insertionFor = (s: Suggestion): string => {
  if (s.kind === 'command') return `${s.command.command} `;
  if (s.kind === 'member') return `@${s.member.realName || s.member.name} `;
  return `#${s.channel.name} `;
};
