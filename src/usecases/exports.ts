/**
 * The export shapes of CONTRACT.md, as plain rows. `start` carries the app zone's offset
 * (`2026-12-03T19:00:00+09:00`); removed slots are never listed.
 */
import { DateTime } from 'luxon';
import { slotsForExport } from '../db/repositories/slots.js';
import { expertiseBySupporter } from '../db/repositories/supporters.js';
import type { UseCaseDeps } from '../deps.js';
import { monthBounds } from '../domain/calendar.js';
import { rosterStandings } from './standing.js';

export type SlotExportRow = { id: number; supporter: string; start: string; minutes: number; status: string };
export type SupporterExportRow = {
  id: string;
  expertise: string[];
  month: string;
  slots: number;
  quota: number;
  exempt: boolean;
};

export const localIso = (utcIso: string, zone: string): string =>
  DateTime.fromISO(utcIso, { zone: 'utc' }).setZone(zone).toISO({ suppressMilliseconds: true }) ?? utcIso;

export const exportSlots = async (deps: UseCaseDeps, opts: { month?: string }): Promise<SlotExportRow[]> => {
  const rows = await slotsForExport(
    deps.db,
    opts.month ? monthBounds(opts.month, deps.config.timezone) : undefined,
  );
  return rows.map((r) => ({
    id: r.id,
    supporter: r.supporter_id,
    start: localIso(r.start_at, deps.config.timezone),
    minutes: r.minutes,
    status: r.status,
  }));
};

export const exportSupporters = async (
  deps: UseCaseDeps,
  opts: { month: string },
): Promise<SupporterExportRow[]> => {
  const [standings, expertise] = await Promise.all([
    rosterStandings(deps.db, deps.config, opts.month),
    expertiseBySupporter(deps.db),
  ]);
  return standings.map((s) => ({
    id: s.supporterId,
    expertise: expertise.get(s.supporterId) ?? [],
    month: s.month,
    slots: s.count,
    quota: s.quota,
    exempt: s.exempt || s.away,
  }));
};
