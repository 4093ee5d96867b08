/**
 * Workflow Builder steps (manifest.yml `functions:`), one Bolt `app.function` listener each. Every step
 * runs the same use case as its command (step.ts has the completion rules).
 */
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../../deps.js';
import { announceStudyStep } from './announceStudy.js';
import { markWriteupSentStep } from './markWriteupSent.js';
import { openConsultationStep } from './openConsultation.js';
import { registerSlotsStep } from './registerSlots.js';
import { type StepSpec, stepListener } from './step.js';

export const STEPS: readonly StepSpec[] = [
  registerSlotsStep,
  openConsultationStep,
  markWriteupSentStep,
  announceStudyStep,
];

export const register = (app: App, deps: ListenerDeps): void => {
  for (const spec of STEPS) app.function(spec.callbackId, stepListener(deps, spec));
};
