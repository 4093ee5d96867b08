/** Bundles the browser client (sandbox/ui) with esbuild's JS API, in memory, once at start. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const UI_DIR = fileURLToPath(new URL('./ui/', import.meta.url));

export type Assets = { html: string; css: string; js: string };

export const buildAssets = async (): Promise<Assets> => {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [`${UI_DIR}main.ts`],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    sourcemap: 'inline',
    charset: 'utf8',
    logLevel: 'silent',
  });
  const js = result.outputFiles[0]?.text;
  if (!js) throw new Error('esbuild produced no output for sandbox/ui/main.ts');
  return {
    html: readFileSync(`${UI_DIR}index.html`, 'utf8'),
    css: readFileSync(`${UI_DIR}style.css`, 'utf8'),
    js,
  };
};
