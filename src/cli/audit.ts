/**
 * `supporter-desk audit [--since ISO] [--format json|csv]`: the audit log — every export, erasure,
 * backup, operator command and digest post — as `{at, actor, action, target, detail}` rows, oldest first
 * (JSON: a bare array on stdout; CSV: a header row and a UTF-8 BOM, like exports).
 */
import { auditLog } from '../usecases/audit.js';
import { CliError, type CliIo, parseCommandArgs, withDatabase, withHelp } from './common.js';
import { toCsv } from './export.js';

const USAGE = `Usage: supporter-desk audit [--since ISO] [--format json|csv]
  Prints the log of exports, erasures, backups, operator commands and digest posts (no client text).
  --since   only entries at or after this instant (e.g. 2026-12-01T00:00:00+09:00)`;

export const auditCommand = withHelp(async (args: string[], io: CliIo) => {
  const { values, positionals } = parseCommandArgs(
    args,
    { since: { type: 'string' }, format: { type: 'string' } },
    USAGE,
  );
  if (positionals.length) throw new CliError(`unexpected "${positionals[0]}"\n${USAGE}`);
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new CliError(`--format "${format}" must be json or csv`);
  let since: Date | undefined;
  if (values.since !== undefined) {
    since = new Date(values.since);
    if (Number.isNaN(since.getTime()))
      throw new CliError(
        `--since "${values.since}" is not an ISO date-time (e.g. 2026-12-01T00:00:00+09:00)`,
      );
  }
  const rows = await withDatabase(io, ({ db }) => auditLog({ db }, since));
  const output = format === 'json' ? JSON.stringify(rows, null, 2) : toCsv(rows).replace(/\n$/, '');
  io.out(output);
});
