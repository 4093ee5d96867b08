/**
 * Socket Mode, the fake's side: `apps.connections.open` hands out a WebSocket URL on the fake's own HTTP
 * server, and the socket speaks the protocol as Slack documents it and as @slack/socket-mode (Bolt's
 * client) expects it. Sources, cited per rule below:
 * - https://api.slack.com/methods/apps.connections.open (app-level token, scope connections:write)
 * - https://api.slack.com/apis/socket-mode ("Socket Mode" guide: hello, envelopes, acks, disconnect)
 * - node-slack-sdk packages/socket-mode/src/SocketModeClient.ts and SlackWebSocket.ts (what the client
 *   reads: `hello` resolves start(), `disconnect` makes it reconnect with a new apps.connections.open,
 *   envelopes are acked with `{envelope_id, payload}`, it pings and expects pongs, it watches for our pings).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';

export type EnvelopeType = 'slash_commands' | 'events_api' | 'interactive';

/** Why Slack closes a connection: https://api.slack.com/apis/socket-mode ("Disconnect events"). */
export type DisconnectReason = 'warning' | 'refresh_requested' | 'link_disabled';

export type Envelope = {
  envelope_id: string;
  type: EnvelopeType;
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
};

/** What the app answered: the ack's payload, or nothing when it never acked (or nobody was connected). */
export type AckResult =
  | { acked: true; payload: Record<string, unknown> }
  | { acked: false; reason: 'timeout' | 'no_connection' };

export type SocketModeOptions = {
  appId?: string;
  /** How long Slack waits for an ack. https://api.slack.com/apis/socket-mode: "within 3 seconds". */
  ackTimeoutMs?: number;
  /**
   * When an unacked events_api envelope is sent again. The Events API retries "nearly immediately, then
   * 1 minute, then 5 minutes" (https://api.slack.com/apis/events-api#retries); the Socket Mode guide says
   * unacknowledged events are retried the same way, with retry_attempt / retry_reason in the envelope.
   * Slash commands and interactivity are never retried (the user sees a timeout instead).
   */
  eventRetryDelaysMs?: number[];
  /** How often the server pings. Docs silent on the interval; the client drops a link after 30 s silent. */
  pingIntervalMs?: number;
  /** After a `disconnect` message Slack closes the link itself if the client does not (docs: "soon"). */
  closeAfterDisconnectMs?: number;
};

type Pending = { envelope: Envelope; resolve: (r: AckResult) => void; timer: NodeJS.Timeout };

const PATH = '/link/';

export class SocketModeServer {
  readonly appId: string;
  /** The app-level token (xapp-…) apps.connections.open accepts. */
  readonly appToken: string;
  /** Every envelope sent, in order (retries included), and every ack received. */
  readonly sent: Envelope[] = [];
  readonly acks: Array<{ envelope_id: string; payload: Record<string, unknown> }> = [];
  /** How many connections were ever opened (a reconnect adds one). */
  connectionsOpened = 0;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly tickets = new Set<string>();
  private readonly sockets = new Set<WebSocket>();
  private readonly pending = new Map<string, Pending>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly opts: Required<Omit<SocketModeOptions, 'appId'>>;
  private envelopeCounter = 0;
  private linkDisabled = false;
  private roundRobin = 0;
  private readonly listeners = new Set<() => void>();

  constructor(opts: SocketModeOptions = {}) {
    this.appId = opts.appId ?? 'A0DESK';
    this.appToken = `xapp-1-${this.appId}-1-${randomBytes(16).toString('hex')}`;
    this.opts = {
      ackTimeoutMs: opts.ackTimeoutMs ?? 3000,
      eventRetryDelaysMs: opts.eventRetryDelaysMs ?? [0, 60_000, 300_000],
      pingIntervalMs: opts.pingIntervalMs ?? 10_000,
      closeAfterDisconnectMs: opts.closeAfterDisconnectMs ?? 1000,
    };
  }

  /** Connections open right now. */
  get openConnections(): number {
    return [...this.sockets].filter((s) => s.readyState === s.OPEN).length;
  }

  /**
   * apps.connections.open (https://api.slack.com/methods/apps.connections.open). Only an app-level token
   * may call it (error `not_allowed_token_type` for a bot or user token, `invalid_auth` for one Slack does
   * not know: the method page's error list). The URL is for one connection: a reconnect asks again
   * (the guide: "…call apps.connections.open again to get a new URL"; the SDK always does).
   */
  open(token: string, botToken: string, baseUrl: string): Record<string, unknown> & { ok: boolean } {
    if (!token) return { ok: false, error: 'not_authed' };
    if (token === botToken || /^xox[bpe]-/.test(token)) return { ok: false, error: 'not_allowed_token_type' };
    if (token !== this.appToken) return { ok: false, error: 'invalid_auth' };
    // Docs silent on what apps.connections.open answers once Socket Mode is off; the link is refused at
    // the socket below, so the client reconnects into nothing, as it would against Slack.
    const ticket = randomBytes(12).toString('hex');
    this.tickets.add(ticket);
    return {
      ok: true,
      url: `${baseUrl.replace(/^http/, 'ws')}${PATH}?ticket=${ticket}&app_id=${this.appId}`,
    };
  }

  /** The HTTP server's `upgrade` hook: true when the request was ours (a Socket Mode link). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname !== PATH) return false;
    const ticket = url.searchParams.get('ticket') ?? '';
    // A used or unknown ticket is refused at the handshake. Docs: the URL is temporary and for one
    // connection; the exact refusal is not documented (the SDK only sees a failed handshake and retries).
    if (!this.tickets.delete(ticket) || this.linkDisabled) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      return true;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    return true;
  }

  private accept(ws: WebSocket): void {
    this.sockets.add(ws);
    this.connectionsOpened += 1;
    // Slack pings; the SDK answers with pong (undici) and, once it has seen a ping, expects more.
    const ping = setInterval(() => ws.ping(), this.opts.pingIntervalMs);
    ws.on('close', () => {
      clearInterval(ping);
      this.sockets.delete(ws);
      this.changed();
    });
    ws.on('error', () => ws.terminate());
    ws.on('message', (data, isBinary) => {
      if (!isBinary) this.onAck(String(data));
    });
    // "hello" first (https://api.slack.com/apis/socket-mode, "Connecting"): the SDK's start() resolves on it.
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.openConnections,
        debug_info: { host: 'applink-fake-1', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: this.appId },
      }),
    );
    this.changed();
  }

  /** The app's ack: `{envelope_id, payload?}` (the guide, "Acknowledge events"). */
  private onAck(text: string): void {
    let msg: { envelope_id?: unknown; payload?: unknown };
    try {
      msg = JSON.parse(text) as typeof msg;
    } catch {
      return; // docs silent; Slack ignores what it cannot read, and so do we
    }
    if (typeof msg.envelope_id !== 'string') return;
    const payload =
      msg.payload && typeof msg.payload === 'object' ? (msg.payload as Record<string, unknown>) : {};
    this.acks.push({ envelope_id: msg.envelope_id, payload });
    const p = this.pending.get(msg.envelope_id);
    if (!p) return; // a late ack, after Slack stopped waiting
    this.pending.delete(msg.envelope_id);
    clearTimeout(p.timer);
    p.resolve({ acked: true, payload });
  }

  /**
   * Sends one envelope to one open connection (Slack picks one of the app's connections: the guide,
   * "Using multiple connections") and waits for its ack, at most the ack timeout. An unacked events_api
   * envelope is sent again later with retry_attempt / retry_reason, as the Events API retries.
   */
  deliver(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    opts: { acceptsResponsePayload?: boolean; retryAttempt?: number; retryReason?: string } = {},
  ): Promise<AckResult> {
    this.envelopeCounter += 1;
    const envelope: Envelope = {
      envelope_id: `${Date.now().toString(16)}-${randomBytes(6).toString('hex')}-${this.envelopeCounter}`,
      type,
      payload,
      accepts_response_payload: opts.acceptsResponsePayload ?? false,
      ...(type === 'events_api'
        ? { retry_attempt: opts.retryAttempt ?? 0, retry_reason: opts.retryReason ?? '' }
        : {}),
    };
    const open = [...this.sockets].filter((s) => s.readyState === s.OPEN);
    if (!open.length) {
      this.scheduleRetry(envelope);
      return Promise.resolve({ acked: false, reason: 'no_connection' });
    }
    this.roundRobin += 1;
    const ws = open[this.roundRobin % open.length]!;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelope.envelope_id);
        this.scheduleRetry(envelope);
        resolve({ acked: false, reason: 'timeout' });
      }, this.opts.ackTimeoutMs);
      this.pending.set(envelope.envelope_id, { envelope, resolve, timer });
      this.sent.push(envelope);
      ws.send(JSON.stringify(envelope));
      this.changed();
    });
  }

  private scheduleRetry(envelope: Envelope): void {
    if (envelope.type !== 'events_api') return;
    const attempt = (envelope.retry_attempt ?? 0) + 1;
    const delay = this.opts.eventRetryDelaysMs[attempt - 1];
    if (delay === undefined) return; // three retries, then Slack gives up
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.deliver('events_api', envelope.payload, { retryAttempt: attempt, retryReason: 'timeout' });
    }, delay);
    this.timers.add(timer);
  }

  /**
   * Slack asks the app to reconnect (the guide, "Disconnect events"): `warning` some seconds before a
   * refresh, `refresh_requested` when the link is being recycled, `link_disabled` when Socket Mode was
   * turned off in the app's settings (no new link is accepted after that until `enableLink()`).
   * The server then closes the link if the client has not.
   */
  disconnect(reason: DisconnectReason): void {
    if (reason === 'link_disabled') this.linkDisabled = true;
    for (const ws of this.sockets) {
      ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-fake-1' } }));
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (ws.readyState === ws.OPEN) ws.close(1000);
      }, this.opts.closeAfterDisconnectMs);
      this.timers.add(timer);
    }
  }

  enableLink(): void {
    this.linkDisabled = false;
  }

  /** Resolves once `predicate` holds (checked on every connect, close and envelope). */
  waitFor(predicate: () => boolean, timeoutMs = 10_000, what = 'Socket Mode condition'): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate()) return;
        done();
        resolve();
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`fake Slack: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  private changed(): void {
    for (const l of [...this.listeners]) l();
  }

  /** Closes every link and forgets what is pending (the fake is stopping). */
  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.resolve({ acked: false, reason: 'no_connection' });
    }
    this.pending.clear();
    for (const ws of this.sockets) ws.terminate();
    this.sockets.clear();
    this.wss.close();
  }
}
