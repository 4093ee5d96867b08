import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const valid = {
  SLACK_BOT_TOKEN: 'xoxb-1',
  SLACK_SIGNING_SECRET: 'secret',
  ADVICE_CHANNEL_ID: 'CADVICE',
};

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  }
  return [];
};

describe('loadConfig', () => {
  it('applies the contract defaults', () => {
    const c = loadConfig(valid);
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBe('sqlite:./data/supporter-desk.sqlite');
    expect(c.timezone).toBe('Asia/Tokyo');
    expect(c.defaultLocale).toBe('ja');
    expect(c.monthlySlotQuota).toBe(5);
    expect(c.scheduler.enabled).toBe(true);
    expect(c.scheduler.crons['quota-reminders']).toBe('0 10 * * 1,4');
    expect(c.scheduler.crons['operator-digest']).toBe('0 9 * * 1-5');
    expect(c.scheduler.crons['advice-nudges']).toBe('*/30 * * * *');
    expect(c.scheduler.crons['writeup-reminders']).toBe('0 18 * * *');
    expect(c.slack.apiUrl).toBe('https://slack.com/api/');
    expect(c.adviceNudgeHours).toBe(12);
    expect(c.writeupDueHours).toBe(72);
  });

  it('is frozen', () => {
    const c = loadConfig(valid);
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.slack)).toBe(true);
  });

  it('names every missing variable at once', () => {
    const problems = problemsOf({});
    expect(problems.join('\n')).toMatch(/SLACK_BOT_TOKEN/);
    expect(problems.join('\n')).toMatch(/SLACK_SIGNING_SECRET/);
    expect(problems.join('\n')).toMatch(/ADVICE_CHANNEL_ID/);
    expect(new ConfigError(problems).message).toMatch(/SLACK_BOT_TOKEN.*SLACK_SIGNING_SECRET/s);
  });

  it('names every invalid value by variable', () => {
    const problems = problemsOf({
      ...valid,
      PORT: 'eighty',
      APP_TIMEZONE: 'Mars/Olympus',
      DEFAULT_LOCALE: 'fr',
      MONTHLY_SLOT_QUOTA: '0',
      QUOTA_REMINDER_CRON: 'every monday',
      OPERATOR_USER_IDS: 'UOK, not-an-id',
      DATABASE_URL: 'mysql://x',
      SCHEDULER_ENABLED: 'maybe',
    }).join('\n');
    for (const name of [
      'PORT',
      'APP_TIMEZONE',
      'DEFAULT_LOCALE',
      'MONTHLY_SLOT_QUOTA',
      'QUOTA_REMINDER_CRON',
      'OPERATOR_USER_IDS',
      'DATABASE_URL',
      'SCHEDULER_ENABLED',
    ]) {
      expect(problems).toContain(name);
    }
  });

  it('needs an app token, not a signing secret, in Socket Mode', () => {
    const problems = problemsOf({
      SLACK_BOT_TOKEN: 'xoxb-1',
      ADVICE_CHANNEL_ID: 'C1',
      SLACK_SOCKET_MODE: 'true',
    });
    expect(problems.join('\n')).toMatch(/SLACK_APP_TOKEN/);
    expect(problems.join('\n')).not.toMatch(/SLACK_SIGNING_SECRET/);
    const ok = loadConfig({ ...valid, SLACK_SOCKET_MODE: 'true', SLACK_APP_TOKEN: 'xapp-1' });
    expect(ok.slack.socketMode).toBe(true);
  });

  it('treats blank values as unset and parses operator lists', () => {
    const c = loadConfig({ ...valid, PORT: '', OPERATOR_USER_IDS: 'U1, U2 ,', OPERATOR_CHANNEL_ID: '' });
    expect(c.port).toBe(3000);
    expect(c.operatorUserIds).toEqual(['U1', 'U2']);
    expect(c.channels.operators).toBeUndefined();
  });

  describe('PUBLIC_BASE_URL (the calendar-feed links)', () => {
    it('is unset by default: no feed links are made', () => {
      expect(loadConfig(valid).publicBaseUrl).toBeUndefined();
      expect(loadConfig({ ...valid, PUBLIC_BASE_URL: '' }).publicBaseUrl).toBeUndefined();
    });

    it.each([
      ['https://desk.example.com', 'https://desk.example.com'],
      ['https://desk.example.com/', 'https://desk.example.com'],
      ['https://example.com/desk//', 'https://example.com/desk'],
      ['http://localhost:3000', 'http://localhost:3000'],
      ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    ])('takes %s as %s (no trailing slash, so links join cleanly)', (value, expected) => {
      expect(loadConfig({ ...valid, PUBLIC_BASE_URL: value }).publicBaseUrl).toBe(expected);
    });

    it.each([
      ['desk.example.com', /PUBLIC_BASE_URL.*URL/],
      ['http://desk.example.com', /PUBLIC_BASE_URL.*https/],
      ['http://localhost.evil.example', /PUBLIC_BASE_URL.*https/],
      ['ftp://desk.example.com', /PUBLIC_BASE_URL.*https/],
      ['https://desk.example.com/?x=1', /PUBLIC_BASE_URL.*query/],
      ['https://desk.example.com/#top', /PUBLIC_BASE_URL.*fragment/],
    ])('refuses %s, naming the variable and what to write', (value, problem) => {
      expect(problemsOf({ ...valid, PUBLIC_BASE_URL: value }).join('\n')).toMatch(problem);
    });
  });
});
