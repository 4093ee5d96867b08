/**
 * Listeners looked up by id, behind one Bolt listener per kind of payload.
 *
 * Bolt runs the middleware chain of every registered listener on every request and lets each decide
 * whether it matches: with one listener per command, button and modal, a `/slots` request paid for
 * seventeen chains, and each new button would have made every request slower (bench/README.md, figure 1).
 * Here each kind (command, button, modal) registers one Bolt listener, which finds its handler in a Map
 * by the command name, action_id or callback_id. Registration reads like Bolt's: `table.action(id, fn)`.
 */
import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackViewMiddlewareArgs,
} from '@slack/bolt';
import type { Logger } from '../../logger.js';

export type CommandListener = (args: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => Promise<void>;
export type ButtonListener = (
  args: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs,
) => Promise<void>;
export type ViewListener = (args: SlackViewMiddlewareArgs & AllMiddlewareArgs) => Promise<void>;

export class ListenerTable {
  private readonly commands = new Map<string, CommandListener>();
  private readonly buttons = new Map<string, ButtonListener>();
  private readonly views = new Map<string, ViewListener>();

  command(name: string, handler: CommandListener): void {
    add(this.commands, name, handler, 'command');
  }

  action(actionId: string, handler: ButtonListener): void {
    add(this.buttons, actionId, handler, 'action_id');
  }

  view(callbackId: string, handler: ViewListener): void {
    add(this.views, callbackId, handler, 'callback_id');
  }

  /**
   * Registers the three Bolt listeners. A payload with no handler is acked (Slack would otherwise show
   * the user an error) and logged: e.g. a command added in the manifest before its code is deployed.
   */
  mount(app: App, logger: Logger): void {
    app.command(/.*/, async (args) => {
      const handler = this.commands.get(args.command.command);
      if (handler) return handler(args);
      await args.ack();
      logger.warn({ command: args.command.command }, 'no handler for this command');
    });
    app.action<BlockAction<ButtonAction>>({ type: 'block_actions' }, async (args) => {
      const handler = this.buttons.get(args.action.action_id);
      if (handler) return handler(args);
      await args.ack();
      logger.debug({ actionId: args.action.action_id }, 'no handler for this action');
    });
    app.view(/.*/, async (args) => {
      const handler = this.views.get(args.view.callback_id);
      if (handler) return handler(args);
      await args.ack();
      logger.warn({ callbackId: args.view.callback_id }, 'no handler for this modal');
    });
  }
}

const add = <H>(map: Map<string, H>, id: string, handler: H, what: string): void => {
  if (map.has(id)) throw new Error(`two handlers for ${what} ${id}`);
  map.set(id, handler);
};
