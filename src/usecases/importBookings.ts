/**
 * `supporter-desk import bookings FILE.csv`: every row is booked, or none. The header is
 * `supporter,start,client_alias,plan,topic` (in that order); each row books the supporter's slot starting
 * then, as the webhook does (the same use case, the same checks). All rows run in one transaction; the
 * first failing row rolls it back and is named. A dry run makes every check and rolls back anyway.
 */
import { writeTransaction } from '../db/transaction.js';
import type { UseCaseDeps } from '../deps.js';
import { parseCsv } from '../domain/csv.js';
import { DomainError, isDomainError } from '../domain/errors.js';
import { parseBookingStart, parsePlan } from '../domain/sessions.js';
import { japaneseAnalyzer } from '../text/japaneseAnalyzer.js';
import { type Booked, type BookingRequest, bookInTransaction } from './sessions.js';

export const IMPORT_COLUMNS = ['supporter', 'start', 'client_alias', 'plan', 'topic'] as const;

/** A row (its line in the file) that could not be booked, and why. */
export class ImportRowError extends Error {
  constructor(
    readonly line: number,
    readonly reason: DomainError,
  ) {
    super(`line ${line}: ${reason.code}`);
    this.name = 'ImportRowError';
  }
}

type Row = { line: number; request: BookingRequest };

const readRows = (deps: UseCaseDeps, csv: string): Row[] => {
  const records = parseCsv(csv);
  const header = records[0]?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  if (header.join(',') !== IMPORT_COLUMNS.join(','))
    throw new ImportRowError(
      1,
      new DomainError('csv_header_invalid', {
        expected: IMPORT_COLUMNS.join(','),
        actual: header.join(',') || '(empty)',
      }),
    );
  return records.slice(1).map(({ line, fields }) => {
    try {
      if (fields.length !== IMPORT_COLUMNS.length)
        throw new DomainError('csv_row_invalid', { expected: IMPORT_COLUMNS.length, actual: fields.length });
      const [supporter, start, alias, plan, topic] = fields.map((f) => f.trim()) as [
        string,
        string,
        string,
        string,
        string,
      ];
      if (!supporter || !start) throw new DomainError('booking_target_missing');
      return {
        line,
        request: {
          target: { supporter, startUtc: parseBookingStart(start, deps.config.timezone) },
          alias,
          plan: parsePlan(plan),
          topic,
          source: 'import',
        },
      };
    } catch (err) {
      throw isDomainError(err) ? new ImportRowError(line, err) : err;
    }
  });
};

class DryRunRollback extends Error {}

export const importBookings = async (
  deps: UseCaseDeps,
  csv: string,
  now: Date,
  opts: { dryRun?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ rows: number; booked: Booked[] }> => {
  const rows = readRows(deps, csv);
  let booked: Booked[] = [];
  const analyzer = await japaneseAnalyzer();
  try {
    await writeTransaction(deps.db, async (trx) => {
      booked = [];
      for (const [i, row] of rows.entries()) {
        try {
          booked.push(await bookInTransaction(trx, row.request, now, analyzer));
        } catch (err) {
          throw isDomainError(err) ? new ImportRowError(row.line, err) : err;
        }
        opts.onProgress?.(i + 1, rows.length);
      }
      if (opts.dryRun) throw new DryRunRollback();
    });
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }
  return { rows: rows.length, booked };
};
