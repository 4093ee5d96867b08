/**
 * A thread reply in the advice channel, checked by the same rules as consultations (domain/pii.ts, with
 * the name analyser): the kinds of personal data it seems to contain, in text order, each once. Nothing
 * is stored — the reply stays the author's message, and still counts as an answer.
 */
import { findAllPersonalData, type PiiKind } from '../domain/pii.js';
import { japaneseAnalyzer } from '../text/japaneseAnalyzer.js';

export const personalDataKinds = async (text: string): Promise<PiiKind[]> => {
  if (!text.trim()) return [];
  const kinds = findAllPersonalData(text, await japaneseAnalyzer()).map((f) => f.kind);
  return [...new Set(kinds)];
};
