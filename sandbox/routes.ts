/** The sandbox's HTTP routes, served by the fake Slack's server beside Slack's own Web API. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DateTime } from 'luxon';
import type { RunningApp } from './app-host.js';
import { sendTestBooking } from './bookings.js';
import type { Assets } from './bundle.js';
import { calendarPanel } from './calendar.js';
import type { SandboxClock } from './clock.js';
import type { EphemeralResponses } from './ephemeral-responses.js';
import { HttpError, parseJson, requireString, send, sendJson } from './http.js';
import type { Interactions } from './interactions.js';
import type { JobRunner } from './jobs.js';
import type {
  ActionRequest,
  CalendarRequest,
  ClockRequest,
  CommandRequest,
  HomeOpenedRequest,
  JobRequest,
  JobResult,
  MessageRequest,
  ShortcutRequest,
  Snapshot,
  StepRunRequest,
  ViewCloseRequest,
  ViewSubmissionRequest,
} from './shared/types.js';
import type { EventStream } from './sse.js';
import type { WorkflowSteps } from './workflowSteps.js';

export type RouteDeps = {
  assets: Assets | Error;
  app: () => RunningApp;
  clock: SandboxClock;
  interactions: Interactions;
  steps: WorkflowSteps;
  responses: EphemeralResponses;
  jobs: JobRunner;
  sse: EventStream;
  snapshot: () => Snapshot;
  version: () => number;
  notify: () => void;
  reset: () => Promise<void>;
};

type Handler = (body: string, res: ServerResponse) => Promise<unknown>;

export const createRoutes = (deps: RouteDeps) => {
  const { interactions } = deps;
  const post: Record<string, Handler> = {
    '/sandbox/api/command': (b) => interactions.command(parseJson<CommandRequest>(b)),
    '/sandbox/api/message': (b) => interactions.message(parseJson<MessageRequest>(b)),
    '/sandbox/api/action': (b) => interactions.action(parseJson<ActionRequest>(b)),
    '/sandbox/api/shortcut': (b) => interactions.shortcut(parseJson<ShortcutRequest>(b)),
    '/sandbox/api/step': (b) => deps.steps.run(parseJson<StepRunRequest>(b)),
    '/sandbox/api/calendar': (b) => calendarPanel(deps.app(), parseJson<CalendarRequest>(b)),
    '/sandbox/api/view-submission': (b) => interactions.submitView(parseJson<ViewSubmissionRequest>(b)),
    '/sandbox/api/view-close': async (b) => {
      await interactions.closeView(parseJson<ViewCloseRequest>(b));
      return { ok: true };
    },
    '/sandbox/api/home-opened': (b) => {
      const req = parseJson<HomeOpenedRequest>(b);
      return interactions.homeOpened(req.user, req.tab === 'messages' ? 'messages' : 'home');
    },
    '/sandbox/api/clock': async (b) => setClock(deps, parseJson<ClockRequest>(b)),
    '/sandbox/api/job': async (b) => runJob(deps, parseJson<JobRequest>(b)),
    '/sandbox/api/test-booking': async () => {
      const result = await sendTestBooking(deps.app(), deps.clock.now());
      deps.notify();
      return { ok: result.status === 201, ...result };
    },
    '/sandbox/api/reset': async () => {
      await deps.reset();
      return { ok: true };
    },
  };

  return async (req: IncomingMessage, res: ServerResponse, body: string): Promise<boolean> => {
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
    try {
      if (req.method === 'GET') return serveGet(deps, path, res);
      const ephemeral = /^\/sandbox\/response\/(\d+)$/.exec(path);
      if (req.method === 'POST' && ephemeral) {
        const ok = deps.responses.answer(Number(ephemeral[1]), parseJson(body));
        sendJson(res, ok ? 200 : 404, ok ? { ok: true } : { ok: false, error: 'expired_url' });
        return true;
      }
      const handler = req.method === 'POST' ? post[path] : undefined;
      if (!handler) return false;
      sendJson(res, 200, (await handler(body, res)) ?? { ok: true });
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 500;
      if (status === 500) deps.app().logger.error({ err, path }, 'sandbox route failed');
      sendJson(res, status, { ok: false, error: err instanceof Error ? err.message : String(err) });
    }
    return true;
  };
};

const serveGet = (deps: RouteDeps, path: string, res: ServerResponse): boolean => {
  const { assets } = deps;
  if (assets instanceof Error && (path === '/' || path === '/app.js')) {
    send(res, 500, 'text/plain; charset=utf-8', `The sandbox UI could not be built:\n${assets.message}\n`);
    return true;
  }
  if (assets instanceof Error) return false;
  switch (path) {
    case '/':
    case '/index.html':
      send(res, 200, 'text/html; charset=utf-8', assets.html);
      return true;
    case '/app.js':
      send(res, 200, 'text/javascript; charset=utf-8', assets.js);
      return true;
    case '/style.css':
      send(res, 200, 'text/css; charset=utf-8', assets.css);
      return true;
    case '/favicon.ico':
      send(res, 204, 'image/x-icon', '');
      return true;
    case '/sandbox/api/state':
      sendJson(res, 200, deps.snapshot());
      return true;
    case '/sandbox/api/events':
      deps.sse.open(res, deps.version());
      return true;
    default:
      return false;
  }
};

const setClock = (deps: RouteDeps, req: ClockRequest) => {
  if (req.local === null) {
    deps.clock.set(null);
  } else {
    const zone = deps.app().config.timezone;
    const at = DateTime.fromISO(requireString(req.local, 'local'), { zone });
    if (!at.isValid) throw new HttpError(400, `not a date and time: ${req.local}`);
    deps.clock.set(at.toJSDate());
  }
  deps.notify();
  return { ok: true, now: deps.clock.now().toISOString() };
};

const runJob = async (deps: RouteDeps, req: JobRequest): Promise<JobResult> => {
  const name = requireString(req.name, 'name');
  try {
    await deps.jobs.refresh();
    const report = await deps.jobs.run(deps.app(), name, deps.clock.now(), req.dryRun === true);
    deps.notify();
    return { ok: true, report: report as unknown as Record<string, unknown> };
  } catch (err) {
    deps.app().logger.warn({ err, job: name }, 'sandbox job run failed');
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
};
