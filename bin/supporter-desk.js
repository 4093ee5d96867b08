#!/usr/bin/env node
// The operator CLI entry (package.json "bin"): runs the compiled CLI in dist/ with plain node, no
// TypeScript loader. `npm ci` builds dist/ (the `prepare` script); `npm run build` rebuilds it.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/src/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('supporter-desk: dist/ is missing: run `npm run build` (npm ci does)\n');
  process.exit(1);
}
// Stack traces name the TypeScript source lines (the build writes source maps), as `npm start` does.
process.setSourceMapsEnabled(true);
await import(cli.href);
