/**
 * A Workflow Builder step run from the sandbox's form, as one step of a workflow the user starts: the
 * emulator sends `function_executed` (SlackToApp.runFunction, run by the acting user), the app ends it with
 * functions.completeSuccess / completeError, and the sandbox answers with that completion. The form sends
 * what was typed; each input gets its declared type here, as Workflow Builder's own fields would give it.
 */
import type { FunctionCompletion } from '../emulator/functions.js';
import { appManifest, type ManifestParameters } from '../emulator/manifest.js';
import type { FakeSlack } from '../emulator/server.js';
import type { RunningApp } from './app-host.js';
import { HttpError, requireString } from './http.js';
import type { StepRunRequest, StepRunResult } from './shared/types.js';

/** How long the sandbox waits for the app to complete a step before it gives up on the answer. */
const COMPLETION_TIMEOUT_MS = 10_000;

const NUMERIC = new Set(['integer', 'number', 'slack#/types/timestamp']);

/** The typed text of each declared input → its value; empty ones are left unset, as in Workflow Builder. */
export const stepInputs = (
  declared: ManifestParameters,
  typed: Record<string, unknown>,
): Record<string, unknown> => {
  const inputs: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(declared.properties)) {
    const raw = typed[name];
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') continue;
    if (!NUMERIC.has(p.type)) {
      inputs[name] = text;
      continue;
    }
    const n = Number(text.normalize('NFKC'));
    if (!Number.isFinite(n) || (p.type !== 'number' && !Number.isInteger(n))) {
      throw new HttpError(400, `${name}: not a whole number: ${text}`);
    }
    inputs[name] = n;
  }
  return inputs;
};

export class WorkflowSteps {
  constructor(
    private readonly fake: FakeSlack,
    private readonly app: () => RunningApp,
  ) {}

  async run(req: StepRunRequest): Promise<StepRunResult> {
    const userId = requireString(req.user, 'user');
    const user = this.fake.state.users.get(userId);
    if (!user || user.isBot) throw new HttpError(400, `unknown user ${userId}`);
    const callbackId = requireString(req.callbackId, 'callbackId');
    const definition = appManifest().functions[callbackId];
    if (!definition) throw new HttpError(400, `${callbackId} is not a step of the app's manifest`);
    const inputs = stepInputs(definition.inputParameters, req.inputs ?? {});
    let sent: Awaited<ReturnType<RunningApp['slack']['runFunction']>>;
    try {
      sent = await this.app().slack.runFunction(callbackId, inputs, { userId });
    } catch (err) {
      // Workflow Builder does not run a step with a required input unset (emulator/functions.ts).
      throw new HttpError(400, err instanceof Error ? err.message : String(err));
    }
    if (!sent) throw new HttpError(400, `the app does not subscribe to function_executed`);
    const completion = await this.fake
      .waitFor(
        () => this.fake.functionCompletions().find((c) => c.functionExecutionId === sent.functionExecutionId),
        COMPLETION_TIMEOUT_MS,
        `the completion of ${callbackId}`,
      )
      .catch((err: unknown) => {
        throw new HttpError(504, err instanceof Error ? err.message : String(err));
      });
    return resultOf(completion);
  }
}

const resultOf = (c: FunctionCompletion): StepRunResult =>
  c.kind === 'success'
    ? { kind: 'success', outputs: c.outputs ?? {} }
    : { kind: 'error', error: c.error ?? '' };
