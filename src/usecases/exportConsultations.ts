/** The consultations export (CONTRACT.md shape); filled in with the advice-threads feature. */
import type { UseCaseDeps } from './deps.js';

export type ConsultationExportRow = Record<string, unknown>;

export const exportConsultations = async (
  _deps: UseCaseDeps,
  _opts: { now: Date; month?: string },
): Promise<ConsultationExportRow[]> => [];
