/**
 * The App Home's privacy notice: what is stored about clients, for how long (RETENTION_DAYS), who sees it
 * and how to ask for deletion. Its own builder so the Home view (home.ts) only appends it.
 */
import type { KnownBlock } from '@slack/types';
import type { Messages } from '../../i18n/index.js';
import { divider, mrkdwn, section } from './kit.js';

export const privacyNoticeBlocks = (m: Messages, retentionDays: number): KnownBlock[] => [
  divider(),
  section(m.privacy.homeHeader({})),
  { type: 'context', elements: [mrkdwn(m.privacy.homeNotice({ days: retentionDays }))] },
];
