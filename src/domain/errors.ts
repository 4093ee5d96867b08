/**
 * Coded domain errors. Domain and use-case code throws (or returns) these; the Slack adapter maps the
 * code to a message in the user's language (src/i18n). A code is never shown to a user as is.
 */
import type { ErrorCode } from '../i18n/index.js';

export type ErrorParams = Record<string, string | number>;

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  /** Which modal field the error belongs to, when it came from a modal. */
  readonly field: string | undefined;

  constructor(code: ErrorCode, params: ErrorParams = {}, field?: string) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
    this.field = field;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
