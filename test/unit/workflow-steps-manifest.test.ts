/**
 * manifest.yml's `functions:` and the app's step listeners (src/slack/listeners/functions) are one list:
 * every declared step has a listener and every listener a declaration, with the settings Slack requires
 * for custom steps; and the emulator checks outputs against the declaration as Slack does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parameterProblems } from '../../emulator/functions.js';
import { appManifest, MANIFEST_PATH } from '../../emulator/manifest.js';
import { parseConsultStart } from '../../src/domain/consultForm.js';
import { parseStudyWhen } from '../../src/domain/study.js';
import { STEPS } from '../../src/slack/listeners/functions/index.js';

const functions = appManifest().functions;

describe('the manifest’s functions', () => {
  it('are exactly the steps the app listens to', () => {
    expect(Object.keys(functions).sort()).toEqual(STEPS.map((s) => s.callbackId).sort());
  });

  it('name, for each step, the required user_id input the step answers in the language of', () => {
    for (const step of STEPS) {
      const ins = functions[step.callbackId]!.inputParameters;
      expect(ins.properties[step.userInput]?.type).toBe('slack#/types/user_id');
      expect(ins.required).toContain(step.userInput);
    }
  });

  it('declare only required parameters that exist, with a title and a description', () => {
    for (const [id, f] of Object.entries(functions)) {
      expect(f.title.length, id).toBeLessThanOrEqual(255);
      for (const params of [f.inputParameters, f.outputParameters]) {
        for (const name of params.required) expect(Object.keys(params.properties), id).toContain(name);
        for (const p of Object.values(params.properties)) {
          expect(p.title, id).toBeTruthy();
          expect(p.description, id).toBeTruthy();
        }
      }
    }
  });

  it('come with the settings and the event custom steps need', () => {
    const raw = parse(readFileSync(MANIFEST_PATH, 'utf8')) as { settings: Record<string, unknown> };
    expect(raw.settings.org_deploy_enabled).toBe(true);
    expect(raw.settings.function_runtime).toBe('remote');
    expect(appManifest().botEvents).toContain('function_executed');
  });
});

describe('outputs checked against the declaration (emulator)', () => {
  const outs = functions.register_slots!.outputParameters;
  it.each([
    [{ added_count: 2, quota_status: '12月: 2枠 / 5枠 — あと3枠' }, []],
    [{ added_count: 2 }, ["missing required 'quota_status'"]],
    [{ added_count: 1.5, quota_status: 'x' }, ["'added_count' does not fit type integer"]],
    [{ added_count: 1, quota_status: 'x', extra: 1 }, ["'extra' is not a declared parameter"]],
  ])('%j → %j', (values, problems) => {
    expect(parameterProblems(values, outs)).toEqual(problems);
  });
});

describe('a start written on its own', () => {
  const opts = { now: new Date('2026-11-25T10:00:00+09:00'), zone: 'Asia/Tokyo' };
  it('reads the /consult grammar and refuses what /consult refuses', () => {
    expect(parseConsultStart('12月3日 19時', opts.now, opts.zone)).toBe('2026-12-03T10:00:00.000Z');
    expect(() => parseConsultStart('そのうち', opts.now, opts.zone)).toThrow(
      expect.objectContaining({ code: 'consult_datetime_missing' }),
    );
    expect(() => parseConsultStart('12/3 19:00、12/4 19:00', opts.now, opts.zone)).toThrow(
      expect.objectContaining({ code: 'consult_datetime_missing' }),
    );
    expect(() => parseConsultStart('11/20 19:00', opts.now, opts.zone)).toThrow(
      expect.objectContaining({ code: 'slot_recent_past' }),
    );
  });

  it('reads the /study add grammar, length included', () => {
    expect(parseStudyWhen('12/10 20:00-21:30', opts)).toEqual({
      startUtc: '2026-12-10T11:00:00.000Z',
      minutes: 90,
    });
    expect(() => parseStudyWhen('いつか', opts)).toThrow(
      expect.objectContaining({ code: 'study_when_invalid' }),
    );
  });
});
