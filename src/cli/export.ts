/**
 * `export <slots|consultations|supporters|sessions>`: a bare JSON array on stdout, or CSV (header, UTF-8 BOM).
 * `export ics --user U… | --study <id>`: an iCalendar file (stdout is the .ics text only).
 */
import { writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { loadConfig } from '../config.js';
import { monthOf } from '../domain/calendar.js';
import { isDomainError } from '../domain/errors.js';
import { recordAudit } from '../usecases/audit.js';
import { exportConsultations } from '../usecases/exportConsultations.js';
import { exportSessions } from '../usecases/exportSessions.js';
import { exportSlots, exportSupporters } from '../usecases/exports.js';
import { exportStudyIcs, exportUserIcs, type IcsExport } from '../usecases/studyIcs.js';
import { CliError, type CliIo, MONTH_RE, parseCommandArgs, withDatabase, withHelp } from './common.js';

export const EXPORT_KINDS = ['slots', 'consultations', 'supporters', 'sessions', 'ics'] as const;
type ExportKind = Exclude<(typeof EXPORT_KINDS)[number], 'ics'>;

const USAGE = `Usage: supporter-desk export <slots|consultations|supporters|sessions> [--month YYYY-MM] [--format json|csv] [--out FILE]
       supporter-desk export ics (--user U… | --study <id>) [--out FILE]
  JSON prints a bare array on stdout; CSV has a header row and a UTF-8 BOM (opens in Excel).
  supporters: the month defaults to the current one; slots, consultations and sessions: all months unless
  --month. sessions never include the topic or any write-up text.
  ics: a calendar (.ics, times in UTC) of one study session (--study), or of a supporter's own booked
  sessions and the study sessions they host or joined (--user); stdout is the .ics text only.`;

export const exportCommand = withHelp(async (args: string[], io: CliIo) => {
  const { positionals, values } = parseCommandArgs(
    args,
    {
      month: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      user: { type: 'string' },
      study: { type: 'string' },
    },
    USAGE,
  );
  const kind = positionals[0];
  if (!kind || !(EXPORT_KINDS as readonly string[]).includes(kind)) {
    throw new CliError(`unknown export "${kind ?? ''}" (one of ${EXPORT_KINDS.join(', ')})`);
  }
  if (kind === 'ics') return exportIcs(values, io);
  if (values.user !== undefined || values.study !== undefined) {
    throw new CliError('--user and --study are options of `export ics`');
  }
  if (values.month !== undefined && !MONTH_RE.test(values.month)) {
    throw new CliError(`--month "${values.month}" is not YYYY-MM`);
  }
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new CliError(`--format "${format}" must be json or csv`);
  const config = loadConfigForExport(io);
  const rows = await withDatabase(io, async ({ db }) => {
    const deps = { db, config };
    const now = io.now();
    const exporters: Record<ExportKind, () => Promise<Record<string, unknown>[]>> = {
      slots: () => exportSlots(deps, { ...(values.month ? { month: values.month } : {}) }),
      supporters: () => exportSupporters(deps, { month: values.month ?? monthOf(now, config.timezone) }),
      consultations: () =>
        exportConsultations(deps, { now, ...(values.month ? { month: values.month } : {}) }),
      sessions: () => exportSessions(deps, { now, ...(values.month ? { month: values.month } : {}) }),
    };
    const exported = await exporters[kind as ExportKind]();
    await recordAudit(
      { db },
      {
        actor: 'cli',
        action: 'export',
        target: kind,
        detail: { rows: exported.length, format, ...(values.month ? { month: values.month } : {}) },
      },
      now,
    );
    return exported;
  });
  const output = format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : toCsv(rows);
  if (values.out) {
    writeFileSync(values.out, output);
    io.err(`${rows.length} ${kind} written to ${values.out}`);
  } else {
    io.out(output.replace(/\n$/, ''));
  }
});

const USER_RE = /^[UW][A-Z0-9]+$/;

/** `export ics --user U… | --study <id> [--out FILE]`. */
const exportIcs = async (
  values: { month?: string; format?: string; out?: string; user?: string; study?: string },
  io: CliIo,
): Promise<void> => {
  if ((values.user === undefined) === (values.study === undefined)) {
    throw new CliError('export ics needs exactly one of --user U… or --study <id>');
  }
  if (values.month !== undefined) throw new CliError('--month is not an option of `export ics`');
  if (values.format !== undefined && values.format !== 'ics') {
    throw new CliError(`--format "${values.format}": export ics always writes iCalendar`);
  }
  const { user, study } = values;
  if (user !== undefined && !USER_RE.test(user))
    throw new CliError(`--user "${user}" is not a Slack user id (U…)`);
  if (study !== undefined && !/^\d{1,9}$/.test(study))
    throw new CliError(`--study "${study}" is not a study session id`);
  const config = loadConfigForExport(io);
  const now = io.now();
  const result: IcsExport = await withDatabase(io, async ({ db }) => {
    const deps = { db, config };
    const audit = (r: IcsExport) =>
      recordAudit(
        { db },
        {
          actor: 'cli',
          action: 'export',
          target: user ? `ics:${user}` : `ics:study:${study}`,
          detail: { events: r.events },
        },
        now,
      ).then(() => r);
    if (user !== undefined) return audit(await exportUserIcs(deps, user, now));
    try {
      return await audit(await exportStudyIcs(deps, Number(study), now));
    } catch (err) {
      if (isDomainError(err) && err.code === 'study_not_found') {
        throw new CliError(`study session #${study} not found`, 1);
      }
      throw err;
    }
  });
  if (values.out) {
    writeFileSync(values.out, result.ics);
    io.err(`${result.events} events written to ${values.out}`);
  } else {
    // The text ends with CRLF; io.out adds the final LF.
    io.out(result.ics.replace(/\n$/, ''));
  }
};

/** Exports need the zone and quota, not Slack credentials: fill the required Slack settings if absent. */
const loadConfigForExport = (io: CliIo) =>
  loadConfig({
    SLACK_BOT_TOKEN: 'unused-for-export',
    SLACK_SIGNING_SECRET: 'unused-for-export',
    ADVICE_CHANNEL_ID: 'unused-for-export',
    ...io.env,
  });

export const toCsv = (rows: Record<string, unknown>[]): string => {
  if (!rows.length) return '\uFEFF';
  const columns = Object.keys(rows[0]!);
  const flat = rows.map((r) =>
    columns.map((c) => (Array.isArray(r[c]) ? (r[c] as unknown[]).join(' ') : r[c])),
  );
  return stringify(flat, { header: true, columns, bom: true, cast: { boolean: (v) => String(v) } });
};
