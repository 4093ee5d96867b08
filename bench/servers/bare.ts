/**
 * The baseline for figures 1 and 5: a bare Bolt app on the same machine — HTTPReceiver at /slack/events
 * with the same signing secret, one `app.command('/slots')` that acks and answers a fixed text with
 * Bolt's own `respond()` (a POST to the command's response_url), web client pointed at the fake Slack
 * (Bolt's one auth.test goes there, as the real app's does). Compiled and run like the app child.
 */
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { failToBench, serveBench } from './protocol.js';

const BARE_REPLY = 'You have no slots this month.';

const main = async () => {
  const signingSecret = process.env.SLACK_SIGNING_SECRET ?? '';
  const receiver = new HTTPReceiver({ signingSecret, endpoints: '/slack/events' });
  const app = new App({
    token: process.env.SLACK_BOT_TOKEN ?? '',
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? '' },
  });
  app.command('/slots', async ({ ack, respond }) => {
    await ack();
    await respond({ response_type: 'ephemeral', text: BARE_REPLY });
  });
  const server = (await app.start(0)) as { address(): unknown };
  const address = server.address();
  const port = address && typeof address === 'object' && 'port' in address ? Number(address.port) : 0;
  serveBench(port, () => app.stop().then(() => undefined));
};

main().catch(failToBench);
