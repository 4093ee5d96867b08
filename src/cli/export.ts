import { CliError, type CliIo, MONTH_RE, parseCommandArgs, withHelp } from './common.js';

export const EXPORT_KINDS = ['slots', 'consultations', 'supporters'] as const;

const USAGE = `Usage: supporter-desk export <slots|consultations|supporters> [--month YYYY-MM] [--format json|csv] [--out FILE]
  JSON prints a bare array on stdout; CSV has a header row and a UTF-8 BOM (opens in Excel).`;

export const exportCommand = withHelp(async (args: string[], _io: CliIo) => {
  const { positionals, values } = parseCommandArgs(
    args,
    { month: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
    USAGE,
  );
  const kind = positionals[0];
  if (!kind || !(EXPORT_KINDS as readonly string[]).includes(kind)) {
    throw new CliError(`unknown export "${kind ?? ''}" (one of ${EXPORT_KINDS.join(', ')})`);
  }
  if (values.month !== undefined && !MONTH_RE.test(values.month))
    throw new CliError(`--month "${values.month}" is not YYYY-MM`);
  if (values.format !== undefined && values.format !== 'json' && values.format !== 'csv') {
    throw new CliError(`--format "${values.format}" must be json or csv`);
  }
  throw new CliError(`export ${kind}: not available in this version yet`, 1);
});
