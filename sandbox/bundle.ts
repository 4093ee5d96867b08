/** Bundles the browser client (sandbox/ui: script and stylesheet) with esbuild, in memory, once at start. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

const UI_DIR = fileURLToPath(new URL('./ui/', import.meta.url));

export type Assets = { html: string; css: string; js: string };

/** One esbuild bundle of `entry` (a file in sandbox/ui) and its imports, in memory. */
const bundle = async (entry: string, options: BuildOptions = {}): Promise<string> => {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [`${UI_DIR}${entry}`],
    bundle: true,
    write: false,
    charset: 'utf8',
    logLevel: 'silent',
    ...options,
  });
  const text = result.outputFiles?.[0]?.text;
  if (!text) throw new Error(`esbuild produced no output for sandbox/ui/${entry}`);
  return text;
};

/** The page, the script (main.ts and its imports) and the stylesheet (style.css and its `@import`s). */
export const buildAssets = async (): Promise<Assets> => {
  const [js, css] = await Promise.all([
    bundle('main.ts', { format: 'esm', target: 'es2022', sourcemap: 'inline' }),
    bundle('style.css'),
  ]);
  return { html: readFileSync(`${UI_DIR}index.html`, 'utf8'), css, js };
};
