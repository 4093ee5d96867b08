/**
 * The environment (../shared/CONTRACT.md), validated once with zod and frozen. Nothing else in the code
 * reads process.env: main.ts and cli.ts call loadConfig(process.env) and pass the result down.
 */
import { IANAZone } from 'luxon';
import cron from 'node-cron';
import { z } from 'zod';

const boolFromEnv = (defaultValue: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .default(defaultValue ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (defaultValue: number, min: number, max: number) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int({ message: 'must be a whole number' })
    .min(min, { message: `must be at least ${min}` })
    .max(max, { message: `must be at most ${max}` })
    .default(defaultValue);

const cronExpr = (defaultValue: string) =>
  z
    .string()
    .default(defaultValue)
    .refine((v) => cron.validate(v), { message: 'is not a valid cron expression' });

const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const userIdList = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .refine((ids) => ids.every((id) => /^[UW][A-Z0-9]+$/.test(id)), {
    message: 'must be a comma-separated list of Slack user ids (U…)',
  });

export const DEFAULT_DATABASE_URL = 'sqlite:./data/supporter-desk.sqlite';

const databaseUrl = z
  .string()
  .default(DEFAULT_DATABASE_URL)
  .refine((v) => /^(sqlite:|postgres(ql)?:\/\/)/.test(v), {
    message: 'must start with sqlite: or postgres://',
  });

const schema = z.object({
  SLACK_BOT_TOKEN: z.string({ message: 'is required' }).min(1, { message: 'is required' }),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_APP_TOKEN: z.string().optional(),
  SLACK_SOCKET_MODE: boolFromEnv(false),
  PORT: int(3000, 0, 65535),
  SLACK_API_URL: z.url({ message: 'must be a URL' }).default('https://slack.com/api/'),
  DATABASE_URL: databaseUrl,
  DB_POOL_SIZE: int(10, 1, 100),
  APP_TIMEZONE: z
    .string()
    .default('Asia/Tokyo')
    .refine((v) => IANAZone.isValidZone(v), { message: 'is not an IANA time zone (e.g. Asia/Tokyo)' }),
  DEFAULT_LOCALE: z.enum(['ja', 'en'], { message: 'must be ja or en' }).default('ja'),
  ADVICE_CHANNEL_ID: z.string({ message: 'is required' }).trim().min(1, { message: 'is required' }),
  SUPPORTERS_CHANNEL_ID: optionalId,
  OPERATOR_CHANNEL_ID: optionalId,
  OPERATOR_USER_IDS: userIdList,
  MONTHLY_SLOT_QUOTA: int(5, 1, 31),
  ADVICE_NUDGE_HOURS: int(12, 1, 24 * 14),
  WRITEUP_DUE_HOURS: int(72, 1, 24 * 60),
  RETENTION_DAYS: int(180, 1, 3650),
  SCHEDULER_ENABLED: boolFromEnv(true),
  QUOTA_REMINDER_CRON: cronExpr('0 10 * * 1,4'),
  OPERATOR_DIGEST_CRON: cronExpr('0 9 * * 1-5'),
  ADVICE_NUDGE_CRON: cronExpr('*/30 * * * *'),
  WRITEUP_REMINDER_CRON: cronExpr('0 18 * * *'),
  RETENTION_CRON: cronExpr('30 3 * * *'),
  STUDY_REMINDER_CRON: cronExpr('*/15 * * * *'),
  SESSION_BRIEF_CRON: cronExpr('*/15 * * * *'),
  SESSION_OUTCOME_CRON: cronExpr('*/15 * * * *'),
  BRIEF_HOURS_BEFORE: z
    .string()
    .default('24,1')
    .transform((v) => [...new Set(v.split(',').map((x) => x.trim()))].filter(Boolean).map(Number))
    .refine(
      (hours) => hours.length > 0 && hours.every((h) => Number.isInteger(h) && h >= 1 && h <= 24 * 14),
      {
        message: 'must be a comma-separated list of whole hours between 1 and 336, e.g. 24,1',
      },
    ),
  BOOKINGS_WEBHOOK_SECRET: z
    .string()
    .optional()
    .refine((v) => v === undefined || v.length >= 16, { message: 'must be at least 16 characters' }),
  STUDY_CHANNEL_ID: optionalId,
  PUBLIC_BASE_URL: z
    .url({ message: 'must be a URL' })
    .optional()
    .refine(
      (v) => v === undefined || /^https:\/\//.test(v) || /^http:\/\/(localhost|127\.0\.0\.1)(:|\/|$)/.test(v),
      {
        message: 'must be an https:// URL (plain http only for localhost)',
      },
    )
    .refine((v) => v === undefined || !/[?#]/.test(v), {
      message: 'must be the address only, without ?query or #fragment (a path such as /desk is fine)',
    })
    .transform((v) => v?.replace(/\/+$/, '')),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
});

type Env = z.output<typeof schema>;

export type Config = Readonly<{
  slack: Readonly<{
    botToken: string;
    signingSecret: string;
    appToken: string | undefined;
    socketMode: boolean;
    apiUrl: string;
  }>;
  port: number;
  databaseUrl: string;
  dbPoolSize: number;
  timezone: string;
  defaultLocale: 'ja' | 'en';
  channels: Readonly<{
    advice: string;
    supporters: string | undefined;
    operators: string | undefined;
    /** Where study sessions are announced: STUDY_CHANNEL_ID, else the supporters' channel. */
    study: string | undefined;
  }>;
  operatorUserIds: readonly string[];
  monthlySlotQuota: number;
  adviceNudgeHours: number;
  writeupDueHours: number;
  retentionDays: number;
  /** Hours before a booked session that its brief is sent (BRIEF_HOURS_BEFORE), largest first. */
  briefHoursBefore: readonly number[];
  /** Signs POST /api/bookings (BOOKINGS_WEBHOOK_SECRET); unset: the endpoint answers 404. */
  bookingsWebhookSecret: string | undefined;
  /** The app's public address (PUBLIC_BASE_URL, no trailing slash): builds calendar-feed links; unset: none. */
  publicBaseUrl: string | undefined;
  scheduler: Readonly<{
    enabled: boolean;
    crons: Readonly<Record<JobName, string>>;
  }>;
  logLevel: Env['LOG_LEVEL'];
}>;

export const JOB_NAMES = [
  'quota-reminders',
  'operator-digest',
  'advice-nudges',
  'writeup-reminders',
  'retention',
  'study-reminders',
  'session-briefs',
  'session-outcomes',
] as const;
export type JobName = (typeof JOB_NAMES)[number];

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: string[]) {
    super(`Invalid configuration — fix these environment variables: ${problems.join('; ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Without Slack credentials (a job's dry run never calls Slack): the token may be absent. */
const offlineSchema = schema.extend({ SLACK_BOT_TOKEN: z.string().default('') });

export type LoadConfigOptions = {
  /** false: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and SLACK_APP_TOKEN are not required (default true). */
  slackCredentials?: boolean;
};

/** Parses the whole environment; every problem is reported at once, each by variable name. */
export const loadConfig = (env: NodeJS.ProcessEnv, opts: LoadConfigOptions = {}): Config => {
  const needsSlack = opts.slackCredentials !== false;
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]),
  );
  const parsed = (needsSlack ? schema : offlineSchema).safeParse(blankToUndefined);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${String(issue.path[0] ?? '?')} ${issue.message}`);
  if (needsSlack) problems.push(...credentialProblems(blankToUndefined));
  if (!parsed.success || problems.length) throw new ConfigError([...new Set(problems)]);
  const e = parsed.data;
  return deepFreeze({
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET ?? '',
      appToken: e.SLACK_APP_TOKEN,
      socketMode: e.SLACK_SOCKET_MODE,
      apiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`,
    },
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dbPoolSize: e.DB_POOL_SIZE,
    timezone: e.APP_TIMEZONE,
    defaultLocale: e.DEFAULT_LOCALE,
    channels: {
      advice: e.ADVICE_CHANNEL_ID,
      supporters: e.SUPPORTERS_CHANNEL_ID,
      operators: e.OPERATOR_CHANNEL_ID,
      study: e.STUDY_CHANNEL_ID ?? e.SUPPORTERS_CHANNEL_ID,
    },
    operatorUserIds: e.OPERATOR_USER_IDS,
    monthlySlotQuota: e.MONTHLY_SLOT_QUOTA,
    adviceNudgeHours: e.ADVICE_NUDGE_HOURS,
    writeupDueHours: e.WRITEUP_DUE_HOURS,
    retentionDays: e.RETENTION_DAYS,
    briefHoursBefore: [...e.BRIEF_HOURS_BEFORE].sort((a, b) => b - a),
    bookingsWebhookSecret: e.BOOKINGS_WEBHOOK_SECRET,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    scheduler: {
      enabled: e.SCHEDULER_ENABLED,
      crons: {
        'quota-reminders': e.QUOTA_REMINDER_CRON,
        'operator-digest': e.OPERATOR_DIGEST_CRON,
        'advice-nudges': e.ADVICE_NUDGE_CRON,
        'writeup-reminders': e.WRITEUP_REMINDER_CRON,
        retention: e.RETENTION_CRON,
        'study-reminders': e.STUDY_REMINDER_CRON,
        'session-briefs': e.SESSION_BRIEF_CRON,
        'session-outcomes': e.SESSION_OUTCOME_CRON,
      },
    },
    logLevel: e.LOG_LEVEL,
  });
};

/**
 * HTTP mode needs the signing secret; Socket Mode needs an app token instead. Checked beside the schema
 * (not inside it) so these problems are reported together with every other one.
 */
const credentialProblems = (env: Record<string, string | undefined>): string[] => {
  const socketMode = ['true', '1', 'yes'].includes(env.SLACK_SOCKET_MODE ?? '');
  if (socketMode) {
    return env.SLACK_APP_TOKEN?.startsWith('xapp-')
      ? []
      : ['SLACK_APP_TOKEN is required (xapp-…) when SLACK_SOCKET_MODE=true'];
  }
  return env.SLACK_SIGNING_SECRET ? [] : ['SLACK_SIGNING_SECRET is required'];
};

/** The database settings alone, for CLI commands that need no Slack credentials (migrate, backup, export). */
export const loadDatabaseUrl = (env: NodeJS.ProcessEnv): string => {
  const parsed = databaseUrl.safeParse(env.DATABASE_URL || undefined);
  if (!parsed.success)
    throw new ConfigError([`DATABASE_URL ${parsed.error.issues[0]?.message ?? 'is invalid'}`]);
  return parsed.data;
};

const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
};
