/**
 * The sandbox in a real browser for the e2e tests: a fresh sandbox (seeded, on a free port, in a temporary
 * directory) and Debian's Chromium through playwright-core, one page at 1360×860 in Japanese. Without
 * /usr/bin/chromium the browser tests are skipped locally, and fail in CI (.ci/run installs it).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type Sandbox, startSandbox } from '../../sandbox/server.js';

const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI) {
  throw new Error(
    `sandbox browser tests: ${CHROMIUM} not found in CI (apt-get install -y chromium fonts-noto-cjk)`,
  );
}
if (!hasChromium) {
  console.warn(
    `sandbox browser tests: skipped, ${CHROMIUM} not found (apt-get install -y chromium fonts-noto-cjk)`,
  );
}

export const ARTIFACTS = 'test-artifacts';
export const WAIT = 10_000;

export type SandboxPage = {
  sandbox: Sandbox;
  browser: Browser;
  page: Page;
  /** Saves a screenshot as test-artifacts/sandbox-<name>.png. */
  shot: (name: string) => Promise<Buffer>;
  /** Types into the visible composer (the channel's, or the thread panel's) and presses Enter. */
  send: (text: string, where?: '.main' | '.panel') => Promise<void>;
  stop: () => Promise<void>;
};

export const openSandboxPage = async (): Promise<SandboxPage> => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'supporter-desk-sandbox-browser-'));
  const quiet = new Writable({ write: (_c, _e, cb) => cb() });
  const sandbox = await startSandbox({ port: 0, dataDir: dir, log: quiet });
  const browser = await launch().catch(async (err: unknown) => {
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  });
  await sandbox.seeded();
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, locale: 'ja-JP' });
  page.setDefaultTimeout(WAIT);
  await page.goto(`http://127.0.0.1:${sandbox.port}/`);
  return {
    sandbox,
    browser,
    page,
    shot: (name) => page.screenshot({ path: join(ARTIFACTS, `sandbox-${name}.png`) }),
    send: async (text, where = '.main') => {
      const box = page.locator(`${where} .composer-input`);
      await box.fill(text);
      await box.press('Enter');
    },
    stop: async () => {
      await browser.close();
      await sandbox.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
