/**
 * The latest consultation asked about a slot, as subqueries of a query over `slots as s`: several lists
 * (pre-session briefs, the Home's week, write-ups) show a session with what its supporter last asked.
 */
import type { ExpressionBuilder } from 'kysely';
import type { Database, SlotsTable } from '../schema.js';

type OverSlots = ExpressionBuilder<Database & { s: SlotsTable }, 's'>;

/** `latest_consultation_id`: the newest consultation's id for `s`, or null. */
export const latestConsultationId = (eb: OverSlots) =>
  eb
    .selectFrom('consultations as c')
    .select((e) => e.fn.max('c.id').as('m'))
    .whereRef('c.slot_id', '=', 's.id')
    .as('latest_consultation_id');

/** `consultation_plan`: the plan the newest consultation about `s` named, or null. */
export const latestConsultationPlan = (eb: OverSlots) =>
  eb
    .selectFrom('consultations as c')
    .select('c.plan')
    .whereRef('c.slot_id', '=', 's.id')
    .orderBy('c.id', 'desc')
    .limit(1)
    .as('consultation_plan');
