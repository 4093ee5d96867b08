/** Logs never carry tokens, the signing secret or consultation text — even at debug level. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { type Harness, startHarness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { LOG_LEVEL: 'debug' } });
});
afterAll(async () => {
  await h?.stop();
});

describe('log output', () => {
  it('holds no secret and no consultation text after a consultation, a failure and an answer', async () => {
    const secretText = '極秘の相談テキスト-7f3a';
    await h.slack.ask(USERS.aiko.id, '/consult', `12/3 19:00 ${secretText} #人事`);
    const c = (await h.database.db.selectFrom('consultations').selectAll().executeTakeFirst())!;
    await h.slack.event({
      type: 'message',
      channel: c.channel,
      user: USERS.ken.id,
      text: `${secretText} への回答`,
      ts: '1764000000.000900',
      thread_ts: c.ts,
    });
    h.fake.injectFault({ method: 'chat.postMessage', kind: 'http', status: 500 });
    await h.slack.ask(USERS.aiko.id, '/consult', `12/4 19:00 ${secretText} その2 #人事`);
    await h.slack.command(USERS.aiko.id, '/slots', `add ${secretText}`, { signature: 'v0=bad' });
    await new Promise((r) => setTimeout(r, 200));
    const log = h.logs.join('');
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(secretText);
    expect(log).not.toContain(h.config.slack.botToken);
    expect(log).not.toContain(h.config.slack.signingSecret);
  });
});
