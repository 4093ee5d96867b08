/**
 * The Japanese morphological analyser behind the personal-data guard's name check: kuromoji (the
 * @patdx/kuromoji fork: no dependencies, no install scripts) with the IPADIC dictionary that ships inside
 * the package — nothing is downloaded, at install or at run time. Loading reads and builds about 18 MB of
 * dictionary (about a second here, roughly half of it blocking the event loop), so it happens once per
 * process, lazily, and is shared: the first caller starts it (main.ts warms it after start), every caller
 * awaits the same promise. A failed load is forgotten, so the next caller tries again.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type IpadicFeatures, TokenizerBuilder } from '@patdx/kuromoji';
import NodeDictionaryLoader from '@patdx/kuromoji/node';
import type { MorphAnalyzer, MorphToken } from '../domain/personNames.js';

/** The package's dict/ folder, next to its build/ (found the way Node resolves the package itself). */
const dictionaryDir = (): string =>
  join(dirname(createRequire(import.meta.url).resolve('@patdx/kuromoji')), '..', 'dict');

/** kuromoji's surfaces cover the input exactly, in order, so offsets are their running lengths. */
const toTokens = (features: readonly IpadicFeatures[]): MorphToken[] => {
  let start = 0;
  return features.map((f) => {
    const token: MorphToken = {
      surface: f.surface_form,
      start,
      pos: [f.pos, f.pos_detail_1, f.pos_detail_2, f.pos_detail_3],
    };
    start += f.surface_form.length;
    return token;
  });
};

/** Loads a new analyser every call (the bench measures this); the app uses the shared japaneseAnalyzer(). */
export const loadJapaneseAnalyzer = async (): Promise<MorphAnalyzer> => {
  const tokenizer = await new TokenizerBuilder({
    loader: new NodeDictionaryLoader({ dic_path: dictionaryDir() }),
  }).build();
  return { tokenize: (text) => (text === '' ? [] : toTokens(tokenizer.tokenize(text))) };
};

let loading: Promise<MorphAnalyzer> | undefined;

/** The shared analyser: loads on the first call, then resolves at once. */
export const japaneseAnalyzer = (): Promise<MorphAnalyzer> => {
  loading ??= loadJapaneseAnalyzer().catch((err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
};
