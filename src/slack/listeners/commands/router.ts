/**
 * A small router for slash commands with subcommands and Japanese aliases. Each command acks at once
 * (Slack's 3-second limit), then resolves the user's language and answers through `respond` (ephemeral).
 * A handler that throws a DomainError gets it shown in the user's language; nothing else leaks out.
 */
import type { RespondFn, SlashCommand } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { ListenerDeps } from '../../../deps.js';
import { DomainError } from '../../../domain/errors.js';
import { type Locale, type Messages, messages } from '../../../i18n/index.js';
import { unescapeMrkdwn } from '../../blocks/kit.js';
import type { Audience } from '../../format/slots.js';
import { errorReply, type Reply } from '../../reply.js';
import { openModalFirst } from '../openModal.js';
import type { ListenerTable } from '../table.js';

export type CommandContext = {
  /** The reader of the reply: language, zone and now, for formatting. */
  audience: Audience;
  deps: ListenerDeps;
  client: WebClient;
  command: SlashCommand;
  userId: string;
  /** The text after the subcommand word, trimmed. */
  args: string;
  locale: Locale;
  m: Messages;
  now: Date;
};

/**
 * A handler returns the reply to show (and optional work to do once the user has it, like refreshing the
 * Home tab), or undefined when it answered some other way (e.g. opened a modal).
 */
export type CommandReply = Reply & { after?: () => Promise<void> };
export type CommandHandler = (ctx: CommandContext) => Promise<CommandReply | undefined>;

/** What a modal is built from: no language yet (openModalFirst picks it), nothing asked of Slack. */
export type ModalContext = Pick<CommandContext, 'deps' | 'command' | 'userId' | 'now'>;

/**
 * `/cmd` with no text opens this modal, before anything else is asked of Slack (openModal.ts). `check`
 * refuses it from local data only (a DomainError, answered in the user's language).
 */
export type CommandModal = {
  check?: (deps: ListenerDeps) => void;
  build: (ctx: ModalContext, m: Messages, locale: Locale) => ModalView;
};

/**
 * `/cmd <text>` that opens a modal about something named in the text (e.g. `/writeup 12`): `match` picks
 * it out (undefined: not this form), `open` loads what the modal shows from the database and opens it
 * (openModalFirst: views.open before any other Slack call). Errors are answered like a command's.
 */
export type ArgsModal = {
  match: (text: string) => string | undefined;
  open: (ctx: ModalContext & { client: WebClient }, arg: string) => Promise<void>;
};

export type CommandSpec = {
  name: `/${string}`;
  help: (m: Messages) => string;
  /** `/cmd` with no text, when it opens a modal. */
  modal?: CommandModal;
  /** `/cmd <text>` forms that open a modal. */
  argsModal?: ArgsModal;
  /** `/cmd` with no text otherwise. Defaults to help. */
  onEmpty?: CommandHandler;
  subcommands: Record<string, { aliases: readonly string[]; handler: CommandHandler }>;
  /** Text that starts with no known subcommand (e.g. `/consult 12/3 19:00 …`); `args` is the whole text. */
  fallback?: CommandHandler;
};

const HELP_WORDS = new Set(['help', 'ヘルプ', '?', '？', '-h', '--help']);
export const MAX_COMMAND_TEXT = 4000;

/** Splits `add 12/3 19:00` into the subcommand word (NFKC, lower case) and the rest. */
export const splitSubcommand = (text: string): { word: string; args: string } => {
  const trimmed = text.trim();
  const match = /^(\S+)(?:\s+([\s\S]*))?$/u.exec(trimmed);
  if (!match) return { word: '', args: '' };
  return { word: match[1]!.normalize('NFKC').toLowerCase(), args: (match[2] ?? '').trim() };
};

export const findSubcommand = (spec: CommandSpec, word: string): CommandHandler | undefined => {
  for (const [name, sub] of Object.entries(spec.subcommands)) {
    if (name === word || sub.aliases.includes(word)) return sub.handler;
  }
  return undefined;
};

export const registerCommand = (table: ListenerTable, deps: ListenerDeps, spec: CommandSpec): void => {
  table.command(spec.name, async ({ command, ack, respond, client }) => {
    await ack();
    const now = deps.clock();
    if (spec.modal && !(command.text ?? '').trim()) {
      const { modal } = spec;
      const ctx = { deps, command, userId: command.user_id, now };
      try {
        modal.check?.(deps);
        const opts = { triggerId: command.trigger_id, userId: command.user_id, now };
        await openModalFirst(deps, client, opts, (m, locale) => modal.build(ctx, m, locale));
      } catch (err) {
        const locale = await deps.locales.forUser(client, command.user_id, now);
        await sendEphemeral(respond, errorReply(locale, err, deps.logger));
      }
      return;
    }
    const arg = spec.argsModal?.match(unescapeMrkdwn(command.text ?? '').trim());
    if (spec.argsModal && arg !== undefined) {
      try {
        await spec.argsModal.open({ deps, command, userId: command.user_id, now, client }, arg);
      } catch (err) {
        const locale = await deps.locales.forUser(client, command.user_id, now);
        await sendEphemeral(respond, errorReply(locale, err, deps.logger));
      }
      return;
    }
    const locale = await deps.locales.forUser(client, command.user_id, now);
    const m = messages(locale);
    const audience = { m, locale, zone: deps.config.timezone, now };
    const reply = await runCommand(spec, {
      deps,
      client,
      command,
      userId: command.user_id,
      locale,
      m,
      now,
      audience,
    });
    if (!reply) return;
    await sendEphemeral(respond, reply);
    await reply.after?.();
  });
};

const runCommand = async (
  spec: CommandSpec,
  base: Omit<CommandContext, 'args'>,
): Promise<CommandReply | undefined> => {
  try {
    // Slack sends command text with & < > already escaped (formatting#escaping): read it as typed, so
    // the reply escapes it once (`a &amp; b` typed as `a & b` shows `a & b`, not `a &amp;amp; b`).
    const text = unescapeMrkdwn(base.command.text ?? '');
    if (text.length > MAX_COMMAND_TEXT) {
      throw new DomainError('input_too_long', { field: spec.name, max: MAX_COMMAND_TEXT });
    }
    const { word, args } = splitSubcommand(text);
    if (word === '')
      return spec.onEmpty ? await spec.onEmpty({ ...base, args }) : { text: spec.help(base.m) };
    if (HELP_WORDS.has(word)) return { text: spec.help(base.m) };
    const handler = findSubcommand(spec, word);
    if (handler) return await handler({ ...base, args });
    if (spec.fallback) return await spec.fallback({ ...base, args: text.trim() });
    throw new DomainError('unknown_subcommand', { command: spec.name, sub: word });
  } catch (err) {
    return errorReply(base.locale, err, base.deps.logger);
  }
};

const sendEphemeral = (respond: RespondFn, reply: Reply) =>
  respond({ response_type: 'ephemeral', replace_original: false, text: reply.text, blocks: reply.blocks });
