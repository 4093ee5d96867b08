/** Study-session buttons (RSVP); registered from actions/index.ts. */
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../context.js';

export const registerStudyActions = (_app: App, _deps: ListenerDeps): void => {};
