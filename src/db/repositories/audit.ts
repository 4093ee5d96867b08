/** The audit log (migration 0011): who did what to which data, when. `detail` never holds client text. */
import type { DbOrTrx } from '../database.js';
import type { AuditEntry } from '../schema.js';

export type NewAuditEntry = { at: string; actor: string; action: string; target?: string; detail?: string };

export const insertAuditEntry = async (db: DbOrTrx, entry: NewAuditEntry): Promise<void> => {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      target: entry.target ?? '',
      detail: entry.detail ?? '{}',
    })
    .execute();
};

/** Entries at or after `since` (all when absent), oldest first. */
export const auditEntriesSince = (db: DbOrTrx, since?: string): Promise<AuditEntry[]> => {
  let q = db.selectFrom('audit_log').selectAll();
  if (since) q = q.where('at', '>=', since);
  return q.orderBy('at').orderBy('id').execute();
};
