/**
 * What Slack remembers about the trigger_ids and response_urls it hands the app.
 *
 * trigger_id: "valid for 3 seconds" and usable once
 * (https://api.slack.com/interactivity/handling#modal_responses). views.open / views.push answer
 * `invalid_trigger_id` for one Slack never issued, `expired_trigger_id` after the 3 s, and
 * `exchanged_trigger_id` ("The trigger_id was already exchanged in a previous call") when reused
 * (https://api.slack.com/methods/views.open#errors, …/views.push#errors).
 *
 * response_url: "up to 5 times within 30 minutes"
 * (https://api.slack.com/interactivity/handling#message_responses). What Slack answers past that is not
 * documented; the emulator answers as it does for an unknown url, HTTP 404 `{"ok":false,"error":"expired_url"}`.
 */

export const TRIGGER_LIFETIME_MS = 3_000;
export const RESPONSE_URL_USES = 5;
export const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;

export type TriggerVerdict = 'ok' | 'invalid_trigger_id' | 'expired_trigger_id' | 'exchanged_trigger_id';

export class TriggerLedger {
  private readonly issued = new Map<string, { userId: string; at: number; used: boolean }>();

  issue(triggerId: string, userId: string, at: number): void {
    this.issued.set(triggerId, { userId, at, used: false });
  }

  /** Spends a trigger_id at `now`: 'ok' once, within its 3 s; otherwise Slack's error. */
  exchange(triggerId: string, now: number): TriggerVerdict {
    const t = this.issued.get(triggerId);
    if (!t) return 'invalid_trigger_id';
    if (t.used) return 'exchanged_trigger_id';
    if (now - t.at > TRIGGER_LIFETIME_MS) return 'expired_trigger_id';
    t.used = true;
    return 'ok';
  }
}

/** A response_url's budget: 5 posts within 30 minutes of its issue. */
export class ResponseUrlBudget {
  private uses = 0;

  constructor(private readonly issuedAt: number) {}

  /** Spends one use at `now`; false when the url is used up or past its 30 minutes. */
  spend(now: number): boolean {
    if (this.uses >= RESPONSE_URL_USES || now - this.issuedAt > RESPONSE_URL_LIFETIME_MS) return false;
    this.uses += 1;
    return true;
  }
}
