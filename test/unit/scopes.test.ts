/** The app's one list of needed bot scopes (src/slack/scopes.ts) is exactly what manifest.yml asks for. */
import { describe, expect, it } from 'vitest';
import { appManifest } from '../../emulator/manifest.js';
import { BOT_SCOPES, missingScopes } from '../../src/slack/scopes.js';

describe('bot scopes', () => {
  it("equal manifest.yml's oauth_config.scopes.bot", () => {
    expect(Object.keys(BOT_SCOPES).sort()).toEqual([...appManifest().botScopes].sort());
  });

  it('names what a partial install lacks, with the feature', () => {
    const granted = appManifest().botScopes.filter((s) => s !== 'groups:read');
    expect(missingScopes(granted)).toEqual([{ scope: 'groups:read', feature: BOT_SCOPES['groups:read'] }]);
  });
});
