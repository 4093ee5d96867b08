/**
 * Tiny Block Kit builders with Slack's limits applied: section text is cut at 3,000 characters and
 * plain-text labels at their maximums, with "…", so no view is ever rejected for length.
 */
import type { Button, DividerBlock, MrkdwnElement, SectionBlock } from '@slack/types';

export const SECTION_TEXT_MAX = 3000;

export const truncate = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;

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

/** An input block whose element answers under action_id `value` (how the modals read their state). */
export const inputBlock = (
  blockId: string,
  label: string,
  element: Record<string, unknown>,
  optional = false,
) => ({
  type: 'input' as const,
  block_id: blockId,
  label: plain(label),
  optional,
  element: { action_id: 'value', ...element },
});
