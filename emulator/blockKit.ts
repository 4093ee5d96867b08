/**
 * Block Kit validation as Slack applies it to chat.postMessage / postEphemeral / update, response_url
 * bodies and views.open / push / update / publish. Limits come from the Block Kit reference:
 *   blocks:              https://api.slack.com/reference/block-kit/blocks
 *   text, option:        https://api.slack.com/reference/block-kit/composition-objects
 *   buttons, selects…:   https://api.slack.com/reference/block-kit/block-elements
 *   views:               https://api.slack.com/reference/surfaces/views
 * Each problem is reported as Slack words it in `response_metadata.messages`:
 * `[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]` (the pointer is relative
 * to the request argument, `/blocks/…` for messages, `/view/…` for views). The exact wording of Slack's
 * messages is not documented; the shape (`[ERROR] … [json-pointer:…]`) is what Slack answers.
 */

type Obj = Record<string, unknown>;
export type Surface = 'message' | 'modal' | 'home';

/** ≤ 50 blocks in a message, ≤ 100 in a modal or Home tab (reference/block-kit/blocks). */
const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Problems {
  readonly list: string[] = [];
  /** Records a problem; false, so a check can `return p.add(…)` when nothing more is worth checking. */
  add(pointer: string, what: string): false {
    this.list.push(`[ERROR] ${what} [json-pointer:${pointer}]`);
    return false;
  }
  maxLen(pointer: string, v: unknown, max: number): void {
    if (typeof v === 'string' && v.length > max) this.add(pointer, `must be less than ${max + 1} characters`);
  }
}

/**
 * A text object (composition-objects#text): `plain_text` or `mrkdwn` (or only `plain_text` where the
 * field says so), non-empty text (min 1 character), at most `max` characters.
 */
const text = (p: Problems, at: string, v: unknown, opts: { max: number; plainOnly?: boolean }): boolean => {
  if (!isObj(v)) return p.add(at, 'must be a text object');
  if (v.type !== 'plain_text' && v.type !== 'mrkdwn')
    return p.add(`${at}/type`, 'must be plain_text or mrkdwn');
  if (opts.plainOnly && v.type !== 'plain_text') p.add(`${at}/type`, 'must be plain_text');
  if (typeof v.text !== 'string' || v.text.length === 0)
    return p.add(`${at}/text`, 'must be more than 0 characters');
  p.maxLen(`${at}/text`, v.text, opts.max);
  return true;
};

/** option (composition-objects#option): text ≤ 75 (plain_text in selects), value ≤ 150. */
const option = (p: Problems, at: string, v: unknown): boolean => {
  if (!isObj(v)) return p.add(at, 'must be an option object');
  text(p, `${at}/text`, v.text, { max: 75, plainOnly: true });
  if (typeof v.value !== 'string' || v.value === '') p.add(`${at}/value`, 'must be provided');
  p.maxLen(`${at}/value`, v.value, 150);
  return true;
};

const SELECTS = new Set(['static_select', 'multi_static_select']);
const INPUT_ELEMENTS = new Set([
  'plain_text_input',
  'datepicker',
  'timepicker',
  'datetimepicker',
  'number_input',
  'users_select',
  'multi_users_select',
  'conversations_select',
  'channels_select',
  'checkboxes',
  'radio_buttons',
  'email_text_input',
  'url_text_input',
  ...SELECTS,
]);

/** An interactive element (block-elements): action_id ≤ 255 everywhere, then its own limits. */
const element = (p: Problems, at: string, v: unknown): boolean => {
  if (!isObj(v)) return p.add(at, 'must be an element object');
  p.maxLen(`${at}/action_id`, v.action_id, 255);
  if (v.placeholder !== undefined) text(p, `${at}/placeholder`, v.placeholder, { max: 150, plainOnly: true });
  if (v.type === 'button') {
    // block-elements#button: text plain_text ≤ 75, value ≤ 2000, url ≤ 3000.
    text(p, `${at}/text`, v.text, { max: 75, plainOnly: true });
    p.maxLen(`${at}/value`, v.value, 2000);
    p.maxLen(`${at}/url`, v.url, 3000);
  } else if (SELECTS.has(String(v.type))) {
    // block-elements#static_select: options ≤ 100 (or option_groups).
    const options = v.options;
    if (!Array.isArray(options) && !Array.isArray(v.option_groups))
      p.add(`${at}/options`, 'must be provided');
    if (Array.isArray(options)) {
      if (options.length > 100) p.add(`${at}/options`, 'must contain at most 100 items');
      for (const [i, o] of options.entries()) option(p, `${at}/options/${i}`, o);
    }
    if (v.initial_option !== undefined) option(p, `${at}/initial_option`, v.initial_option);
  } else if (v.type === 'plain_text_input') {
    // block-elements#input: max_length ≤ 3000.
    if (typeof v.max_length === 'number' && v.max_length > 3000) {
      p.add(`${at}/max_length`, 'must be less than or equal to 3000');
    }
  } else if (v.type !== 'image' && v.type !== 'overflow' && !INPUT_ELEMENTS.has(String(v.type))) {
    p.add(`${at}/type`, `unsupported element type ${String(v.type)}`);
  }
  return true;
};

const block = (p: Problems, at: string, v: unknown, ids: Set<string>): boolean => {
  if (!isObj(v)) return p.add(at, 'must be a block object');
  // block_id ≤ 255 and unique within a message or view (reference/block-kit/blocks, every block type).
  if (typeof v.block_id === 'string') {
    p.maxLen(`${at}/block_id`, v.block_id, 255);
    if (ids.has(v.block_id)) p.add(`${at}/block_id`, `duplicate block_id ${v.block_id}`);
    ids.add(v.block_id);
  }
  switch (v.type) {
    case 'section': {
      // blocks#section: text ≤ 3000; fields ≤ 10 items of ≤ 2000; text or fields required.
      if (v.text === undefined && v.fields === undefined) p.add(at, 'must provide text or fields');
      if (v.text !== undefined) text(p, `${at}/text`, v.text, { max: 3000 });
      if (Array.isArray(v.fields)) {
        if (v.fields.length > 10) p.add(`${at}/fields`, 'must contain at most 10 items');
        for (const [i, f] of v.fields.entries()) text(p, `${at}/fields/${i}`, f, { max: 2000 });
      }
      if (v.accessory !== undefined) element(p, `${at}/accessory`, v.accessory);
      return true;
    }
    case 'header':
      // blocks#header: text plain_text ≤ 150.
      return text(p, `${at}/text`, v.text, { max: 150, plainOnly: true });
    case 'context': {
      // blocks#context: 1–10 elements (images or text objects).
      const els = Array.isArray(v.elements) ? v.elements : [];
      if (els.length === 0) p.add(`${at}/elements`, 'must contain at least 1 item');
      if (els.length > 10) p.add(`${at}/elements`, 'must contain at most 10 items');
      for (const [i, e] of els.entries()) {
        if (!isObj(e) || e.type !== 'image') text(p, `${at}/elements/${i}`, e, { max: 3000 });
      }
      return true;
    }
    case 'actions': {
      // blocks#actions: 1–25 elements.
      const els = Array.isArray(v.elements) ? v.elements : [];
      if (els.length === 0) p.add(`${at}/elements`, 'must contain at least 1 item');
      if (els.length > 25) p.add(`${at}/elements`, 'must contain at most 25 items');
      for (const [i, e] of els.entries()) element(p, `${at}/elements/${i}`, e);
      return true;
    }
    case 'input':
      // blocks#input: label plain_text ≤ 2000, hint plain_text ≤ 2000, one input element.
      text(p, `${at}/label`, v.label, { max: 2000, plainOnly: true });
      if (v.hint !== undefined) text(p, `${at}/hint`, v.hint, { max: 2000, plainOnly: true });
      if (!isObj(v.element) || !INPUT_ELEMENTS.has(String(v.element.type))) {
        return p.add(`${at}/element`, 'must be an input element');
      }
      return element(p, `${at}/element`, v.element);
    case 'divider':
    case 'image':
    case 'rich_text':
      return true;
    default:
      return p.add(`${at}/type`, `unsupported block type ${String(v.type)}`);
  }
};

/** Problems with a `blocks` array on a surface; `base` is its JSON pointer (`/blocks`, `/view/blocks`). */
export const blockProblems = (blocks: unknown, surface: Surface, base = '/blocks'): string[] => {
  const p = new Problems();
  if (!Array.isArray(blocks)) {
    p.add(base, 'must be an array');
    return p.list;
  }
  if (blocks.length > MAX_BLOCKS[surface]) {
    p.add(base, `must contain at most ${MAX_BLOCKS[surface]} items`);
  }
  const ids = new Set<string>();
  for (const [i, b] of blocks.entries()) block(p, `${base}/${i}`, b, ids);
  return p.list;
};

/**
 * Problems with a view (reference/surfaces/views): a modal's title ≤ 24 (required), submit and close
 * ≤ 24 (plain_text), submit required when it has input blocks; private_metadata ≤ 3000 and
 * callback_id ≤ 255 on both modals and Home tabs; then its blocks.
 */
export const viewProblems = (view: unknown, expected?: 'modal' | 'home'): string[] => {
  const p = new Problems();
  if (!isObj(view)) {
    p.add('/view', 'must be a view object');
    return p.list;
  }
  const kind = view.type;
  if (kind !== 'modal' && kind !== 'home') p.add('/view/type', 'must be modal or home');
  else if (expected && kind !== expected) p.add('/view/type', `must be ${expected}`);
  if (kind === 'modal') {
    text(p, '/view/title', view.title, { max: 24, plainOnly: true });
    if (view.submit !== undefined) text(p, '/view/submit', view.submit, { max: 24, plainOnly: true });
    if (view.close !== undefined) text(p, '/view/close', view.close, { max: 24, plainOnly: true });
    const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isObj(b) && b.type === 'input');
    if (hasInput && view.submit === undefined)
      p.add('/view/submit', 'must be provided when there is an input block');
  }
  p.maxLen('/view/private_metadata', view.private_metadata, 3000);
  p.maxLen('/view/callback_id', view.callback_id, 255);
  const surface: Surface = kind === 'home' ? 'home' : 'modal';
  return [...p.list, ...blockProblems(view.blocks, surface, '/view/blocks')];
};

/**
 * chat.* refuse bad blocks with `invalid_blocks` (https://api.slack.com/methods/chat.postMessage#errors),
 * listing each problem in `errors` and in `response_metadata.messages`.
 */
export const invalidBlocks = (messages: string[]) => ({
  ok: false as const,
  error: 'invalid_blocks',
  errors: messages.map((m) => m.replace(/^\[ERROR\] /, '')),
  response_metadata: { messages },
});

/**
 * views.* answer a view they refuse with `invalid_arguments` and the problems in
 * `response_metadata.messages` (the spec's views.open error example: web-api/slack_web_openapi_v2.json,
 * `{"error": "invalid_arguments", "response_metadata": {"messages": [...]}}`).
 */
export const invalidView = (messages: string[]) => ({
  ok: false as const,
  error: 'invalid_arguments',
  response_metadata: { messages },
});

/**
 * chat.postMessage `text`: "we'll truncate messages containing more than 40,000 characters" and
 * `msg_too_long` "Message text is too long" (https://api.slack.com/methods/chat.postMessage, text
 * argument and errors). The docs give both; the emulator refuses, the stricter reading.
 */
export const MAX_MESSAGE_TEXT = 40_000;

/** What chat.postMessage / postEphemeral / update and response_url refuse in a message body, if anything. */
export const messageRefusal = (args: Record<string, unknown>) => {
  if (typeof args.text === 'string' && args.text.length > MAX_MESSAGE_TEXT) {
    return { ok: false as const, error: 'msg_too_long' };
  }
  if (args.blocks === undefined) return undefined;
  const problems = blockProblems(args.blocks, 'message');
  return problems.length ? invalidBlocks(problems) : undefined;
};
