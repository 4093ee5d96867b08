// @ts-check
/**
 * What the HTTP front needs to know of a Slack request body: the body as Bolt parses it, and whether the
 * front may ack it itself. Plain JavaScript, type-checked, for the front's worker thread (see worker.js).
 */
import { parse } from 'node:querystring';

/** @typedef {Record<string, unknown>} SlackBody */

/**
 * The body as Bolt's HTTPReceiver parses it (form fields, the JSON in `payload=`, or a JSON body).
 * @param {string} raw
 * @param {string | undefined} contentType
 * @returns {SlackBody}
 */
export const parseSlackBody = (raw, contentType) => {
  if (contentType === 'application/x-www-form-urlencoded') {
    const form = parse(raw);
    return typeof form.payload === 'string' ? JSON.parse(form.payload) : form;
  }
  return JSON.parse(raw);
};

/**
 * Payloads whose ack carries nothing, so the front can ack them the moment they are verified: slash
 * commands (every command answers on its response_url; see listeners/commands/router.ts), button clicks
 * and Events API callbacks. Modal submissions (whose ack may carry field errors), options requests,
 * URL verification and SSL checks go to Bolt and wait for its answer.
 * @param {SlackBody} body
 * @returns {boolean}
 */
export const ackedByFront = (body) => {
  if (typeof body.command === 'string') return body.ssl_check === undefined;
  return body.type === 'block_actions' || body.type === 'event_callback';
};
