/**
 * The app's `manifest.yml`, read the way Slack reads it when the app is installed: the emulator grants
 * exactly its bot scopes and delivers only its bot events, and the sandbox offers exactly its slash
 * commands and shortcuts. One source, so a scope or command missing from the manifest fails in tests as it
 * would in a real workspace. Field names follow Slack's manifest reference
 * (https://api.slack.com/reference/manifests, schema: slackapi/manifest-schema).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export type ManifestCommand = {
  command: string;
  description: string;
  usageHint: string;
  shouldEscape: boolean;
};
export type ManifestShortcut = {
  name: string;
  type: 'message' | 'global';
  callbackId: string;
  description: string;
};

export type AppManifest = {
  commands: ManifestCommand[];
  shortcuts: ManifestShortcut[];
  botScopes: string[];
  botEvents: string[];
  socketMode: boolean;
  /** `functions:` (Workflow Builder steps), by callback id; empty when the manifest declares none. */
  functions: Record<string, ManifestFunction>;
};

/** One input or output of a step (manifest-schema `slack-functions.parameter`). */
export type ManifestParameter = { type: string; title?: string; description?: string; hint?: string };
export type ManifestParameters = { properties: Record<string, ManifestParameter>; required: string[] };

/**
 * A step as manifest v2 declares it: `functions.<callback_id>` with title, description and
 * `input_parameters` / `output_parameters` as `{properties, required}` (slackapi/manifest-schema
 * schemas/manifest.schema.2.0.0.json, `app-manifests.v2.hermes.functions`).
 */
export type ManifestFunction = {
  title: string;
  description: string;
  inputParameters: ManifestParameters;
  outputParameters: ManifestParameters;
};

type RawParameters = { properties?: Record<string, ManifestParameter>; required?: string[] };
type RawFunction = {
  title: string;
  description?: string;
  input_parameters?: RawParameters;
  output_parameters?: RawParameters;
};

const parameters = (raw: RawParameters | undefined): ManifestParameters => ({
  properties: raw?.properties ?? {},
  required: raw?.required ?? [],
});

export const MANIFEST_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'manifest.yml');

type Raw = {
  features?: {
    slash_commands?: Array<{
      command: string;
      description?: string;
      usage_hint?: string;
      should_escape?: boolean;
    }>;
    shortcuts?: Array<{
      name: string;
      type: 'message' | 'global';
      callback_id: string;
      description?: string;
    }>;
  };
  oauth_config?: { scopes?: { bot?: string[] } };
  settings?: { event_subscriptions?: { bot_events?: string[] }; socket_mode_enabled?: boolean };
  functions?: Record<string, RawFunction>;
};

export const parseManifest = (yamlText: string): AppManifest => {
  const raw = (parse(yamlText) ?? {}) as Raw;
  return {
    commands: (raw.features?.slash_commands ?? []).map((c) => ({
      command: c.command,
      description: c.description ?? '',
      usageHint: c.usage_hint ?? '',
      shouldEscape: c.should_escape ?? false,
    })),
    shortcuts: (raw.features?.shortcuts ?? []).map((s) => ({
      name: s.name,
      type: s.type,
      callbackId: s.callback_id,
      description: s.description ?? '',
    })),
    botScopes: raw.oauth_config?.scopes?.bot ?? [],
    botEvents: raw.settings?.event_subscriptions?.bot_events ?? [],
    socketMode: raw.settings?.socket_mode_enabled ?? false,
    functions: Object.fromEntries(
      Object.entries(raw.functions ?? {}).map(([id, f]) => [
        id,
        {
          title: f.title,
          description: f.description ?? '',
          inputParameters: parameters(f.input_parameters),
          outputParameters: parameters(f.output_parameters),
        },
      ]),
    ),
  };
};

let cached: AppManifest | undefined;

/** The repository's manifest.yml, read once. */
export const appManifest = (): AppManifest => {
  cached ??= parseManifest(readFileSync(MANIFEST_PATH, 'utf8'));
  return cached;
};
