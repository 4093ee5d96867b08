/**
 * pino logger. Secrets, consultation and write-up text are redacted by path so they never reach the log,
 * whoever logs an object that carries them.
 */
import pino, { type Logger } from 'pino';

export const REDACT_PATHS = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'signingSecret',
  '*.signingSecret',
  'appToken',
  '*.appToken',
  'headers.authorization',
  '*.headers.authorization',
  'body',
  '*.body',
  'topic',
  '*.topic',
  'question',
  '*.question',
  'text',
  '*.text',
  // The strengths write-up (client data, issue #19): its columns, and a modal's typed values.
  'writeup_draft',
  '*.writeup_draft',
  'writeup_text',
  '*.writeup_text',
  'values',
  '*.values',
  // A busy calendar's address (#22 item 4) is a secret: whoever has it reads the supporter's calendar.
  'busyUrl',
  '*.busyUrl',
  'busy_url',
  '*.busy_url',
];

export type { Logger };

export const createLogger = (
  level: string,
  destination?: pino.DestinationStream,
  bindings: Record<string, unknown> = {},
): Logger =>
  pino(
    {
      level,
      base: { app: 'supporter-desk', ...bindings },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
