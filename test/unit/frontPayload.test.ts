import { describe, expect, it } from 'vitest';
import { ackedByFront, parseSlackBody } from '../../src/slack/front/payload.js';

const FORM = 'application/x-www-form-urlencoded';
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('what the HTTP front acks itself', () => {
  it('acks slash commands, button clicks and event callbacks', () => {
    expect(ackedByFront(parseSlackBody(form({ command: '/slots', text: 'list' }), FORM))).toBe(true);
    const click = form({ payload: JSON.stringify({ type: 'block_actions', actions: [] }) });
    expect(ackedByFront(parseSlackBody(click, FORM))).toBe(true);
    const event = JSON.stringify({ type: 'event_callback', event: { type: 'app_home_opened' } });
    expect(ackedByFront(parseSlackBody(event, 'application/json'))).toBe(true);
  });

  it('leaves to Bolt whatever may need an answer in the ack', () => {
    const payload = (type: string) => parseSlackBody(form({ payload: JSON.stringify({ type }) }), FORM);
    expect(ackedByFront(payload('view_submission'))).toBe(false); // field errors ride on the ack
    expect(ackedByFront(payload('view_closed'))).toBe(false);
    expect(ackedByFront(payload('block_suggestion'))).toBe(false); // options are the ack
    expect(ackedByFront(payload('shortcut'))).toBe(false);
    const challenge = JSON.stringify({ type: 'url_verification', challenge: 'abc' });
    expect(ackedByFront(parseSlackBody(challenge, 'application/json'))).toBe(false);
    expect(ackedByFront(parseSlackBody(form({ ssl_check: '1', command: '/slots' }), FORM))).toBe(false);
  });

  it('parses bodies as Bolt does, and throws on what is not JSON', () => {
    expect(parseSlackBody(form({ command: '/slots', text: '12/3 19:00' }), FORM)).toMatchObject({
      command: '/slots',
      text: '12/3 19:00',
    });
    expect(() => parseSlackBody('{nope', 'application/json')).toThrow();
  });
});
