/**
 * What the sandbox's Slack client does to typed text before the app sees it (sandbox/shared/mentions.ts):
 * mentions by real name, handle or channel name become ids; a slash command gets them only when its
 * manifest entry says `should_escape: true`, as Slack sends them (<@U…|handle>).
 */
import { describe, expect, it } from 'vitest';
import { appManifest } from '../../emulator/manifest.js';
import { encodeCommandText, encodeMessageText, matchMembers } from '../../sandbox/shared/mentions.js';
import { CHANNELS, DEMO_USERS } from '../../sandbox/workspace.js';

const members = DEMO_USERS.map(({ id, name, realName }) => ({ id, name, realName }));
const channels = Object.entries(CHANNELS).map(([name, id]) => ({ id, name }));
const escapes = (command: string) => appManifest().commands.find((c) => c.command === command)!.shouldEscape;

describe('typed text as Slack sends it', () => {
  it('converts full names, handles and channels, longest first, and leaves look-alikes alone', () => {
    expect(encodeMessageText('@田中 健さん @ken! @kenji #advice #advices', members, channels)).toBe(
      '<@UKEN>さん <@UKEN>! @kenji <#CADVICE> #advices',
    );
    expect(encodeMessageText('@EMMA clark x@ken', members, channels)).toBe('<@UEMMA> x@ken');
    expect(encodeMessageText('@here <!here> @channels', members, channels)).toBe(
      '<!here> &lt;!here&gt; @channels',
    );
  });

  it('escapes mentions in a command only when its manifest entry has should_escape', () => {
    expect(escapes('/supporter')).toBe(true);
    expect(escapes('/slots')).toBe(false);
    expect(encodeCommandText('expertise @田中 健 #advice', escapes('/supporter'), members, channels)).toBe(
      'expertise <@UKEN|ken> <#CADVICE|advice>',
    );
    expect(encodeCommandText('add 12/3 19:00 @ken', escapes('/slots'), members, channels)).toBe(
      'add 12/3 19:00 @ken',
    );
  });

  it('suggests members by handle or by either part of the real name', () => {
    expect(matchMembers(members, '田中').map((m) => m.id)).toEqual(['UKEN']);
    expect(matchMembers(members, '健').map((m) => m.id)).toEqual(['UKEN']);
    expect(matchMembers(members, 'e').map((m) => m.id)).toEqual(['UEMMA']);
  });
});
