/**
 * What a person does in the browser, turned into what Slack would send the app: signed slash commands
 * (with a response_url), message events (the message is also posted into the fake's state), block_actions
 * (with a response_url), message and global shortcuts, view_submission / view_closed and app_home_opened.
 */
import { appManifest, type ManifestCommand } from '../emulator/manifest.js';
import type { FakeSlack } from '../emulator/server.js';
import type { FakeUser } from '../emulator/state.js';
import type { RunningApp } from './app-host.js';
import { type EphemeralResponses, pushEphemeral } from './ephemeral-responses.js';
import { HttpError, requireString } from './http.js';
import type { ModalStacks, SubmissionOutcome } from './modals.js';
import {
  actionOf,
  findElement,
  homeOpenedEvent,
  interactionBase,
  messageEvent,
  stateValues,
  viewPayload,
} from './payloads.js';
import { blocksOf } from './shared/ids.js';
import { type ChannelRef, encodeCommandText, encodeMessageText, type Member } from './shared/mentions.js';
import type {
  ActionRequest,
  CommandRequest,
  MessageRequest,
  ShortcutRequest,
  ViewCloseRequest,
  ViewSubmissionRequest,
} from './shared/types.js';

/** The slash commands the app's manifest.yml declares: what Slack offers once the app is installed. */
const manifestCommands = (): ManifestCommand[] => appManifest().commands;

/**
 * Slack's own answer (from Slackbot, only to the sender) to a command no installed app or Slack itself
 * declares. The docs do not give the wording; this is what Slack's client shows (quoted e.g. in
 * github.com/nearform/lastlight/issues/119), plus the app's real commands.
 */
const notACommand = (command: string): string =>
  `${command} is not a valid command. In Slack, all messages that start with the "/" character are ` +
  'interpreted as commands.\n\nIf you are trying to send a message and not run a command, try preceding ' +
  `the "/" with an empty space. (This workspace's app commands: ${manifestCommands()
    .map((c) => c.command)
    .join(', ')})`;

export class Interactions {
  constructor(
    private readonly fake: FakeSlack,
    private readonly app: () => RunningApp,
    private readonly modals: ModalStacks,
    private readonly responses: EphemeralResponses,
  ) {}

  private get state() {
    return this.fake.state;
  }

  private user(id: unknown): FakeUser {
    const user = this.state.users.get(requireString(id, 'user'));
    if (!user || user.isBot) throw new HttpError(400, `unknown user ${String(id)}`);
    return user;
  }

  private channel(id: unknown, user: FakeUser) {
    const channel = this.state.channels.get(requireString(id, 'channel'));
    if (!channel) throw new HttpError(400, `unknown channel ${String(id)}`);
    if (!channel.members.includes(user.id)) throw new HttpError(403, `${user.id} is not in ${channel.id}`);
    return channel;
  }

  /** Everyone in the workspace, for turning `@名前` into `<@U…>` as Slack's client does. */
  private members(): Member[] {
    return [...this.state.users.values()].map((u) => ({ id: u.id, name: u.name, realName: u.realName }));
  }

  private channels(): ChannelRef[] {
    return [...this.state.channels.values()].filter((c) => !c.isIm).map((c) => ({ id: c.id, name: c.name }));
  }

  async command(req: CommandRequest): Promise<{ status: number }> {
    const user = this.user(req.user);
    const channel = this.channel(req.channel, user);
    const command = requireString(req.command, 'command');
    const declared = manifestCommands().find((c) => c.command === command);
    if (!declared) throw new HttpError(400, notACommand(command));
    const text = encodeCommandText(req.text ?? '', declared.shouldEscape, this.members(), this.channels());
    const sent = await this.app().slack.command(user.id, command, text, { channel: channel.id });
    const ack = (sent.json ?? {}) as { text?: unknown; blocks?: unknown };
    if (sent.status !== 200) {
      const text = `:warning: ${command} failed: http_${sent.status}`;
      pushEphemeral(this.fake, { channel: channel.id, user: user.id, text });
    } else if (typeof ack.text === 'string' || Array.isArray(ack.blocks)) {
      // Bolt may answer in the acknowledgement itself; Slack shows that as an ephemeral.
      const blocks = Array.isArray(ack.blocks) ? ack.blocks : undefined;
      const text = typeof ack.text === 'string' ? ack.text : '';
      pushEphemeral(this.fake, { channel: channel.id, user: user.id, text, ...(blocks ? { blocks } : {}) });
    }
    return { status: sent.status };
  }

  async message(req: MessageRequest): Promise<{ ts: string; status: number }> {
    const user = this.user(req.user);
    const channel = this.channel(req.channel, user);
    const text = encodeMessageText(requireString(req.text, 'text'), this.members(), this.channels());
    const parent = req.threadTs ? this.state.findMessage(channel.id, req.threadTs) : undefined;
    if (req.threadTs && !parent) throw new HttpError(400, 'thread not found');
    const ts = this.state.nextTs();
    this.state.messages.push({
      channel: channel.id,
      ts,
      user: user.id,
      text,
      ...(parent ? { threadTs: parent.ts } : {}),
    });
    this.fake.emit('change');
    const event = messageEvent({
      channel: channel.id,
      user: user.id,
      text,
      ts,
      isIm: channel.isIm,
      ...(parent ? { threadTs: parent.ts, parentUser: parent.user } : {}),
    });
    const sent = await this.app().slack.event(event);
    return { ts, status: sent.status };
  }

  async action(req: ActionRequest): Promise<{ status: number }> {
    const user = this.user(req.user);
    const blockId = requireString(req.blockId, 'blockId');
    const actionId = requireString(req.actionId, 'actionId');
    const slack = this.app().slack;
    const where = this.actionContext(user, req);
    const found = findElement(where.blocks, blockId, actionId);
    if (!found) throw new HttpError(404, `no element ${blockId}/${actionId} there`);
    const sent = await slack.interactive({
      type: 'block_actions',
      ...interactionBase(user, slack.nextTriggerId(user.id)),
      ...where.fields,
      actions: [actionOf(found.element, blockId, actionId, req.selected ?? null)],
    });
    return { status: sent.status };
  }

  private actionContext(
    user: FakeUser,
    req: ActionRequest,
  ): { blocks: ReturnType<typeof blocksOf>; fields: object } {
    const source = req.source;
    if (source?.kind === 'message') {
      const m = this.state.findMessage(source.channel, source.ts);
      if (!m) throw new HttpError(404, 'message not found');
      const blocks = blocksOf(m.blocks);
      const url = this.fake.newResponseUrl(m.channel, user.id, { channel: m.channel, ts: m.ts });
      return {
        blocks,
        fields: {
          container: { type: 'message', message_ts: m.ts, channel_id: m.channel, is_ephemeral: false },
          channel: { id: m.channel, name: this.state.channels.get(m.channel)?.name ?? m.channel },
          message: {
            type: 'message',
            user: m.user,
            ts: m.ts,
            text: m.text,
            blocks,
            ...(m.botId ? { bot_id: m.botId } : {}),
            ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
          },
          state: { values: stateValues(blocks, req.values) },
          response_url: url,
        },
      };
    }
    if (source?.kind === 'ephemeral') {
      const e = this.state.ephemerals.find((x) => x.id === source.id && x.user === user.id);
      if (!e) throw new HttpError(404, 'ephemeral message not found');
      const blocks = blocksOf(e.blocks);
      return {
        blocks,
        fields: {
          container: {
            type: 'message',
            message_ts: `${e.at / 1000}`,
            channel_id: e.channel,
            is_ephemeral: true,
          },
          channel: { id: e.channel, name: this.state.channels.get(e.channel)?.name ?? e.channel },
          state: { values: stateValues(blocks, req.values) },
          response_url: this.responses.urlFor(e.id),
        },
      };
    }
    if (source?.kind === 'view') {
      const view = this.viewFor(user.id, source.viewId);
      const position = this.modals.position(user.id, source.viewId);
      return {
        blocks: blocksOf(view.blocks),
        fields: {
          container: { type: 'view', view_id: source.viewId },
          view: viewPayload(source.viewId, view, req.values ?? {}, position, this.hashOf(source.viewId)),
        },
      };
    }
    throw new HttpError(400, 'source must be a message, an ephemeral or a view');
  }

  /** Home tabs are published per user (id VHOME<user>); modals live in the fake's views. */
  private viewFor(user: string, viewId: string): Record<string, unknown> {
    if (viewId === `VHOME${user}`) {
      const home = this.state.homes.get(user);
      if (home) return home;
    }
    const modal = this.state.views.get(viewId);
    if (!modal || modal.user !== user) throw new HttpError(404, 'view not found');
    return modal.view;
  }

  /** The hash the emulator issued for this version of a modal (views.update checks it); none for a Home. */
  private hashOf(viewId: string): string | undefined {
    return this.state.views.get(viewId)?.hash;
  }

  /**
   * A shortcut picked in the browser: with a message, the message's "…" menu (`message_action`); without,
   * the composer's "+" (`shortcut`). The emulator sends only shortcuts the manifest declares, as Slack.
   */
  async shortcut(req: ShortcutRequest): Promise<{ status: number }> {
    const user = this.user(req.user);
    const callbackId = requireString(req.callbackId, 'callbackId');
    const slack = this.app().slack;
    let sent: Awaited<ReturnType<typeof slack.globalShortcut>>;
    if (req.message) {
      const channel = this.channel(req.message.channel, user);
      const ts = requireString(req.message.ts, 'message.ts');
      if (!this.state.findMessage(channel.id, ts)) throw new HttpError(404, 'message not found');
      sent = await slack.messageShortcut(user.id, { channel: channel.id, ts }, callbackId);
    } else {
      sent = await slack.globalShortcut(user.id, callbackId);
    }
    const kind = req.message ? 'message' : 'global';
    if (!sent) throw new HttpError(400, `${callbackId} is not a ${kind} shortcut of the app's manifest`);
    return { status: sent.status };
  }

  async submitView(req: ViewSubmissionRequest): Promise<SubmissionOutcome> {
    const user = this.user(req.user);
    const viewId = requireString(req.viewId, 'viewId');
    const view = this.viewFor(user.id, viewId);
    const slack = this.app().slack;
    const sent = await slack.interactive({
      type: 'view_submission',
      ...interactionBase(user, slack.nextTriggerId(user.id)),
      view: viewPayload(
        viewId,
        view,
        req.values ?? {},
        this.modals.position(user.id, viewId),
        this.hashOf(viewId),
      ),
      response_urls: [],
    });
    return this.modals.applyResponse(user.id, viewId, sent.status, sent.json);
  }

  async closeView(req: ViewCloseRequest): Promise<void> {
    const user = this.user(req.user);
    const viewId = requireString(req.viewId, 'viewId');
    const view = this.viewFor(user.id, viewId);
    if (view.notify_on_close === true) {
      const slack = this.app().slack;
      await slack.interactive({
        type: 'view_closed',
        ...interactionBase(user, slack.nextTriggerId(user.id)),
        view: viewPayload(viewId, view, {}, this.modals.position(user.id, viewId), this.hashOf(viewId)),
        is_cleared: false,
      });
    }
    this.modals.close(user.id, viewId);
  }

  async homeOpened(userId: unknown, tab: 'home' | 'messages'): Promise<{ status: number }> {
    const user = this.user(userId);
    const home = this.state.homes.get(user.id);
    const event = homeOpenedEvent(
      user.id,
      this.state.imWith(user.id).id,
      tab,
      home && { id: `VHOME${user.id}`, ...home },
    );
    return { status: (await this.app().slack.event(event)).status };
  }
}
