/**
 * The audit log: every export, erasure, backup, operator command and digest post, with who (a Slack user
 * id, `cli`, or `job:<name>`), what and on which target. `detail` carries counts and options only — the
 * callers pass numbers, flags and ids, never client text.
 */
import { auditEntriesSince, insertAuditEntry } from '../db/repositories/audit.js';
import type { UseCaseDeps } from '../deps.js';
import { toUtcIso } from '../domain/calendar.js';

export type AuditAction = 'export' | 'erase' | 'backup' | 'operator_command' | 'digest_post';

export type AuditRecord = {
  actor: string;
  action: AuditAction;
  target?: string;
  detail?: Record<string, string | number | boolean>;
};

export const recordAudit = (deps: Pick<UseCaseDeps, 'db'>, entry: AuditRecord, now: Date): Promise<void> =>
  insertAuditEntry(deps.db, {
    at: toUtcIso(now),
    actor: entry.actor,
    action: entry.action,
    target: entry.target ?? '',
    detail: JSON.stringify(entry.detail ?? {}),
  });

export type AuditRow = { at: string; actor: string; action: string; target: string; detail: string };

/** The log from `since` on (all of it when absent), oldest first. */
export const auditLog = async (deps: Pick<UseCaseDeps, 'db'>, since?: Date): Promise<AuditRow[]> =>
  (await auditEntriesSince(deps.db, since ? toUtcIso(since) : undefined)).map(
    ({ at, actor, action, target, detail }) => ({ at, actor, action, target, detail }),
  );
