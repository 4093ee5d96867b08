/**
 * Ephemeral messages the sandbox shows, and response_urls for buttons on them. Slack lets an app replace
 * or delete an ephemeral through the response_url of a click on it; the fake's own response_urls only know
 * channel messages, so these live under /sandbox/response/<n>.
 */
import type { FakeSlack } from '../emulator/server.js';
import { BOT_USER_ID, type FakeEphemeral } from '../emulator/state.js';

export const pushEphemeral = (
  fake: FakeSlack,
  e: { channel: string; user: string; text: string; blocks?: unknown[] },
): FakeEphemeral => {
  const ephemeral: FakeEphemeral = {
    id: fake.state.nextNumber(),
    channel: e.channel,
    user: e.user,
    text: e.text,
    ...(e.blocks ? { blocks: e.blocks } : {}),
    via: 'response_url',
    at: Date.now(),
  };
  fake.state.ephemerals.push(ephemeral);
  fake.emit('change');
  return ephemeral;
};

export class EphemeralResponses {
  private targets = new Map<number, number>();
  private counter = 0;

  constructor(private readonly fake: FakeSlack) {}

  /** A response_url for a click on ephemeral `ephemeralId`. */
  urlFor(ephemeralId: number): string {
    this.counter += 1;
    this.targets.set(this.counter, ephemeralId);
    return `${this.fake.baseUrl}/sandbox/response/${this.counter}`;
  }

  /** Handles a POST to one of those URLs; false when the URL is unknown (or its message is gone). */
  answer(id: number, payload: Record<string, unknown>): boolean {
    const state = this.fake.state;
    const target = state.ephemerals.find((e) => e.id === this.targets.get(id));
    if (!target) return false;
    const text = typeof payload.text === 'string' ? payload.text : '';
    const blocks = Array.isArray(payload.blocks) ? payload.blocks : undefined;
    this.fake.calls.push({ method: 'response_url', args: payload, at: Date.now(), status: 200, ok: true });
    if (payload.delete_original === true) {
      state.ephemerals = state.ephemerals.filter((e) => e !== target);
    } else if (payload.replace_original === true) {
      target.text = text;
      if (blocks) target.blocks = blocks;
      else delete target.blocks;
    } else if (payload.response_type === 'in_channel') {
      const message = { channel: target.channel, ts: state.nextTs(), user: BOT_USER_ID, text };
      state.messages.push({ ...message, ...(blocks ? { blocks } : {}) });
    } else {
      pushEphemeral(this.fake, {
        channel: target.channel,
        user: target.user,
        text,
        ...(blocks ? { blocks } : {}),
      });
      return true;
    }
    this.fake.emit('change');
    return true;
  }
}
