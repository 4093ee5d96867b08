/**
 * The interaction payloads Slack posts to the app's request URL, built from the emulator's state
 * (https://api.slack.com/reference/interaction-payloads): block_actions, message_action (message shortcut),
 * shortcut (global shortcut) and view_submission. Every one names the acting user, their team and the app
 * the same way; SlackToApp (deliver.ts) issues their trigger_ids and response_urls and sends them.
 */
import type { FakeMessage, FakeState, FakeView } from './state.js';
import { TEAM_ID } from './state.js';
import { viewWire } from './viewState.js';

/** Who acts and for which app: the part every interaction payload shares. */
export type Actor = { state: FakeState; userId: string; apiAppId: string; triggerId: string };

const envelope = (a: Actor) => ({
  team: { id: TEAM_ID, domain: 'supporters' },
  user: { id: a.userId, username: a.state.users.get(a.userId)?.name ?? a.userId, team_id: TEAM_ID },
  api_app_id: a.apiAppId,
  trigger_id: a.triggerId,
});

/** A button click on a message, in the Home tab or in a modal (`container` says which). */
export const buttonClick = (
  a: Actor,
  action: { actionId: string; value?: string; blockId?: string },
  where: { channel?: string; message?: FakeMessage; view?: FakeView; viewId?: string; responseUrl?: string },
  actionTs: string,
) => {
  const { message, view } = where;
  return {
    type: 'block_actions',
    ...envelope(a),
    container: message
      ? { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false }
      : where.viewId
        ? { type: 'view', view_id: where.viewId }
        : { type: 'message', is_ephemeral: true, channel_id: where.channel },
    ...(where.channel ? { channel: { id: where.channel, name: where.channel } } : {}),
    ...(message ? { message: { ts: message.ts, text: message.text, blocks: message.blocks ?? [] } } : {}),
    ...(view ? { view: viewWire(view) } : {}),
    ...(where.responseUrl ? { response_url: where.responseUrl } : {}),
    actions: [
      {
        type: 'button',
        action_id: action.actionId,
        block_id: action.blockId ?? 'b',
        value: action.value ?? '',
        action_ts: actionTs,
      },
    ],
  };
};

/** An input with dispatch_action in an open modal: block_actions with the view (its id, hash, state). */
export const modalInputAction = (
  a: Actor,
  view: FakeView,
  action: { blockId: string; actionId: string; state: Record<string, unknown> },
  opts: { hash?: string; actionTs: string },
) => ({
  type: 'block_actions',
  ...envelope(a),
  container: { type: 'view', view_id: view.id },
  view: { ...viewWire(view), ...(opts.hash !== undefined ? { hash: opts.hash } : {}) },
  actions: [
    { ...action.state, block_id: action.blockId, action_id: action.actionId, action_ts: opts.actionTs },
  ],
});

/**
 * A message shortcut on a stored message: `message_action`
 * (https://api.slack.com/reference/interaction-payloads/shortcuts#message_actions) with the message (its
 * text as Slack stores it, entities escaped), its channel and a response_url for that channel.
 */
export const messageAction = (
  a: Actor,
  stored: FakeMessage,
  callbackId: string,
  responseUrl: string,
  actionTs: string,
) => ({
  type: 'message_action',
  token: 'deprecated-verification-token',
  action_ts: actionTs,
  ...envelope(a),
  channel: { id: stored.channel, name: a.state.channels.get(stored.channel)?.name ?? stored.channel },
  callback_id: callbackId,
  message_ts: stored.ts,
  message: {
    type: 'message',
    ...(stored.user ? { user: stored.user } : {}),
    ts: stored.ts,
    text: stored.text,
    ...(stored.threadTs ? { thread_ts: stored.threadTs } : {}),
  },
  response_url: responseUrl,
  is_enterprise_install: false,
});

/** A global shortcut: `shortcut`, with no channel and no response_url (…/shortcuts#global_shortcuts). */
export const globalShortcut = (a: Actor, callbackId: string, actionTs: string) => ({
  type: 'shortcut',
  token: 'deprecated-verification-token',
  action_ts: actionTs,
  ...envelope(a),
  callback_id: callbackId,
  is_enterprise_install: false,
});

/** A modal submitted with `values` (block_id → action_id → state value object). */
export const viewSubmission = (
  a: Actor,
  view: { id?: string; callbackId: string; privateMetadata?: string },
  values: Record<string, Record<string, Record<string, unknown>>>,
) => ({
  type: 'view_submission',
  ...envelope(a),
  view: {
    id: view.id ?? 'VSUBMIT',
    type: 'modal',
    callback_id: view.callbackId,
    private_metadata: view.privateMetadata ?? '',
    state: { values },
    hash: 'h',
  },
  response_urls: [],
});
