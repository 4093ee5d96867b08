/**
 * Slack's payload shapes, built from the blocks the app sent and what the user chose in the browser:
 * `state.values`, `block_actions`, `view_submission`, `view_closed`, message and app_home_opened events.
 */
import { BOT_ID, BOT_USER_ID, type FakeUser, TEAM_ID } from '../emulator/state.js';
import { blockIdOf, blocksOf, elementsOf, isBlock } from './shared/ids.js';
import type { Block, RawValue, RawValues } from './shared/types.js';

export const API_APP_ID = 'A0DESK';
const TEAM = { id: TEAM_ID, domain: 'supporters' };

type Option = { text: unknown; value: string; description?: unknown };

const optionsOf = (element: Block): Option[] => {
  const flat = (list: unknown): Option[] => (Array.isArray(list) ? (list as Option[]) : []);
  const groups = Array.isArray(element.option_groups)
    ? (element.option_groups as Array<{ options?: unknown }>)
    : [];
  return [...flat(element.options), ...groups.flatMap((g) => flat(g.options))];
};

const pickOption = (element: Block, value: string): Option | null => {
  const found = optionsOf(element).find((o) => o.value === value);
  if (!found) return null;
  return {
    text: found.text,
    value: found.value,
    ...(found.description ? { description: found.description } : {}),
  };
};

const asList = (raw: RawValue): string[] => (Array.isArray(raw) ? raw : raw ? [raw] : []);
const asOne = (raw: RawValue): string | null => (Array.isArray(raw) ? (raw[0] ?? null) : raw || null);

/** One element's entry in `state.values` (and the selection part of an action), as Slack shapes it. */
export const stateValue = (element: Block, raw: RawValue): Record<string, unknown> => {
  const type = element.type;
  const one = asOne(raw);
  switch (type) {
    case 'datepicker':
      return { type, selected_date: one };
    case 'timepicker':
      return { type, selected_time: one };
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
    case 'overflow':
      return { type, selected_option: one === null ? null : pickOption(element, one) };
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return {
        type,
        selected_options: asList(raw)
          .map((v) => pickOption(element, v))
          .filter((o) => o !== null),
      };
    case 'users_select':
      return { type, selected_user: one };
    case 'multi_users_select':
      return { type, selected_users: asList(raw) };
    case 'conversations_select':
      return { type, selected_conversation: one };
    case 'channels_select':
      return { type, selected_channel: one };
    default:
      return { type, value: one };
  }
};

const STATELESS = new Set(['button', 'overflow', 'image', 'workflow_button']);

/**
 * `state.values` for a set of blocks: every input block's element (empty ones too, like Slack), plus any
 * other stateful element the user touched (selects in actions blocks or accessories).
 */
export const stateValues = (
  blocks: Block[],
  raw: RawValues = {},
): Record<string, Record<string, unknown>> => {
  const values: Record<string, Record<string, unknown>> = {};
  blocks.forEach((block, index) => {
    const blockId = blockIdOf(block, index);
    for (const { element, actionId } of elementsOf(block)) {
      if (STATELESS.has(element.type)) continue;
      const given = raw[blockId]?.[actionId];
      if (block.type !== 'input' && given === undefined) continue;
      values[blockId] ??= {};
      values[blockId][actionId] = stateValue(element, given ?? initialRaw(element));
    }
  });
  return values;
};

/** What an element holds before the user touches it (its initial_* field). */
export const initialRaw = (element: Block): RawValue => {
  const v = (key: string) => (typeof element[key] === 'string' ? (element[key] as string) : null);
  const opt = (o: unknown) => (o && typeof o === 'object' ? String((o as Option).value) : null);
  if (Array.isArray(element.initial_options))
    return element.initial_options.map(opt).filter((x) => x !== null);
  if (Array.isArray(element.initial_users)) return element.initial_users as string[];
  return (
    opt(element.initial_option) ??
    v('initial_value') ??
    v('initial_date') ??
    v('initial_time') ??
    v('initial_user') ??
    v('initial_conversation') ??
    v('initial_channel')
  );
};

export const findElement = (
  blocks: Block[],
  blockId: string,
  actionId: string,
): { block: Block; element: Block } | undefined => {
  for (const [index, block] of blocks.entries()) {
    if (blockIdOf(block, index) !== blockId) continue;
    const hit = elementsOf(block).find((e) => e.actionId === actionId);
    if (hit) return { block, element: hit.element };
  }
  return undefined;
};

/** The `actions[0]` of a block_actions payload. */
export const actionOf = (element: Block, blockId: string, actionId: string, selected: RawValue) => {
  const base = { block_id: blockId, action_id: actionId, action_ts: `${Date.now() / 1000}` };
  if (element.type === 'button') {
    return {
      ...base,
      type: 'button',
      text: element.text,
      ...(typeof element.value === 'string' ? { value: element.value } : {}),
      ...(element.style ? { style: element.style } : {}),
    };
  }
  return { ...base, ...stateValue(element, selected) };
};

export const userRef = (user: FakeUser) => ({
  id: user.id,
  username: user.name,
  name: user.name,
  team_id: TEAM_ID,
});

/**
 * A view as Slack sends it back inside interaction payloads. `hash` is the one the emulator issued for
 * this version of the view (emulator/viewState.ts), so the app's views.update with it lands and an older
 * one gets `hash_conflict`, as in Slack; a Home tab has none of its own, so it gets a stand-in.
 */
export const viewPayload = (
  id: string,
  view: Record<string, unknown>,
  raw: RawValues,
  stack: { root: string; previous: string | null },
  hash?: string,
) => ({
  id,
  team_id: TEAM_ID,
  type: view.type,
  private_metadata: '',
  callback_id: '',
  external_id: '',
  clear_on_close: false,
  notify_on_close: false,
  ...view,
  blocks: blocksOf(view.blocks),
  state: { values: stateValues(blocksOf(view.blocks), raw) },
  hash: hash ?? `${id}.${Buffer.from(JSON.stringify(view)).length}`,
  previous_view_id: stack.previous,
  root_view_id: stack.root,
  app_id: API_APP_ID,
  app_installed_team_id: TEAM_ID,
  bot_id: BOT_ID,
});

export const interactionBase = (user: FakeUser, triggerId: string) => ({
  token: 'deprecated-verification-token',
  team: TEAM,
  user: userRef(user),
  api_app_id: API_APP_ID,
  trigger_id: triggerId,
  is_enterprise_install: false,
  enterprise: null,
});

/** A user's message as Slack's Events API delivers it. */
export const messageEvent = (m: {
  channel: string;
  user: string;
  text: string;
  ts: string;
  threadTs?: string;
  parentUser?: string;
  isIm: boolean;
}) => ({
  type: 'message',
  channel: m.channel,
  user: m.user,
  text: m.text,
  ts: m.ts,
  event_ts: m.ts,
  team: TEAM_ID,
  channel_type: m.isIm ? 'im' : 'channel',
  client_msg_id: crypto.randomUUID(),
  blocks: [
    {
      type: 'rich_text',
      block_id: m.ts.replace('.', ''),
      elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: m.text }] }],
    },
  ],
  ...(m.threadTs ? { thread_ts: m.threadTs, parent_user_id: m.parentUser ?? BOT_USER_ID } : {}),
});

export const homeOpenedEvent = (user: string, channel: string, tab: 'home' | 'messages', view?: unknown) => ({
  type: 'app_home_opened',
  user,
  channel,
  tab,
  event_ts: `${Date.now() / 1000}`,
  ...(tab === 'home' && isBlock(view) ? { view } : {}),
});
