/**
 * The baseline for figures 1 and 5: a bare Bolt app on the same machine — HTTPReceiver at /slack/events
 * with the same signing secret, one `app.command('/slots')` that only acks, web client pointed at the
 * fake Slack (Bolt's one auth.test goes there, as the real app's does).
 */
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { failToBench, serveBench } from './protocol.js';

const main = async () => {
  const signingSecret = process.env.SLACK_SIGNING_SECRET ?? '';
  const receiver = new HTTPReceiver({ signingSecret, endpoints: '/slack/events' });
  const app = new App({
    token: process.env.SLACK_BOT_TOKEN ?? '',
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? '' },
  });
  app.command('/slots', async ({ ack }) => {
    await ack();
  });
  const server = (await app.start(0)) as { address(): unknown };
  const address = server.address();
  const port = address && typeof address === 'object' && 'port' in address ? Number(address.port) : 0;
  serveBench(port, () => app.stop().then(() => undefined));
};

main().catch(failToBench);
