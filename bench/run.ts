/**
 * `npm run bench [-- --quick] [-- --only <name>[,<name>…]]` — the figures of bench/README.md, each beside
 * a baseline measured in the same run on the same machine. Prints one table; exits 1 if a goal is missed.
 * Names: slash (figures 1 and 5), memory (same run as slash), digest, fanout, writes, names.
 */
import { cpus } from 'node:os';
import { digestPlan, runDigest } from './figures/digest.js';
import { fanoutPlan, runFanout } from './figures/fanout.js';
import { namesPlan, runNames } from './figures/names.js';
import { runSlash, slashPlan } from './figures/slash.js';
import { runWrites, writesPlan } from './figures/writes.js';
import { formatMarkdown, formatTable, type Row } from './lib/report.js';

type Figure = { names: string[]; run: (quick: boolean, log: (s: string) => void) => Promise<Row[]> };

const FIGURES: Figure[] = [
  { names: ['slash', 'memory'], run: (quick, log) => runSlash(slashPlan(quick), log) },
  { names: ['digest'], run: (quick, log) => runDigest(digestPlan(quick), log) },
  { names: ['fanout'], run: (quick, log) => runFanout(fanoutPlan(quick), log) },
  { names: ['writes'], run: (quick, log) => runWrites(writesPlan(quick), log) },
  { names: ['names'], run: (quick, log) => runNames(namesPlan(quick), log) },
];

const parseArgs = (argv: string[]) => {
  const quick = argv.includes('--quick');
  const markdown = argv.includes('--markdown');
  const i = argv.indexOf('--only');
  const only = i >= 0 ? (argv[i + 1] ?? '').split(',').filter(Boolean) : undefined;
  const known = FIGURES.flatMap((f) => f.names);
  const unknown = (only ?? []).filter((n) => !known.includes(n));
  if ((i >= 0 && !only?.length) || unknown.length) {
    process.stderr.write(`bench: --only takes one or more of ${known.join(', ')}\n`);
    process.exit(2);
  }
  return { quick, markdown, only };
};

const main = async () => {
  const { quick, markdown, only } = parseArgs(process.argv.slice(2));
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const started = performance.now();
  log(
    `Supporter Desk bench${quick ? ' (--quick)' : ''}: Node ${process.version}, ${cpus().length} cores, ${new Date().toISOString()}`,
  );
  const rows: Row[] = [];
  for (const figure of FIGURES) {
    if (only && !figure.names.some((n) => only.includes(n))) continue;
    log(`> ${figure.names.join(' / ')}`);
    rows.push(...(await figure.run(quick, log)));
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  process.stdout.write(`\n${formatTable(rows)}\n\n`);
  if (markdown) process.stdout.write(`${formatMarkdown(rows)}\n\n`);
  const failed = rows.filter((r) => r.verdict === 'NOT MET');
  process.stdout.write(
    failed.length
      ? `${failed.length} goal(s) missed (${seconds} s): ${failed.map((r) => `${r.figure} ${r.what}`).join('; ')}\n`
      : `all goals met (${seconds} s)\n`,
  );
  process.exit(failed.length ? 1 : 0);
};

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
