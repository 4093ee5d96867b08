/**
 * The other half of the fake: Slack calling the app. Slash commands, Events API callbacks and
 * interactive payloads, signed with the app's signing secret (v0 HMAC) and POSTed over HTTP exactly as
 * Slack does — or, with `viaSocketMode` (sendPaths.ts), the same payloads as Socket Mode envelopes over
 * the app's WebSocket. Payload shapes: messageEvents.ts (message events), interactionPayloads.ts
 * (interactivity), functions.ts (workflow steps). Used by the e2e tests and by the sandbox UI.
 */
import { createHmac } from 'node:crypto';
import * as payloads from './interactionPayloads.js';
import { appManifest, type ManifestShortcut } from './manifest.js';
import {
  type ReplyOptions,
  storeBotMessage,
  storeChannelJoin,
  storeDeletion,
  storeEdit,
  storeThreadReply,
} from './messageEvents.js';
import { type Send, sendWithFetch } from './sendPaths.js';
import type { FakeSlack } from './server.js';
import { BOT_USER_ID, type FakeEphemeral, TEAM_ID } from './state.js';
import { undeliverable } from './subscriptions.js';
import { typeInto } from './viewState.js';

export const signRequest = (secret: string, timestamp: number, body: string): string =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

export type DeliveryResult = { status: number; body: string; json: unknown };

export { type Send, viaSocketMode } from './sendPaths.js';

export type PostOptions = {
  /** Seconds since epoch to sign with; defaults to now. */
  timestamp?: number;
  /** Override the signature (to test rejection). */
  signature?: string | null;
  headers?: Record<string, string>;
};

export class SlackToApp {
  private triggerCounter = 0;
  private eventCounter = 0;

  constructor(
    readonly fake: FakeSlack,
    readonly appUrl: string,
    readonly signingSecret: string,
    readonly apiAppId = 'A0DESK',
    private readonly send: Send = sendWithFetch,
  ) {}

  async post(body: string, contentType: string, opts: PostOptions = {}): Promise<DeliveryResult> {
    const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      ...opts.headers,
    };
    const signature =
      opts.signature === undefined ? signRequest(this.signingSecret, timestamp, body) : opts.signature;
    if (signature !== null) headers['x-slack-signature'] = signature;
    const { status, text } = await this.send(this.appUrl, { method: 'POST', headers, body });
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status, body: text, json };
  }

  /** A fresh trigger_id, recorded with its time on the emulator's clock (valid 3 s, once). */
  nextTriggerId(userId: string): string {
    this.triggerCounter += 1;
    const id = `${this.triggerCounter}.${userId}.trigger`;
    this.fake.triggers.issue(id, userId, this.fake.now());
    return id;
  }

  /** Sends a slash command; returns the HTTP result and the response_url the app will answer on. */
  async command(
    userId: string,
    command: string,
    text: string,
    opts: PostOptions & { channel?: string } = {},
  ): Promise<DeliveryResult & { responseUrl: string; triggerId: string }> {
    const channel = opts.channel ?? 'CGENERAL';
    const responseUrl = this.fake.newResponseUrl(channel, userId);
    const triggerId = this.nextTriggerId(userId);
    const form = new URLSearchParams({
      token: 'deprecated-verification-token',
      team_id: TEAM_ID,
      team_domain: 'supporters',
      channel_id: channel,
      channel_name: this.fake.state.channels.get(channel)?.name ?? 'general',
      user_id: userId,
      user_name: this.fake.state.users.get(userId)?.name ?? userId,
      command,
      text,
      api_app_id: this.apiAppId,
      is_enterprise_install: 'false',
      response_url: responseUrl,
      trigger_id: triggerId,
    });
    const result = await this.post(form.toString(), 'application/x-www-form-urlencoded', opts);
    return { ...result, responseUrl, triggerId };
  }

  /** Sends a slash command and waits for the app's answer on its response_url. */
  async ask(
    userId: string,
    command: string,
    text: string,
    opts: { channel?: string; timeoutMs?: number } = {},
  ): Promise<FakeEphemeral> {
    const before = this.fake.state.ephemerals.length;
    const sent = await this.command(userId, command, text, opts);
    if (sent.status !== 200) throw new Error(`app answered ${sent.status} to ${command} ${text}`);
    return this.fake.waitFor(
      () =>
        this.fake.state.ephemerals.slice(before).find((e) => e.user === userId && e.via === 'response_url'),
      opts.timeoutMs ?? 5000,
      `a reply to ${command} ${text}`,
    );
  }

  /** An Events API callback. Returns the event_id used, so a test can send the same one again. */
  async event(
    event: Record<string, unknown>,
    opts: PostOptions & { eventId?: string; retryNum?: number } = {},
  ): Promise<DeliveryResult & { eventId: string }> {
    const refused = undeliverable(this.fake.state, appManifest().botEvents, BOT_USER_ID, event);
    if (refused) throw new Error(`Slack would not send this event: ${refused}`);
    this.eventCounter += 1;
    const eventId = opts.eventId ?? `Ev${Date.now().toString(36).toUpperCase()}${this.eventCounter}`;
    const body = JSON.stringify({
      token: 'deprecated-verification-token',
      team_id: TEAM_ID,
      api_app_id: this.apiAppId,
      event: { event_ts: `${Date.now() / 1000}`, ...event },
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: TEAM_ID, user_id: 'UBOTDESK', is_bot: true, is_enterprise_install: false }],
    });
    const headers = { ...opts.headers };
    let timestamp = opts.timestamp;
    if (opts.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(opts.retryNum);
      headers['x-slack-retry-reason'] = 'http_timeout';
      // A retry is a new request, sent after the first timed out: its own timestamp, so its own signature
      // (https://api.slack.com/apis/events-api#retries). Without this a retry in the same second would be
      // refused as a replay of the first.
      timestamp ??= Math.floor(Date.now() / 1000) + opts.retryNum;
    }
    const result = await this.post(body, 'application/json', {
      ...opts,
      headers,
      ...(timestamp !== undefined ? { timestamp } : {}),
    });
    return { ...result, eventId };
  }

  /**
   * A user's reply in a thread, stored in the fake (so conversations.replies shows it) and sent as the
   * `message` event Slack sends: plain, `thread_broadcast` or `file_share` (emulator/messageEvents.ts).
   */
  async threadReply(
    user: string,
    channel: string,
    threadTs: string,
    text: string,
    opts: ReplyOptions & PostOptions & { eventId?: string } = {},
  ): Promise<DeliveryResult & { eventId: string; ts: string; event: Record<string, unknown> }> {
    const event = storeThreadReply(this.fake.state, user, channel, threadTs, text, opts);
    this.fake.emit('change');
    return { ...(await this.event(event, opts)), ts: String(event.ts), event };
  }

  /** A user edits a message: the fake changes it and the app gets `message_changed`. */
  editMessage(channel: string, ts: string, text: string, opts: PostOptions = {}) {
    return this.event(storeEdit(this.fake.state, channel, ts, text), opts);
  }

  /** A message is deleted: the fake drops it and the app gets `message_deleted`. */
  deleteMessage(channel: string, ts: string, opts: PostOptions = {}) {
    return this.event(storeDeletion(this.fake.state, channel, ts), opts);
  }

  /** Another integration posts (subtype `bot_message`), optionally in a thread. */
  botMessage(botId: string, channel: string, text: string, threadTs?: string, opts: PostOptions = {}) {
    return this.event(storeBotMessage(this.fake.state, botId, channel, text, threadTs), opts);
  }

  /** Someone joins a channel: Slack posts (and sends) a `channel_join` message. */
  channelJoin(user: string, channel: string, opts: PostOptions = {}) {
    return this.event(storeChannelJoin(this.fake.state, user, channel), opts);
  }

  /** An interactive payload (block_actions, view_submission, view_closed, shortcut). */
  interactive(payload: Record<string, unknown>, opts: PostOptions = {}): Promise<DeliveryResult> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.post(body, 'application/x-www-form-urlencoded', opts);
  }

  /** A button click on a message (or in the Home tab / a modal when `container` says so). */
  blockAction(
    userId: string,
    action: { actionId: string; value?: string; blockId?: string },
    where: { channel?: string; messageTs?: string; viewId?: string } = {},
  ): Promise<DeliveryResult> {
    const message =
      where.channel && where.messageTs
        ? this.fake.state.findMessage(where.channel, where.messageTs)
        : undefined;
    const responseUrl = where.channel
      ? this.fake.newResponseUrl(
          where.channel,
          userId,
          message ? { channel: message.channel, ts: message.ts } : undefined,
        )
      : undefined;
    const view = where.viewId ? this.fake.state.views.get(where.viewId) : undefined;
    return this.interactive(
      payloads.buttonClick(
        this.actor(userId),
        action,
        {
          ...where,
          ...(message ? { message } : {}),
          ...(view ? { view } : {}),
          ...(responseUrl ? { responseUrl } : {}),
        },
        `${Date.now() / 1000}`,
      ),
    );
  }

  /** The acting user, their team and the app, with a fresh trigger_id (valid 3 s, once). */
  private actor(userId: string): payloads.Actor {
    return { state: this.fake.state, userId, apiAppId: this.apiAppId, triggerId: this.nextTriggerId(userId) };
  }

  /**
   * A Workflow Builder step of the app runs (emulator/functions.ts): the `function_executed` event, in the
   * event_callback envelope like any event, with a workflow token valid until the step completes. Slack runs
   * only steps the app declares in `functions:` and sends the event only to an app subscribed to
   * `function_executed` (https://api.slack.com/events/function_executed; bolt-js docs "Custom steps for
   * Workflow Builder (existing app)"), so anything else sends nothing (`undefined`). `userId` is who ran the
   * workflow (kept with the execution; the event itself names no user).
   */
  async runFunction(
    callbackId: string,
    inputs: Record<string, unknown>,
    opts: PostOptions & { userId?: string } = {},
  ): Promise<
    | (DeliveryResult & { eventId: string; functionExecutionId: string; event: Record<string, unknown> })
    | undefined
  > {
    const definition = appManifest().functions[callbackId];
    if (!definition || !appManifest().botEvents.includes('function_executed')) return undefined;
    const event = this.fake.functions.start(callbackId, definition, inputs, {
      apiAppId: this.apiAppId,
      ...(opts.userId ? { runBy: opts.userId } : {}),
    });
    const sent = await this.event(event, opts);
    return { ...sent, functionExecutionId: String(event.function_execution_id), event };
  }

  /**
   * Slack sends a shortcut only for one the app declares: the user picks it from the message's "…" menu or
   * the composer's "+", which list the app's `features.shortcuts` (https://api.slack.com/reference/manifests,
   * https://api.slack.com/interactivity/shortcuts). So a callback_id of the other type, or none in the
   * manifest, sends nothing (`undefined`), as with typeInModal.
   */
  private declaredShortcut(callbackId: string, type: ManifestShortcut['type']): boolean {
    return appManifest().shortcuts.some((s) => s.callbackId === callbackId && s.type === type);
  }

  /**
   * A message shortcut on a stored message: the `message_action` payload
   * (https://api.slack.com/reference/interaction-payloads/shortcuts#message_actions) with the message
   * (its text as Slack stores it, entities escaped), channel, a response_url for that channel and a fresh
   * trigger_id (valid 3 s, once, like every trigger_id here).
   */
  async messageShortcut(
    userId: string,
    message: { channel: string; ts: string },
    callbackId: string,
  ): Promise<DeliveryResult | undefined> {
    if (!this.declaredShortcut(callbackId, 'message')) return undefined;
    const stored = this.fake.state.findMessage(message.channel, message.ts);
    if (!stored) throw new Error(`no message ${message.channel}/${message.ts}`);
    const responseUrl = this.fake.newResponseUrl(stored.channel, userId);
    return this.interactive(
      payloads.messageAction(
        this.actor(userId),
        stored,
        callbackId,
        responseUrl,
        `${this.fake.now() / 1000}`,
      ),
    );
  }

  /**
   * A global shortcut: the `shortcut` payload, with no channel and no response_url
   * (https://api.slack.com/reference/interaction-payloads/shortcuts#global_shortcuts), and a fresh trigger_id.
   */
  async globalShortcut(userId: string, callbackId: string): Promise<DeliveryResult | undefined> {
    if (!this.declaredShortcut(callbackId, 'global')) return undefined;
    return this.interactive(
      payloads.globalShortcut(this.actor(userId), callbackId, `${this.fake.now() / 1000}`),
    );
  }

  /**
   * The user types into (or picks in) an input of an open modal: the emulator's view remembers the value
   * (it is in `state.values` from now on, and survives a views.update that keeps the element), and when
   * the input block has `dispatch_action: true` Slack sends block_actions at once
   * (https://api.slack.com/reference/block-kit/blocks#input, `dispatch_action`). A plain_text_input sends
   * only for the triggers its `dispatch_action_config.trigger_actions_on` names; `on_character_entered` is
   * "dispatched when a character is entered (or removed)", modelled as one payload per call here (the docs
   * don't say whether Slack batches keystrokes); `on_enter_pressed` never fires from typed text, and is what
   * Slack assumes without a config (docs silent; Block Kit Builder shows the enter hint then). The payload
   * carries `container: {type: 'view'}` and the view with its id, current hash, state and private_metadata
   * (https://api.slack.com/reference/interaction-payloads/block-actions). Answers `undefined` when Slack
   * would send nothing. `hash` / `actionTs` let a test replay a keystroke sent before the last update.
   */
  async typeInModal(
    userId: string,
    viewId: string,
    input: { blockId: string; actionId: string; value: string | { value: string; text?: string } },
    opts: { hash?: string; actionTs?: string } = {},
  ): Promise<DeliveryResult | undefined> {
    const fv = this.fake.state.views.get(viewId);
    if (!fv) throw new Error(`no open view ${viewId}`);
    const block = (fv.view.blocks as Array<Record<string, unknown>> | undefined)?.find(
      (b) => b.block_id === input.blockId,
    );
    const element = block?.element as Record<string, unknown> | undefined;
    if (!block || element?.action_id !== input.actionId) throw new Error(`no input ${input.blockId}`);
    const state =
      typeof input.value === 'string'
        ? { type: element.type, value: input.value }
        : {
            type: element.type,
            selected_option: {
              text: { type: 'plain_text', text: input.value.text ?? input.value.value },
              value: input.value.value,
            },
          };
    typeInto(this.fake.state, viewId, input.blockId, input.actionId, state);
    const triggers = (element.dispatch_action_config as { trigger_actions_on?: string[] } | undefined)
      ?.trigger_actions_on ?? ['on_enter_pressed'];
    const sends =
      block.dispatch_action === true &&
      (element.type !== 'plain_text_input' || triggers.includes('on_character_entered'));
    if (!sends) return undefined;
    return this.interactive(
      payloads.modalInputAction(
        this.actor(userId),
        fv,
        { blockId: input.blockId, actionId: input.actionId, state },
        {
          ...(opts.hash !== undefined ? { hash: opts.hash } : {}),
          actionTs: opts.actionTs ?? `${this.fake.now() / 1000}`,
        },
      ),
    );
  }

  /**
   * Submits a modal. `values` maps block_id → action_id → the state value object Slack would send, e.g.
   * `{ entries: { entries: { type: 'plain_text_input', value: '12/3 19:00' } } }`.
   */
  viewSubmission(
    userId: string,
    view: { id?: string; callbackId: string; privateMetadata?: string },
    values: Record<string, Record<string, Record<string, unknown>>>,
  ): Promise<DeliveryResult> {
    return this.interactive(payloads.viewSubmission(this.actor(userId), view, values));
  }
}
