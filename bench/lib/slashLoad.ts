/**
 * One load round of figure 1: signed `/slots list` and `/slots add` (alternating) sent open-loop at a
 * fixed rate (./sender.ts), each with a response_url of its own from the fake Slack child, and each
 * matched with its reply: the ack's body when the reply rides on the ack, else the POST the fake received
 * on that request's response_url. Latencies run from the request's send to its reply (or ack).
 */
import { DateTime } from 'luxon';
import { signRequest } from '../../emulator/deliver.js';
import { TEAM_ID } from '../../emulator/state.js';
import { SIGNING_SECRET } from '../../test/helpers/harness.js';
import type { FakeChild } from './fakeChild.js';
import { type Shot, sendOpenLoop } from './sender.js';
import { percentile, sleep } from './stats.js';

export type Kind = 'list' | 'add';
type Command = { kind: Kind; responseId: number };

/**
 * Fresh, unique slash-command bodies: every request gets its own trigger id and response_url. The URLs
 * come from the fake Slack child, asked for ahead of each round (`stockUp`), so building a request at its
 * send time needs no round trip.
 */
export const commandFactory = (fake: FakeChild, users: readonly string[]) => {
  let n = 0;
  const urls = new Map<string, string[]>(users.map((u) => [u, []]));
  const urlFor = (user: string): string => {
    const url = urls.get(user)?.pop();
    if (!url) throw new Error(`no response_url left for ${user}: stock up before the round`);
    return url;
  };
  let adds = 0;
  let lists = 0;
  const days = new Map<number, string>();
  const dateIn = (k: number) => {
    let d = days.get(k);
    if (!d) {
      d = DateTime.now().setZone('Asia/Tokyo').startOf('day').plus({ days: k }).toFormat('yyyy-MM-dd');
      days.set(k, d);
    }
    return d;
  };
  return {
    /** Enough response URLs for `requests` more requests: next() takes the users in turn, adds and lists alike. */
    stockUp: async (requests: number) => {
      const perUser = Math.ceil(requests / users.length) + 2;
      const wanted = users.flatMap(
        (u) => Array(Math.max(0, perUser - urls.get(u)!.length)).fill(u) as string[],
      );
      const got = await fake.responseUrls('CGENERAL', wanted);
      for (const [i, url] of got.entries()) urls.get(wanted[i]!)!.push(url);
    },
    next: () => {
      n += 1;
      let user: string;
      let text: string;
      const kind: Kind = n % 2 === 0 ? 'add' : 'list';
      if (kind === 'add') {
        // Each user's adds take the next free hour (09:00–16:00 JST, then the next day): never a clash.
        const j = Math.floor(adds / users.length);
        user = users[adds % users.length]!;
        text = `add ${dateIn(1 + Math.floor(j / 8))} ${9 + (j % 8)}:00`;
        adds += 1;
      } else {
        user = users[lists % users.length]!;
        text = 'list';
        lists += 1;
      }
      const responseUrl = urlFor(user);
      const body = new URLSearchParams({
        token: 'deprecated-verification-token',
        team_id: TEAM_ID,
        team_domain: 'supporters',
        channel_id: 'CGENERAL',
        channel_name: 'general',
        user_id: user,
        user_name: user.toLowerCase(),
        command: '/slots',
        text,
        api_app_id: 'A0DESK',
        is_enterprise_install: 'false',
        response_url: responseUrl,
        trigger_id: `${n}.${user}.trigger`,
      }).toString();
      // Signed at send time: a fresh timestamp, and a signature the app's replay guard has not seen.
      const timestamp = Math.floor(Date.now() / 1000);
      const headers = {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signRequest(SIGNING_SECRET, timestamp, body),
      };
      const item: Command = { kind, responseId: Number(/\/response\/(\d+)$/.exec(responseUrl)?.[1]) };
      return { item, request: { body, headers } };
    },
  };
};

export type CommandFactory = ReturnType<typeof commandFactory>;

export type RoundResult = {
  /** Send → reply (ms), every command that got one. */
  reply: number[];
  /** Send → ack read (ms), every 2xx. */
  ack: number[];
  /** Send → reply p99 (ms) of each kind, for the progress log. */
  replyP99ByKind: Record<Kind, number>;
  sent: number;
  /** 2xx acks. */
  acked: number;
  /** 2xx adds (each stores one slot). */
  addsAcked: number;
  /** Non-2xx, transport errors and timeouts, and 2xx commands whose reply never came. */
  errors: number;
  /** Status codes and error codes seen, e.g. `200:1600 ECONNRESET:1`. */
  codes: string;
  /** The sender's own delay against its schedule, p99 (ms). */
  lateP99: number;
  /** CPU time of this process (the sender) and of the fake Slack child over the round (ms). */
  senderCpuMs: number;
  fakeCpuMs: number;
  /** Calls the server made to the fake Slack per command sent, by method, until the last reply. */
  callsPerCommand: string;
};

/** A reply later than this counts as lost (Slack keeps a response_url for 30 min; a user does not). */
const REPLY_WAIT_MS = 30_000;

export const commandRound = async (
  url: string,
  fake: FakeChild,
  commands: CommandFactory,
  rate: number,
  seconds: number,
): Promise<RoundResult> => {
  await commands.stockUp(rate * seconds);
  const fakeBefore = (await fake.arrivals()).cpuMs; // and forget anything left from before this round
  const benchBefore = process.cpuUsage();
  const shots = await sendOpenLoop({
    url,
    rate,
    seconds,
    connections: 64,
    timeoutMs: 10_000,
    next: commands.next,
  });
  const bench = process.cpuUsage(benchBefore);
  let fakeCpuMs = 0;
  const calls = new Map<string, number>();
  const answered = new Map<number, number>();
  const expecting = (s: Shot<Command>) =>
    s.status !== undefined && s.status < 300 && !s.ackBody && !answered.has(s.item.responseId);
  const until = Date.now() + REPLY_WAIT_MS;
  do {
    const got = await fake.arrivals();
    fakeCpuMs = got.cpuMs - fakeBefore;
    for (const [method, k] of Object.entries(got.calls)) calls.set(method, (calls.get(method) ?? 0) + k);
    for (const [id, atUs] of got.arrivals) if (!answered.has(id)) answered.set(id, atUs);
    if (!shots.some(expecting)) break;
    await sleep(100);
  } while (Date.now() < until);

  const reply: number[] = [];
  const ack: number[] = [];
  const byKind: Record<Kind, number[]> = { list: [], add: [] };
  const codes = new Map<string, number>();
  let errors = 0;
  for (const s of shots) {
    const code = s.error ?? String(s.status);
    codes.set(code, (codes.get(code) ?? 0) + 1);
    const ok = s.status !== undefined && s.status < 300;
    // A reply riding on the ack reaches Slack with the ack; otherwise it is the response_url POST.
    const replyUs = ok ? (s.ackBody ? s.ackUs : answered.get(s.item.responseId)) : undefined;
    if (ok) ack.push((s.ackUs! - s.sentUs) / 1000);
    if (replyUs === undefined) {
      errors += 1;
      continue;
    }
    reply.push((replyUs - s.sentUs) / 1000);
    byKind[s.item.kind].push((replyUs - s.sentUs) / 1000);
  }
  return {
    reply,
    ack,
    replyP99ByKind: { list: percentile(byKind.list, 99), add: percentile(byKind.add, 99) },
    sent: shots.length,
    acked: ack.length,
    addsAcked: shots.filter((s) => s.item.kind === 'add' && s.status !== undefined && s.status < 300).length,
    errors,
    codes: [...codes].map(([c, k]) => `${c}:${k}`).join(' '),
    senderCpuMs: (bench.user + bench.system) / 1000,
    fakeCpuMs,
    callsPerCommand: [...calls]
      .map(([method, k]) => `${method} ${(k / Math.max(1, shots.length)).toFixed(2)}`)
      .join(', '),
    lateP99: percentile(
      shots.map((s) => s.lateMs),
      99,
    ),
  };
};
