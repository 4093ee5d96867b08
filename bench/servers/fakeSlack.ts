/**
 * The fake Slack for figure 1, in its own process: the app's replies (response_url) and Home publishes
 * land here, so serving them does not share an event loop with the bench's sender — otherwise the app's
 * own outgoing calls would delay the bench's reading of the app's acks and count as the app's latency.
 * In production Slack is elsewhere too. The bench asks over IPC for response URLs (registered here, one
 * per request) and for the moments replies reached them (with the calls it received by method, and its
 * CPU time so far: on two cores the fake competes with the servers it measures).
 *
 * A reply's moment is when this process has read the head of the POST to `/response/<n>` (Node's
 * `http.server.request.start` channel), on `process.hrtime` — CLOCK_MONOTONIC on Linux, the same clock
 * in every process of the machine, so the bench can subtract its own send time from it.
 */
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { FakeSlack } from '../../emulator/server.js';
import { seedWorkspace } from '../../emulator/workspace.js';
import { nowUs } from '../lib/stats.js';

/** A reply received: the response URL's number and when its head was read (process.hrtime, µs). */
export type Arrival = [id: number, atUs: number];

export type ToFake =
  | { type: 'urls'; id: number; channel: string; users: string[] }
  | { type: 'arrivals'; id: number }
  | { type: 'stop' };
export type FromFake =
  | { type: 'ready'; apiUrl: string; botToken: string }
  | { type: 'urls'; id: number; urls: string[] }
  | { type: 'arrivals'; id: number; arrivals: Arrival[]; cpuMs: number; calls: Record<string, number> };

const main = async () => {
  let arrivals: Arrival[] = [];
  subscribe('http.server.request.start', (m) => {
    const match = /^\/response\/(\d+)$/.exec((m as { request: IncomingMessage }).request.url ?? '');
    if (match) arrivals.push([Number(match[1]), nowUs()]);
  });
  const fake = await new FakeSlack().start();
  seedWorkspace(fake);
  const users = (process.env.BENCH_USERS ?? '').split(',').filter(Boolean);
  users.forEach((id, i) => {
    fake.state.addUser({ id, name: `b${i}`, realName: `Bench ${i}`, locale: i % 4 ? 'ja-JP' : 'en-US' });
  });
  // Count the calls by method, then forget calls, messages and views, so a long run does not grow this
  // process.
  let calls: Record<string, number> = {};
  const count = () => {
    for (const c of fake.calls) calls[c.method] = (calls[c.method] ?? 0) + 1;
    fake.reset();
  };
  setInterval(count, 500).unref();
  const send = (m: FromFake) => process.send?.(m);
  process.on('message', (m: ToFake) => {
    if (m.type === 'urls')
      send({ type: 'urls', id: m.id, urls: m.users.map((u) => fake.newResponseUrl(m.channel, u)) });
    if (m.type === 'arrivals') {
      const cpu = process.cpuUsage();
      count();
      send({ type: 'arrivals', id: m.id, arrivals, cpuMs: (cpu.user + cpu.system) / 1000, calls });
      arrivals = [];
      calls = {};
    }
    if (m.type === 'stop') void fake.stop().finally(() => process.exit(0));
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', apiUrl: fake.apiUrl, botToken: fake.botToken });
};

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
