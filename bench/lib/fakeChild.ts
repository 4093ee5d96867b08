/** Starts bench/servers/fakeSlack.ts in a child and talks to it over IPC. */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Arrival, FromFake, ToFake } from '../servers/fakeSlack.js';

export type FakeChild = {
  apiUrl: string;
  botToken: string;
  /** One fresh response_url per entry of `users`, in order. */
  responseUrls: (channel: string, users: readonly string[]) => Promise<string[]>;
  /**
   * The replies received on response URLs since the last call, the calls received since then by method
   * (`response_url` included), and the fake's CPU time so far (ms).
   */
  arrivals: () => Promise<{ arrivals: Arrival[]; cpuMs: number; calls: Record<string, number> }>;
  stop: () => Promise<void>;
};

export const startFakeChild = (users: readonly string[], timeoutMs = 30_000): Promise<FakeChild> =>
  new Promise((resolve, reject) => {
    const script = fileURLToPath(new URL('../servers/fakeSlack.ts', import.meta.url));
    const child = fork(script, [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, BENCH_USERS: users.join(',') },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the fake Slack child did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the fake Slack child exited with code ${code} before it was ready`));
    });
    let nextId = 0;
    const pending = new Map<number, (m: FromFake) => void>();
    const ask = <T extends FromFake>(m: ToFake & { id: number }): Promise<T> =>
      new Promise((res) => {
        pending.set(m.id, (answer) => res(answer as T));
        child.send(m);
      });
    child.on('message', (m: FromFake) => {
      if (m.type !== 'ready') {
        pending.get(m.id)?.(m);
        pending.delete(m.id);
        return;
      }
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        apiUrl: m.apiUrl,
        botToken: m.botToken,
        responseUrls: async (channel, forUsers) =>
          (
            await ask<Extract<FromFake, { type: 'urls' }>>({
              type: 'urls',
              id: ++nextId,
              channel,
              users: [...forUsers],
            })
          ).urls,
        arrivals: async () => {
          const m = await ask<Extract<FromFake, { type: 'arrivals' }>>({ type: 'arrivals', id: ++nextId });
          return { arrivals: m.arrivals, cpuMs: m.cpuMs, calls: m.calls };
        },
        stop: () =>
          new Promise((res) => {
            if (child.exitCode !== null) return res();
            const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
            child.once('exit', () => {
              clearTimeout(kill);
              res();
            });
            child.send({ type: 'stop' } satisfies ToFake);
          }),
      });
    });
  });
