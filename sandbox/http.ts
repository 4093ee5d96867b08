/** Small HTTP helpers for the sandbox's own routes. */
import type { ServerResponse } from 'node:http';

/** A request the sandbox refuses, with the status to answer. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const parseJson = <T>(body: string): T => {
  try {
    return JSON.parse(body || '{}') as T;
  } catch {
    throw new HttpError(400, 'the body is not JSON');
  }
};

export const requireString = (v: unknown, what: string): string => {
  if (typeof v !== 'string' || v === '') throw new HttpError(400, `${what} is required`);
  return v;
};

export const send = (res: ServerResponse, status: number, type: string, body: string | Uint8Array): void => {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
};

export const sendJson = (res: ServerResponse, status: number, body: unknown): void =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
