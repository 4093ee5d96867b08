/**
 * A modal's state as Slack keeps it between the app's calls: its `hash`, what the user has typed, and the
 * view object Slack answers views.open / views.push / views.update with and sends inside block_actions.
 *
 * - Every answer carries the view with `id`, `hash` and `state` (views.update's example response,
 *   https://api.slack.com/methods/views.update, and slack_web_openapi_v2.json /views.update 200 example).
 * - `hash`: "A string that represents view state to protect against possible race conditions"; a hash that
 *   doesn't match the stored one is refused with `hash_conflict` ("Error returned when the provided `hash`
 *   doesn't match the current stored value", views.update errors). The docs don't say what changes it; the
 *   emulator issues a new one whenever the app replaces the view (typing doesn't change it).
 * - "Data entered or selected in input blocks can be preserved while updating views. The new view … should
 *   contain the same input blocks and elements with identical block_id and action_id values"
 *   (https://api.slack.com/reference/surfaces/views, "Preserving input entry"): values of elements that
 *   are still there survive an update, the others are dropped.
 */
import { BOT_ID, type FakeState, type FakeView, TEAM_ID, type ViewValues } from './state.js';

export const APP_ID = 'A0DESK';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The input blocks' elements of a view: block_id → action_id → element. */
const inputElements = (view: Obj): Map<string, Map<string, Obj>> => {
  const out = new Map<string, Map<string, Obj>>();
  for (const block of Array.isArray(view.blocks) ? view.blocks : []) {
    if (!isObj(block) || block.type !== 'input' || !isObj(block.element)) continue;
    const blockId = typeof block.block_id === 'string' ? block.block_id : undefined;
    const actionId = block.element.action_id;
    if (!blockId || typeof actionId !== 'string') continue;
    out.set(blockId, new Map([[actionId, block.element]]));
  }
  return out;
};

/** What an untouched element holds: its initial value (block-elements: initial_value, initial_option). */
const initialState = (element: Obj): Obj => {
  if (element.type === 'plain_text_input') {
    return {
      type: element.type,
      value: typeof element.initial_value === 'string' ? element.initial_value : null,
    };
  }
  if (element.type === 'static_select') {
    return {
      type: element.type,
      selected_option: isObj(element.initial_option) ? element.initial_option : null,
    };
  }
  return { type: element.type };
};

/** `state.values` as Slack sends it: every input element, typed values over initial ones. */
export const stateValues = (fv: FakeView): ViewValues => {
  const values: ViewValues = {};
  for (const [blockId, actions] of inputElements(fv.view)) {
    for (const [actionId, element] of actions) {
      values[blockId] = {
        ...values[blockId],
        [actionId]: fv.values?.[blockId]?.[actionId] ?? initialState(element),
      };
    }
  }
  return values;
};

/** The typed values that survive replacing the view with `next` (same block_id and action_id). */
export const preservedValues = (fv: FakeView, next: Obj): ViewValues => {
  const kept: ViewValues = {};
  const elements = inputElements(next);
  for (const [blockId, actions] of Object.entries(fv.values ?? {})) {
    for (const [actionId, value] of Object.entries(actions)) {
      if (elements.get(blockId)?.has(actionId)) kept[blockId] = { ...kept[blockId], [actionId]: value };
    }
  }
  return kept;
};

/** The view object of an API answer or an interaction payload. */
export const viewWire = (fv: FakeView): Obj => ({
  team_id: TEAM_ID,
  private_metadata: '',
  callback_id: '',
  external_id: '',
  clear_on_close: false,
  notify_on_close: false,
  ...fv.view,
  id: fv.id,
  state: { values: stateValues(fv) },
  hash: fv.hash ?? '',
  app_id: APP_ID,
  bot_id: BOT_ID,
});

/** views.update's hash check: a given hash must be the stored one. */
export const hashConflict = (fv: FakeView, hash: unknown): boolean =>
  typeof hash === 'string' && hash !== '' && hash !== fv.hash;

/** Records a keystroke or a pick in a modal (what the user sees in the field from now on). */
export const typeInto = (state: FakeState, viewId: string, blockId: string, actionId: string, value: Obj) => {
  const fv = state.views.get(viewId);
  if (!fv) throw new Error(`no view ${viewId}`);
  fv.values = { ...fv.values, [blockId]: { ...fv.values?.[blockId], [actionId]: value } };
  return fv;
};
