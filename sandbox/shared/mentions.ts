/**
 * What Slack's own client does to typed text before it sends it, shared by the browser (autocomplete) and
 * the sandbox server (what goes into the emulator's state and to the app). No Node or DOM types here.
 *
 * - Messages: `&`, `<`, `>` become `&amp;` `&lt;` `&gt;` ("Before sending messages to the server, clients
 *   should make the following transforms", https://api.slack.com/reference/surfaces/formatting#escaping),
 *   then a mention of a member becomes `<@U…>`, of a channel `<#C…>`, and `@here`/`@channel`/`@everyone`
 *   `<!here>` … (https://api.slack.com/reference/surfaces/formatting#mentioning-users, #linking-channels,
 *   #special-mentions). A typed `<!channel>` is escaped, so it stays text. Slack's client
 *   turns a mention picked from its autocomplete (or typed out in full) into that form; the sandbox's
 *   composer inserts `@<real name>` on a pick and this module converts every full name, handle or real name.
 * - Slash commands: only a command with "Escape channels, users, and links" on (`should_escape: true` in
 *   the manifest) gets `<@U…|handle>` / `<#C…|name>`; otherwise the text arrives as typed (`@ken`)
 *   (https://api.slack.com/interactivity/slash-commands, "should_escape": manifest schema 2.0.0). URL
 *   wrapping (`<https://…>`) is not modelled: the docs do not say how a typed URL is cut out of text.
 */

export type Member = { id: string; name: string; realName: string };
export type ChannelRef = { id: string; name: string };

const ASCII_WORD = /[A-Za-z0-9._-]/;

/** Where `@`/`#` may start a mention: at the start or after something that is not part of a word (not `a@b`). */
const startsMention = (text: string, at: number) => at === 0 || !ASCII_WORD.test(text[at - 1]!);

/** A name ending in an ASCII letter must not run on (`@kenji` is not `@ken`); `@田中 健さん` still is 田中 健. */
const endsAt = (text: string, end: number, name: string) =>
  !ASCII_WORD.test(name.at(-1) ?? '') || end >= text.length || !ASCII_WORD.test(text[end]!);

type Candidate = { id: string; label: string; handle: string };

const memberCandidates = (members: readonly Member[]): Candidate[] =>
  members
    .flatMap((m) =>
      [m.realName, m.name].filter(Boolean).map((label) => ({ id: m.id, label, handle: m.name })),
    )
    .sort((a, b) => b.label.length - a.label.length);

const channelCandidates = (channels: readonly ChannelRef[]): Candidate[] =>
  channels
    .map((c) => ({ id: c.id, label: c.name, handle: c.name }))
    .sort((a, b) => b.label.length - a.label.length);

/** Replaces every `<sigil><name>` with `format(candidate)`, longest name first, case-insensitively. */
const replaceNames = (
  text: string,
  sigil: '@' | '#',
  candidates: Candidate[],
  format: (c: Candidate) => string,
): string => {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === sigil && startsMention(text, i)) {
      const rest = text.slice(i + 1).toLowerCase();
      const hit = candidates.find(
        (c) => rest.startsWith(c.label.toLowerCase()) && endsAt(text, i + 1 + c.label.length, c.label),
      );
      if (hit) {
        out += format(hit);
        i += 1 + hit.label.length;
        continue;
      }
    }
    out += text[i];
    i += 1;
  }
  return out;
};

/** `@here`, `@channel`, `@everyone` typed in a message (formatting#special-mentions): `<!here>` etc. */
const SPECIAL: Candidate[] = ['everyone', 'channel', 'here'].map((w) => ({ id: w, label: w, handle: w }));

export const escapeControlChars = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A typed message as Slack's client sends it: escaped, with `<@U…>` and `<#C…>` for mentions. */
export const encodeMessageText = (
  typed: string,
  members: readonly Member[],
  channels: readonly ChannelRef[],
): string => {
  const escaped = escapeControlChars(typed);
  const special = replaceNames(escaped, '@', SPECIAL, (c) => `<!${c.id}>`);
  const users = replaceNames(special, '@', memberCandidates(members), (c) => `<@${c.id}>`);
  return replaceNames(users, '#', channelCandidates(channels), (c) => `<#${c.id}>`);
};

/** A slash command's text as Slack sends it to the app, by the command's `should_escape`. */
export const encodeCommandText = (
  typed: string,
  shouldEscape: boolean,
  members: readonly Member[],
  channels: readonly ChannelRef[],
): string => {
  if (!shouldEscape) return typed;
  const users = replaceNames(typed, '@', memberCandidates(members), (c) => `<@${c.id}|${c.handle}>`);
  return replaceNames(users, '#', channelCandidates(channels), (c) => `<#${c.id}|${c.handle}>`);
};

/** Members for the `@` autocomplete: a handle or any word of the real name starting with `query`. */
export const matchMembers = (members: readonly Member[], query: string): Member[] => {
  const q = query.toLowerCase();
  const starts = (s: string) => s.toLowerCase().startsWith(q);
  return members.filter(
    (m) => starts(m.name) || starts(m.realName) || m.realName.split(/\s+/).some((w) => starts(w)),
  );
};

export const matchChannels = (channels: readonly ChannelRef[], query: string): ChannelRef[] =>
  channels.filter((c) => c.name.toLowerCase().startsWith(query.toLowerCase()));
