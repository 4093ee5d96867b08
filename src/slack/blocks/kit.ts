/**
 * Tiny Block Kit builders with Slack's limits applied: section text is cut at 3,000 characters and
 * plain-text labels at their maximums, with "…", so no view is ever rejected for length.
 *
 * User-typed text goes through `escapeMrkdwn` before it joins mrkdwn: Slack reads `&`, `<` and `>` as
 * control characters there (`<!channel>`, `<@U…>`, `<https://x|y>`), and wants them sent as `&amp;`,
 * `&lt;` and `&gt;` to show them as typed (https://api.slack.com/reference/surfaces/formatting#escaping).
 */
import type { Button, DividerBlock, MrkdwnElement, SectionBlock } from '@slack/types';

export const SECTION_TEXT_MAX = 3000;
/** Option text in a select (https://api.slack.com/reference/block-kit/composition-objects#option). */
export const OPTION_TEXT_MAX = 75;

/** `a & <b>` → `a &amp; &lt;b&gt;`: user text shown literally in mrkdwn, never a mention or a link. */
export const escapeMrkdwn = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The inverse, for text Slack sends already escaped (slash command text: the formatting doc's
 * "Escaping" section), so it is stored as the user typed it and escaped once on the way out.
 */
export const unescapeMrkdwn = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const ENTITY = /(&(?:amp|lt|gt);)/;

/** What may not be cut: a grapheme (emoji with ZWJ or skin tone, a base with its marks) or an entity. */
const units = function* (text: string): Generator<string> {
  for (const part of text.split(ENTITY)) {
    if (ENTITY.test(part)) yield part;
    else for (const g of graphemes.segment(part)) yield g.segment;
  }
};

/**
 * At most `max` UTF-16 units (Slack's limits count characters; a code unit count is never below that),
 * ending in "…" when cut. Never splits a surrogate pair, a grapheme or an `&amp;`-style entity.
 */
export const truncate = (text: string, max: number): string => {
  if (text.length <= max) return text;
  const room = Math.max(0, max - 1);
  let out = '';
  for (const unit of units(text)) {
    if (out.length + unit.length > room) break;
    out += unit;
  }
  return `${out}…`;
};

export const mrkdwn = (text: string): MrkdwnElement => ({
  type: 'mrkdwn',
  text: truncate(text, SECTION_TEXT_MAX),
});

export const section = (text: string): SectionBlock => ({ type: 'section', text: mrkdwn(text) });

export const divider = (): DividerBlock => ({ type: 'divider' });

export const button = (
  text: string,
  actionId: string,
  value: string,
  style?: 'primary' | 'danger',
): Button => ({
  type: 'button',
  text: { type: 'plain_text', text: truncate(text, 75), emoji: true },
  action_id: actionId,
  value: truncate(value, 2000),
  ...(style ? { style } : {}),
});

export const plain = (text: string, max = 150) => ({
  type: 'plain_text' as const,
  text: truncate(text, max),
  emoji: true,
});

/** A select option: its text at most 75 characters, its value at most 150 (composition-objects#option). */
export const option = (text: string, value: string) => ({ text: plain(text, OPTION_TEXT_MAX), value });

/** An input block whose element answers under action_id `value` (how the modals read their state). */
export const inputBlock = (
  blockId: string,
  label: string,
  element: Record<string, unknown>,
  optional = false,
) => ({
  type: 'input' as const,
  block_id: blockId,
  label: plain(label, 2000),
  optional,
  element: { action_id: 'value', ...element },
});
