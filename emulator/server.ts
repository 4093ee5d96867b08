/**
 * A real HTTP server on loopback that plays Slack for the app: the Web API (`/api/<method>`, what
 * SLACK_API_URL points at), response_url endpoints, and fault injection (429 + Retry-After, 5xx,
 * Slack errors, slow answers). Every call is recorded so tests assert on what Slack would have seen.
 * The sandbox runs the same server with its web UI on top: one fake, two uses.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkAccess, scopeHeaders } from './access.js';
import { API, type ApiResult, type Args, JSON_FIELDS } from './api.js';
import { blockProblems, invalidBlocks } from './blockKit.js';
import { type FunctionCompletion, FunctionExecutions } from './functions.js';
import { appManifest } from './manifest.js';
import { type RateLimitOptions, RateTiers } from './rateTiers.js';
import { type SocketModeOptions, SocketModeServer } from './socketMode.js';
import { FakeState } from './state.js';
import { ResponseUrlBudget, TriggerLedger } from './triggers.js';

export type RecordedCall = { method: string; args: Args; at: number; status: number; ok: boolean };

export type Fault = {
  /** Which calls it applies to: a method name, or every method when absent. */
  method?: string;
  /** Decide per call; `n` counts matching calls from 1. Default: always. */
  when?: (n: number, args: Args) => boolean;
  /** How many times at most (default unlimited). */
  times?: number;
} & (
  | { kind: 'ratelimit'; retryAfterSeconds: number }
  | { kind: 'http'; status: number }
  | { kind: 'error'; error: string }
  | { kind: 'delay'; ms: number }
  | { kind: 'hang' }
);

type FaultState = Fault & { seen: number; fired: number };

export type FakeSlackOptions = {
  botToken?: string;
  port?: number;
  host?: string;
  clock?: () => number;
  socketMode?: SocketModeOptions;
  /** The bot token's scopes; default: exactly manifest.yml's bot scopes, as installing the app grants. */
  scopes?: readonly string[];
  /** Per-method rate limits as Slack documents them (emulator/rateTiers.ts); off unless given. */
  rateLimits?: boolean | RateLimitOptions;
};

export class FakeSlack extends EventEmitter {
  readonly state: FakeState;
  readonly calls: RecordedCall[] = [];
  readonly botToken: string;
  /** Socket Mode: apps.connections.open and the WebSocket links on this same server (./socketMode.ts). */
  readonly socketMode: SocketModeServer;
  /** Granted bot scopes (emulator/access.ts); tests may change them to model a partial install. */
  scopes: string[];
  private server: Server | undefined;
  private faults: FaultState[] = [];
  private readonly opts: FakeSlackOptions;
  private responseCounter = 0;
  /** Workflow steps running or completed (emulator/functions.ts), with their workflow tokens. */
  readonly functions: FunctionExecutions;
  /** The trigger_ids handed to the app (emulator/deliver.ts nextTriggerId), for views.open / push. */
  readonly triggers = new TriggerLedger();
  private hanging = new Set<ServerResponse>();
  private readonly tiers: RateTiers | undefined;
  baseUrl = '';

  constructor(opts: FakeSlackOptions = {}) {
    super();
    this.opts = opts;
    this.botToken = opts.botToken ?? 'xoxb-fake-token';
    this.state = new FakeState(opts.clock);
    this.functions = new FunctionExecutions(() => this.now());
    this.socketMode = new SocketModeServer(opts.socketMode);
    this.scopes = [...(opts.scopes ?? appManifest().botScopes)];
    this.tiers = opts.rateLimits ? new RateTiers(opts.rateLimits === true ? {} : opts.rateLimits) : undefined;
  }

  /** The value for SLACK_APP_TOKEN (an app-level token, xapp-…). */
  get appToken(): string {
    return this.socketMode.appToken;
  }

  /** The emulator's clock (epoch ms): trigger_id and response_url lifetimes are measured on it. */
  now(): number {
    return (this.opts.clock ?? Date.now)();
  }

  /** The value for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.route(req, res).catch((err: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(err));
      });
    });
    this.server.on('upgrade', (req, socket, head) => {
      if (!this.socketMode.handleUpgrade(req, socket, head)) socket.destroy();
    });
    await new Promise<void>((resolve) =>
      this.server!.listen(this.opts.port ?? 0, this.opts.host ?? '127.0.0.1', resolve),
    );
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    this.socketMode.close(); // upgraded sockets are not the HTTP server's to close
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  /** Extra routes (the sandbox UI) are tried before the 404. */
  extraRoute: ((req: IncomingMessage, res: ServerResponse, body: string) => Promise<boolean>) | undefined;

  injectFault(fault: Fault): void {
    this.faults.push({ ...fault, seen: 0, fired: 0 });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Forgets the recorded calls (messages stay), so a test can look at what happens next. */
  clearCalls(): void {
    this.calls.length = 0;
  }

  /** Forgets messages, views, recorded calls and faults; users and channels stay. */
  reset(): void {
    this.state.reset();
    this.clearCalls();
    this.clearFaults();
  }

  /** Every functions.completeSuccess / completeError Slack accepted, in order. */
  functionCompletions(): FunctionCompletion[] {
    return [...this.functions.completions];
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && c.ok);
  }

  /** A fresh response_url for a command or action; answers posted to it become ephemerals (or updates). */
  newResponseUrl(channel: string, user: string, message?: { channel: string; ts: string }): string {
    this.responseCounter += 1;
    const id = this.responseCounter;
    this.responseTargets.set(id, { channel, user, message, budget: new ResponseUrlBudget(this.now()) });
    return `${this.baseUrl}/response/${id}`;
  }

  private responseTargets = new Map<
    number,
    { channel: string; user: string; message?: { channel: string; ts: string }; budget: ResponseUrlBudget }
  >();

  /** Resolves when `predicate` holds, re-checking after every change; rejects after `timeoutMs`. */
  waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 5000, what = 'condition'): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const v = predicate();
        if (v) {
          cleanup();
          resolve(v);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake Slack: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.off('change', check);
      };
      this.on('change', check);
      check();
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://fake');
    const api = /^\/api\/([\w.]+)$/.exec(url.pathname);
    if (api && req.method === 'POST') return this.handleApi(api[1]!, req, res, body);
    const response = /^\/response\/(\d+)$/.exec(url.pathname);
    if (response && req.method === 'POST') return this.handleResponseUrl(Number(response[1]), res, body);
    if (url.pathname.startsWith('/upload/')) return sendJson(res, 200, { ok: true });
    if (this.extraRoute && (await this.extraRoute(req, res, body))) return;
    sendJson(res, 404, { ok: false, error: 'unknown_route' });
  }

  private async handleApi(method: string, req: IncomingMessage, res: ServerResponse, body: string) {
    const args = parseArgs(req.headers['content-type'], body);
    const token = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '') || String(args.token ?? '');
    const record = (status: number, result: ApiResult) => {
      this.calls.push({ method, args, at: Date.now(), status, ok: status === 200 && result.ok });
      this.emit('call', this.calls.at(-1));
      this.emit('change');
    };
    const fault = this.pickFault(method, args);
    if (fault) {
      const handled = await this.applyFault(fault, res, record);
      if (handled) return;
    }
    if (method === 'apps.connections.open') {
      const result = this.socketMode.open(token, this.botToken, this.baseUrl);
      record(200, result);
      return sendJson(res, 200, result);
    }
    // A workflow token (emulator/functions.ts) acts as the bot while its step runs.
    if (token !== this.botToken && this.functions.tokenState(token) !== 'live') {
      // An app-level token only opens Socket Mode links (https://api.slack.com/authentication/token-types#app).
      const error = token === this.appToken ? 'not_allowed_token_type' : 'invalid_auth';
      const result = { ok: false, error };
      record(200, result);
      return sendJson(res, 200, result);
    }
    const retryAfter = this.tiers?.check(method, args);
    if (retryAfter !== undefined)
      return this.applyFault(
        { kind: 'ratelimit', retryAfterSeconds: retryAfter, seen: 0, fired: 0 },
        res,
        record,
      ).then(() => undefined);
    const handler = API[method];
    const headers = scopeHeaders(this.state, method, args, this.scopes);
    const refused = this.triggerRefusal(method, args);
    const result =
      refused ??
      (method === 'functions.completeSuccess' || method === 'functions.completeError'
        ? this.functions.complete(method, args, token)
        : !handler
          ? { ok: false, error: 'unknown_method' }
          : (checkAccess(this.state, method, args, this.scopes) ?? handler(this.state, args)));
    record(200, result);
    sendJson(res, 200, result, headers);
  }

  /** views.open / views.push spend the trigger_id first (emulator/triggers.ts has the rules). */
  private triggerRefusal(method: string, args: Args): ApiResult | undefined {
    if (method !== 'views.open' && method !== 'views.push') return undefined;
    if (typeof args.trigger_id !== 'string' || !args.trigger_id) return undefined; // the handler answers
    const verdict = this.triggers.exchange(args.trigger_id, this.now());
    return verdict === 'ok' ? undefined : { ok: false, error: verdict };
  }

  private pickFault(method: string, args: Args): FaultState | undefined {
    for (const f of this.faults) {
      if (f.method && f.method !== method) continue;
      f.seen += 1;
      if (f.times !== undefined && f.fired >= f.times) continue;
      if (f.when && !f.when(f.seen, args)) continue;
      f.fired += 1;
      return f;
    }
    return undefined;
  }

  /** Returns true when the fault answered the request itself. */
  private async applyFault(f: FaultState, res: ServerResponse, record: (s: number, r: ApiResult) => void) {
    switch (f.kind) {
      case 'ratelimit': {
        const result = { ok: false, error: 'ratelimited' };
        record(429, result);
        res.writeHead(429, {
          'content-type': 'application/json',
          'retry-after': String(f.retryAfterSeconds),
        });
        res.end(JSON.stringify(result));
        return true;
      }
      case 'http':
        record(f.status, { ok: false, error: `http_${f.status}` });
        sendJson(res, f.status, { ok: false, error: 'fatal_error' });
        return true;
      case 'error': {
        const result = { ok: false, error: f.error };
        record(200, result);
        sendJson(res, 200, result);
        return true;
      }
      case 'delay':
        await new Promise((r) => setTimeout(r, f.ms));
        return false;
      case 'hang':
        this.hanging.add(res);
        return true;
    }
  }

  private handleResponseUrl(id: number, res: ServerResponse, body: string) {
    const target = this.responseTargets.get(id);
    if (!target?.budget.spend(this.now())) {
      this.calls.push({ method: 'response_url', args: {}, at: Date.now(), status: 404, ok: false });
      return sendJson(res, 404, { ok: false, error: 'expired_url' });
    }
    const payload = JSON.parse(body || '{}') as Record<string, unknown>;
    // A response_url body is a message: the same Block Kit rules as chat.postMessage. How Slack words
    // the refusal on this endpoint is not documented; the emulator answers 400 with chat's error body.
    const problems = payload.blocks === undefined ? [] : blockProblems(payload.blocks, 'message');
    if (problems.length) {
      this.calls.push({ method: 'response_url', args: payload, at: Date.now(), status: 400, ok: false });
      this.emit('change');
      return sendJson(res, 400, invalidBlocks(problems));
    }
    const blocks = Array.isArray(payload.blocks) ? payload.blocks : undefined;
    const text = typeof payload.text === 'string' ? payload.text : '';
    this.calls.push({ method: 'response_url', args: payload, at: Date.now(), status: 200, ok: true });
    const original = target.message && this.state.findMessage(target.message.channel, target.message.ts);
    if (payload.replace_original === true && original && payload.response_type !== 'ephemeral') {
      original.text = text;
      if (blocks) original.blocks = blocks;
      original.edited = true;
    } else if (payload.delete_original === true && original) {
      this.state.messages = this.state.messages.filter((m) => m !== original);
    } else if (payload.response_type === 'in_channel') {
      this.state.messages.push({
        channel: target.channel,
        ts: this.state.nextTs(),
        user: 'UBOTDESK',
        text,
        ...(blocks ? { blocks } : {}),
      });
    } else {
      this.state.ephemerals.push({
        id: this.state.nextNumber(),
        channel: target.channel,
        user: target.user,
        text,
        ...(blocks ? { blocks } : {}),
        via: 'response_url',
        at: Date.now(),
      });
    }
    this.emit('change');
    sendJson(res, 200, { ok: true });
  }
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

export const parseArgs = (contentType: string | undefined, body: string): Args => {
  if (!body) return {};
  if (contentType?.includes('application/json')) return JSON.parse(body) as Args;
  const args: Args = {};
  for (const [k, v] of new URLSearchParams(body)) {
    if (JSON_FIELDS.has(k)) {
      try {
        args[k] = JSON.parse(v);
        continue;
      } catch {
        // not JSON: keep the string, as Slack would reject it later
      }
    }
    args[k] = v === 'true' ? true : v === 'false' ? false : v;
  }
  return args;
};

export const sendJson = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};
