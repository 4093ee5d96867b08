/**
 * A failed modal submission, as Slack's `response_action: errors`: a domain error goes on the field it
 * names (when that field is in the modal, else on `fallback`) in the user's language; anything else is
 * logged and shown as the generic error on `fallback`. Nothing was stored when this is the answer.
 */
import { isDomainError } from '../../../domain/errors.js';
import { errorText, type Locale } from '../../../i18n/index.js';
import type { Logger } from '../../../logger.js';

export const fieldErrors = (
  err: unknown,
  opts: { locale: Locale; logger: Logger; fields: readonly string[]; fallback: string; what: string },
) => {
  if (!isDomainError(err)) opts.logger.error({ err }, `${opts.what} submission failed`);
  const field =
    isDomainError(err) && err.field && opts.fields.includes(err.field) ? err.field : opts.fallback;
  const message = isDomainError(err)
    ? errorText(opts.locale, err.code, err.params)
    : errorText(opts.locale, 'generic', {});
  return { response_action: 'errors' as const, errors: { [field]: message } };
};
