/**
 * The write-up builder's submission. 保存 with 完成 unticked keeps a draft and answers in the ack with
 * `response_action: update` — the same modal, filled in, saying it was saved and warning (not refusing)
 * about personal data, since the client will receive the text. With 完成 ticked, every strength and the
 * next step must be filled (else field errors, nothing stored); the modal closes and the formatted text
 * comes by DM with a 送った button. Only the database and the stored or remembered language are used
 * before the ack (Slack waits 3 s: https://api.slack.com/surfaces/modals#interactions); users.info and
 * the DM come after it. The session is re-checked as the submitter's own (private_metadata is not trusted).
 */
import type { ListenerDeps } from '../../../deps.js';
import { DomainError, isDomainError } from '../../../domain/errors.js';
import { messages } from '../../../i18n/index.js';
import {
  openWriteup,
  recordFinishedWriteupDm,
  type SavedWriteup,
  saveWriteupDraft,
} from '../../../usecases/writeupBuilder.js';
import { escapeMrkdwn } from '../../blocks/kit.js';
import { finishedDm } from '../../blocks/writeupMessages.js';
import {
  ALL_WRITEUP_KEYS,
  buildWriteupModal,
  fieldLabel,
  formatWriteupDoc,
  WRITEUP_IDS,
} from '../../blocks/writeupModal.js';
import { refreshHome } from '../../home.js';
import type { ListenerTable } from '../table.js';
import { parseSessionId } from '../writeupFlow.js';
import { fieldErrors } from './fieldErrors.js';

type Values = Record<
  string,
  Record<string, { value?: string | null; selected_options?: Array<{ value: string }> | null }>
>;

const sessionOf = (raw: string | undefined): number => {
  try {
    return parseSessionId(String((JSON.parse(raw || '{}') as { session?: unknown }).session ?? ''));
  } catch {
    return parseSessionId('');
  }
};

export const register = (table: ListenerTable, deps: ListenerDeps): void => {
  table.view(WRITEUP_IDS.modal, async ({ ack, body, view, client }) => {
    const now = deps.clock();
    const userId = body.user.id;
    const known = await deps.locales.known(userId, now);
    const first = known ?? deps.config.defaultLocale;
    const a = { m: messages(first), locale: first, zone: deps.config.timezone, now };
    const v = view.state.values as Values;
    const finish = !!v[WRITEUP_IDS.finishBlock]?.value?.selected_options?.some(
      (o) => o.value === WRITEUP_IDS.finishValue,
    );
    const values = Object.fromEntries(
      Object.entries(v).map(([block, actions]) => [block, actions.value?.value ?? undefined]),
    );
    let saved: SavedWriteup;
    try {
      saved = await saveWriteupDraft(deps, {
        userId,
        sessionId: sessionOf(view.private_metadata),
        values,
        finish,
        format: (session, draft) => formatWriteupDoc(a.m, session.plan, draft),
        now,
      });
    } catch (err) {
      // The missing fields are named by their labels, on the first of them.
      const named =
        isDomainError(err) && err.code === 'writeup_fields_missing'
          ? new DomainError(
              err.code,
              {
                fields: String(err.params.fields)
                  .split(',')
                  .map((k) => fieldLabel(a.m, k))
                  .join(a.locale === 'ja' ? '」「' : ', '),
              },
              err.field,
            )
          : err;
      await ack(
        fieldErrors(named, {
          locale: first,
          logger: deps.logger,
          fields: ALL_WRITEUP_KEYS,
          fallback: Object.keys(v).find((k) => ALL_WRITEUP_KEYS.includes(k)) ?? WRITEUP_IDS.finishBlock,
          what: 'write-up modal',
        }),
      );
      return;
    }
    if (!finish) {
      const ctx = await openWriteup(deps, userId, saved.session.id, now);
      await ack({
        response_action: 'update',
        view: buildWriteupModal(a, ctx, { savedAt: now, findings: saved.findings }),
      });
      return;
    }
    await ack();
    const locale = known ?? (await deps.locales.forUser(client, userId, now));
    const audience = { ...a, m: messages(locale), locale };
    const warnings = saved.findings
      .slice(0, 3)
      .map((f) => audience.m.writeups.piiWarning({ fragment: escapeMrkdwn(f.fragment) }));
    const dm = finishedDm(audience, saved.session, { warnings });
    try {
      const posted = await client.chat.postMessage({ channel: userId, text: dm.text, blocks: dm.blocks });
      if (posted.channel && posted.ts) {
        const sent = { sessionId: saved.session.id, userId, channel: posted.channel, ts: posted.ts };
        await recordFinishedWriteupDm(deps, sent, now);
      }
    } catch (err) {
      deps.logger.warn({ err }, 'could not send the finished write-up');
    }
    await refreshHome(deps, client, userId);
  });
};
