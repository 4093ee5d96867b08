/**
 * The fake Slack for figure 1, in its own process: the app's replies (response_url) and Home publishes
 * land here, so serving them does not share an event loop with autocannon — otherwise the app's own
 * outgoing calls would delay the bench's reading of the app's acks and count as the app's latency.
 * In production Slack is elsewhere too. The bench asks over IPC for response URLs (registered here, one
 * per request) and for the number of replies received.
 */
import { FakeSlack } from '../../emulator/server.js';
import { seedWorkspace } from '../../emulator/workspace.js';

export type ToFake =
  | { type: 'urls'; id: number; channel: string; users: string[] }
  | { type: 'replies'; id: number }
  | { type: 'stop' };
export type FromFake =
  | { type: 'ready'; apiUrl: string; botToken: string }
  | { type: 'urls'; id: number; urls: string[] }
  | { type: 'replies'; id: number; count: number };

const main = async () => {
  const fake = await new FakeSlack().start();
  seedWorkspace(fake);
  const users = (process.env.BENCH_USERS ?? '').split(',').filter(Boolean);
  users.forEach((id, i) => {
    fake.state.addUser({ id, name: `b${i}`, realName: `Bench ${i}`, locale: i % 4 ? 'ja-JP' : 'en-US' });
  });
  // Count the replies, then forget calls, messages and views so a long run does not grow this process.
  let replies = 0;
  const count = () => {
    for (const call of fake.calls) if (call.method === 'response_url') replies += 1;
    fake.reset();
    return replies;
  };
  setInterval(count, 500).unref();
  const send = (m: FromFake) => process.send?.(m);
  process.on('message', (m: ToFake) => {
    if (m.type === 'urls')
      send({ type: 'urls', id: m.id, urls: m.users.map((u) => fake.newResponseUrl(m.channel, u)) });
    if (m.type === 'replies') send({ type: 'replies', id: m.id, count: count() });
    if (m.type === 'stop') void fake.stop().finally(() => process.exit(0));
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', apiUrl: fake.apiUrl, botToken: fake.botToken });
};

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
