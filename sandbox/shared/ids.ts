/**
 * Slack fills in block_id and action_id when an app leaves them out. The sandbox does the same with
 * stable, index-based ids, computed identically by the server (payloads) and the client (forms).
 */
import type { Block } from './types.js';

export const blockIdOf = (block: Block, index: number): string =>
  typeof block.block_id === 'string' && block.block_id ? block.block_id : `sbx-b${index}`;

export const actionIdOf = (element: Block, index: number): string =>
  typeof element.action_id === 'string' && element.action_id ? element.action_id : `sbx-a${index}`;

/** Interactive elements of a block with their action ids: an input's element, an accessory, actions. */
export const elementsOf = (block: Block): Array<{ element: Block; actionId: string }> => {
  const list: Block[] = [];
  if (block.type === 'input' && isBlock(block.element)) list.push(block.element);
  if (block.type === 'section' && isBlock(block.accessory)) list.push(block.accessory);
  if (block.type === 'actions' && Array.isArray(block.elements)) list.push(...block.elements.filter(isBlock));
  return list.map((element, i) => ({ element, actionId: actionIdOf(element, i) }));
};

export const isBlock = (v: unknown): v is Block =>
  typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';

export const blocksOf = (v: unknown): Block[] => (Array.isArray(v) ? v.filter(isBlock) : []);
