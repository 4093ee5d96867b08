#!/usr/bin/env node
// The operator CLI entry (package.json "bin"). Runs the TypeScript source through tsx, so it works
// right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
