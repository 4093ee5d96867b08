/** Adapts pino to the Logger interface Bolt and the Slack SDKs expect, so all logs are one stream. */
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../logger.js';

const toPino: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

/**
 * The Slack SDKs log request and response payloads as text (at debug level), which pino's redaction
 * paths cannot reach: message text, consultation topics. Keep the words, drop the payload.
 */
export const scrubPayload = (line: string): string => {
  const cut = line.search(/[[{]/);
  return cut < 0 ? line : `${line.slice(0, cut).trimEnd()} [payload omitted]`;
};

export const boltLogger = (base: Logger): BoltLogger => {
  let logger = base.child({ component: 'bolt' });
  const join = (msgs: unknown[]) =>
    scrubPayload(
      msgs.map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : '{}')).join(' '),
    );
  return {
    debug: (...msgs) => logger.debug(join(msgs)),
    info: (...msgs) => logger.info(join(msgs)),
    warn: (...msgs) => logger.warn(join(msgs)),
    error: (...msgs) => logger.error(join(msgs)),
    // Bolt sets its level from its own option; ours comes from LOG_LEVEL, so only an explicit debug wins.
    setLevel: (level) => {
      if (level === LogLevel.DEBUG) logger.level = toPino[level];
    },
    getLevel: () =>
      (Object.entries(toPino).find(([, v]) => v === logger.level)?.[0] as LogLevel) ?? LogLevel.INFO,
    setName: (name) => {
      logger = base.child({ component: name });
    },
  };
};
