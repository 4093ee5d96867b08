/**
 * The few IPC messages between the bench and its server children (bench/servers/{app,bare}.ts): the child
 * says which port it bound, answers samples of its own process.memoryUsage().rss (after a full GC) and CPU
 * time, and stops on request. No HTTP route is added to the app for this.
 */
import type { ChildProcess } from 'node:child_process';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { createHistogram, type EventLoopUtilization, performance } from 'node:perf_hooks';

export type ToChild = { type: 'sample'; id: number } | { type: 'stop' };
export type FromChild =
  | { type: 'ready'; port: number }
  | ({ type: 'sample'; id: number } & Sample)
  | { type: 'failed'; error: string };

/** In a child: answer the bench's requests; `stop` runs before the process exits. */
export const serveBench = (port: number, stop: () => Promise<void>): void => {
  const send = (m: FromChild) => process.send?.(m);
  // How busy the child's event loop was since the last sample (0–1): near 1, requests queue. Read from
  // libuv's own idle-time counters, so it costs nothing; a monitorEventLoopDelay timer at 1 ms
  // resolution cost ~25 ms of CPU a second here, 0.5 ms per command at 50 req/s, in both servers.
  let elu: EventLoopUtilization = performance.eventLoopUtilization();
  // From the moment Node has read a request to its response being finished (the ack), measured inside
  // the child with Node's own HTTP diagnostics channels: what the server's code adds, without the time a
  // request waited to be read (loop busy, process not scheduled) or the load generator's own delays.
  const inProcess = createHistogram();
  const startedAt = new WeakMap<IncomingMessage, number>();
  subscribe('http.server.request.start', (m) => {
    startedAt.set((m as { request: IncomingMessage }).request, performance.now());
  });
  subscribe('http.server.response.finish', (m) => {
    const started = startedAt.get((m as { request: IncomingMessage }).request);
    if (started !== undefined)
      inProcess.record(Math.max(1, Math.round((performance.now() - started) * 1000)));
  });
  process.on('message', (m: ToChild) => {
    if (m.type === 'sample') {
      // A full GC (the child runs with --expose-gc), so garbage not yet collected is not read as growth;
      // the CPU time is read on both sides of it, so the bench can leave the forced GC out of a load's.
      const loopUtilization = performance.eventLoopUtilization(elu).utilization;
      const cpu = process.cpuUsage();
      (globalThis as { gc?: () => void }).gc?.();
      const cpuAfterGc = process.cpuUsage();
      elu = performance.eventLoopUtilization();
      const { rss, heapUsed, heapTotal } = process.memoryUsage();
      const inProcessP99Ms = inProcess.count ? inProcess.percentile(99) / 1000 : 0;
      inProcess.reset();
      const cpuMs = (cpu.user + cpu.system) / 1000;
      const cpuAfterGcMs = (cpuAfterGc.user + cpuAfterGc.system) / 1000;
      send({
        type: 'sample',
        id: m.id,
        rss,
        heapUsed,
        heapTotal,
        cpuMs,
        cpuAfterGcMs,
        loopUtilization,
        inProcessP99Ms,
      });
    }
    if (m.type === 'stop') {
      stop()
        .catch(() => undefined)
        .finally(() => process.exit(0));
    }
  });
  // The bench going away (crash, Ctrl-C) must not leave a server behind.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', port });
};

export const failToBench = (err: unknown): void => {
  const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.send?.({ type: 'failed', error } satisfies FromChild, () => process.exit(1));
};

/**
 * A child's own memory (bytes, after a full GC), CPU time used so far (user + system, ms, read before and
 * after that GC), and since the previous sample its event-loop utilization and in-process
 * request-to-response p99 (ms).
 */
export type Sample = {
  rss: number;
  heapUsed: number;
  /** The V8 heap's committed size: freed pages V8 keeps for later still count in RSS. */
  heapTotal: number;
  cpuMs: number;
  /** The same right after the sample's forced GC: a load's CPU is the next sample's cpuMs minus this. */
  cpuAfterGcMs: number;
  loopUtilization: number;
  inProcessP99Ms: number;
};

/** In the bench: what a started child offers. */
export type ServerChild = {
  port: number;
  pid: number;
  sample: () => Promise<Sample>;
  stop: () => Promise<void>;
};

export const asServerChild = (child: ChildProcess, timeoutMs = 30_000): Promise<ServerChild> =>
  new Promise((resolve, reject) => {
    let nextId = 0;
    const pending = new Map<number, (s: Sample) => void>();
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`server child ${child.pid} did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server child exited with code ${code} before it was ready`));
    });
    child.on('message', (m: FromChild) => {
      if (m.type === 'failed') {
        clearTimeout(timer);
        reject(new Error(`server child failed to start: ${m.error}`));
      }
      if (m.type === 'sample') pending.get(m.id)?.(m);
      if (m.type !== 'ready') return;
      clearTimeout(timer);
      resolve({
        port: m.port,
        pid: child.pid ?? -1,
        sample: () =>
          new Promise((res) => {
            nextId += 1;
            const id = nextId;
            pending.set(id, (s) => {
              pending.delete(id);
              res(s);
            });
            child.send({ type: 'sample', id } satisfies ToChild);
          }),
        stop: () =>
          new Promise((res) => {
            if (child.exitCode !== null) return res();
            const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
            child.removeAllListeners('exit');
            child.once('exit', () => {
              clearTimeout(kill);
              res();
            });
            child.send({ type: 'stop' } satisfies ToChild);
          }),
      });
    });
  });
