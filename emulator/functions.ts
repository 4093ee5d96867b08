/**
 * Workflow Builder steps (custom functions for Bolt) as Slack runs them: a step declared in manifest.yml's
 * `functions:` runs as a `function_executed` event with a workflow token, and ends with
 * functions.completeSuccess or functions.completeError.
 *
 * Sources:
 * - the event: https://api.slack.com/events/function_executed (docs.slack.dev/reference/events/function_executed):
 *   `event.function` {id, callback_id, title, description, type: 'app', input_parameters[],
 *   output_parameters[] (each {type, name, title, description, is_required}), app_id, date_*}, `inputs`,
 *   `function_execution_id` (Fx…), `workflow_execution_id` (Wx…), `event_ts`, `bot_access_token`.
 * - the methods: https://api.slack.com/methods/functions.completeSuccess and …/functions.completeError —
 *   no scope needed; errors `function_execution_not_found`, `execution_not_in_running_state` ("no longer
 *   in a state to be completed"), `parameter_validation_failed` (outputs vs the declared output
 *   parameters, completeSuccess only), `access_denied` ("This actor does not have access to this function
 *   execution"). `error` is a required argument of completeError; the answer for a missing one is not
 *   documented: the emulator answers `invalid_arguments`, as Slack does for other missing arguments.
 * - the token: https://api.slack.com/authentication/token-types — workflow ("just in time") tokens "are a
 *   subset of bot tokens": the bot's scopes, no user scope. The emulator accepts one while its execution
 *   runs and answers `invalid_auth` once it has completed (the docs say no more about its lifetime).
 * - the manifest (v2): functions.<callback_id>.{title, description, input_parameters: {properties,
 *   required}, output_parameters: {properties, required}} (slackapi/manifest-schema
 *   schemas/manifest.schema.2.0.0.json `app-manifests.v2.hermes.functions`).
 */
import type { ApiResult, Args } from './api.js';
import type { ManifestFunction, ManifestParameter } from './manifest.js';

export type FunctionCompletion = {
  functionExecutionId: string;
  callbackId: string;
  kind: 'success' | 'error';
  outputs?: Record<string, unknown>;
  error?: string;
  at: number;
};

type Execution = {
  id: string;
  callbackId: string;
  token: string;
  inputs: Record<string, unknown>;
  runBy: string | undefined;
  definition: ManifestFunction;
  completed: boolean;
};

/** `{type, name, title, description, is_required}` as the event lists each parameter. */
const parameterList = (params: Record<string, ManifestParameter>, required: readonly string[]) =>
  Object.entries(params).map(([name, p]) => ({
    type: p.type,
    name,
    ...(p.title !== undefined ? { title: p.title } : {}),
    ...(p.description !== undefined ? { description: p.description } : {}),
    ...(p.hint !== undefined ? { hint: p.hint } : {}),
    is_required: required.includes(name),
  }));

/** Does `value` fit the parameter type? Slack's own types by their documented shape; others pass. */
const fits = (type: string, value: unknown): boolean => {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'slack#/types/user_id':
      return typeof value === 'string' && /^[UW][A-Z0-9]+$/.test(value);
    case 'slack#/types/channel_id':
      return typeof value === 'string' && /^[CGD][A-Z0-9]+$/.test(value);
    case 'slack#/types/timestamp':
      // Unix seconds (https://api.slack.com/automation/types#timestamp).
      return typeof value === 'number' && Number.isInteger(value);
    default:
      return true;
  }
};

/** What is wrong with `values` against the declared parameters (missing, undeclared, wrong type). */
export const parameterProblems = (
  values: Record<string, unknown>,
  declared: { properties: Record<string, ManifestParameter>; required: readonly string[] },
): string[] => {
  const problems: string[] = [];
  for (const name of declared.required) {
    if (values[name] === undefined || values[name] === null) problems.push(`missing required '${name}'`);
  }
  for (const [name, value] of Object.entries(values)) {
    const p = declared.properties[name];
    if (!p) problems.push(`'${name}' is not a declared parameter`);
    else if (value !== undefined && value !== null && !fits(p.type, value))
      problems.push(`'${name}' does not fit type ${p.type}`);
  }
  return problems;
};

export class FunctionExecutions {
  private readonly executions = new Map<string, Execution>();
  private readonly byToken = new Map<string, Execution>();
  readonly completions: FunctionCompletion[] = [];
  private counter = 0;

  constructor(private readonly clock: () => number) {}

  /** Starts an execution of a declared function; the `function_executed` event to send for it. */
  start(
    callbackId: string,
    definition: ManifestFunction,
    inputs: Record<string, unknown>,
    opts: { apiAppId: string; runBy?: string },
  ): Record<string, unknown> {
    const problems = parameterProblems(inputs, definition.inputParameters);
    // Workflow Builder does not let a workflow run with a required input unset or of another type.
    if (problems.length)
      throw new Error(`${callbackId}: Slack would not run this step: ${problems.join('; ')}`);
    this.counter += 1;
    const n = String(this.counter).padStart(8, '0');
    const id = `Fx${n}FUNC`;
    const token = `xwfp-${n}-workflow-token`;
    const execution: Execution = {
      id,
      callbackId,
      token,
      inputs,
      runBy: opts.runBy,
      definition,
      completed: false,
    };
    this.executions.set(id, execution);
    this.byToken.set(token, execution);
    const seconds = Math.floor(this.clock() / 1000);
    const { inputParameters: ins, outputParameters: outs } = definition;
    return {
      type: 'function_executed',
      function: {
        id: `Fn${n}`,
        callback_id: callbackId,
        title: definition.title,
        description: definition.description,
        type: 'app',
        input_parameters: parameterList(ins.properties, ins.required),
        output_parameters: parameterList(outs.properties, outs.required),
        app_id: opts.apiAppId,
        date_created: seconds,
        date_updated: seconds,
        date_deleted: 0,
      },
      inputs,
      function_execution_id: id,
      workflow_execution_id: `Wx${n}FLOW`,
      event_ts: `${this.clock() / 1000}`,
      bot_access_token: token,
    };
  }

  /** 'live' for the token of a running execution, 'ended' once it completed, undefined for no such token. */
  tokenState(token: string): 'live' | 'ended' | undefined {
    const e = this.byToken.get(token);
    if (!e) return undefined;
    return e.completed ? 'ended' : 'live';
  }

  /** functions.completeSuccess / functions.completeError, called with `token`. */
  complete(method: string, args: Args, token: string): ApiResult {
    const id = typeof args.function_execution_id === 'string' ? args.function_execution_id : '';
    const e = this.executions.get(id);
    if (!e) return { ok: false, error: 'function_execution_not_found' };
    const other = this.byToken.get(token);
    if (other && other !== e) return { ok: false, error: 'access_denied' };
    if (e.completed) return { ok: false, error: 'execution_not_in_running_state' };
    if (method === 'functions.completeError') {
      if (typeof args.error !== 'string' || !args.error) return { ok: false, error: 'invalid_arguments' };
      return this.record(e, { kind: 'error', error: args.error });
    }
    const outputs = (args.outputs ?? {}) as Record<string, unknown>;
    if (typeof outputs !== 'object' || Array.isArray(outputs)) {
      return { ok: false, error: 'invalid_arguments' };
    }
    const problems = parameterProblems(outputs, e.definition.outputParameters);
    if (problems.length) {
      // "See API response for more details": how Slack words them is not documented.
      return {
        ok: false,
        error: 'parameter_validation_failed',
        response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) },
      };
    }
    return this.record(e, { kind: 'success', outputs });
  }

  private record(e: Execution, how: Pick<FunctionCompletion, 'kind' | 'outputs' | 'error'>): ApiResult {
    e.completed = true;
    this.completions.push({ functionExecutionId: e.id, callbackId: e.callbackId, ...how, at: this.clock() });
    return { ok: true };
  }
}
