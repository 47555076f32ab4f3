import {
  checkInOpen,
  countProblems,
  normaliseParticipantCode,
} from '../../../../common/forums/attendance-rules';
import type {
  AnonymousAttendance,
  AnonymousAttendanceInput,
} from '../../../../common/forums/attendance-schemas';
import type { FieldError } from '../../../../common/validation/errors';
import type { Actor } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { badRequest, validationFailed } from '../../../platform/errors';
import { F } from '../registration';
import { organiserEvent } from './checkin';
import * as store from './store';

/**
 * Attendance without identities (awareness sessions with beneficiaries, allowed at any event): counts,
 * optionally by home country, with the first-timers that make unique persons countable; and participant
 * codes the organiser chooses, normalised, refused when they look like an e-mail, a national number or a
 * name. The whole set is replaced at once; a refused code changes nothing.
 */

export async function anonymousOf(trx: Tx, eventId: string): Promise<AnonymousAttendance> {
  const counts = await store.countsOf(trx, eventId);
  return {
    counts: counts.map((c) => ({
      homeCountry: c.home_country as 'FR' | 'BE' | null,
      participants: c.participants,
      firstTime: c.first_time,
    })),
    codes: await store.codesOf(trx, eventId),
  };
}

/** The input checked and normalised, or the field errors (pure, unit-tested through the API). */
export function checkAnonymous(input: AnonymousAttendanceInput): { codes: string[]; errors: FieldError[] } {
  const errors: FieldError[] = countProblems(input.counts).map((p) => ({
    path: `counts.${p.index}`,
    code: F(p.problem),
  }));
  const codes = new Set<string>();
  input.codes.forEach((raw, i) => {
    const n = normaliseParticipantCode(raw);
    if ('problem' in n) errors.push({ path: `codes.${i}`, code: F(n.problem), params: { n: i + 1 } });
    else codes.add(n.code);
  });
  return { codes: [...codes].sort(), errors };
}

export async function saveAnonymous(
  trx: Tx,
  actor: Actor,
  id: string,
  input: AnonymousAttendanceInput,
  now: Date,
): Promise<AnonymousAttendance> {
  const e = await organiserEvent(trx, actor, id);
  if (!checkInOpen({ status: e.status, startsAt: e.starts_at }, now)) throw badRequest(F('check_in_closed'));
  const { codes, errors } = checkAnonymous(input);
  if (errors.length) throw validationFailed(errors);
  await store.replaceCounts(trx, e, input.counts, actor.userId);
  await store.replaceCodes(trx, e, codes, actor.userId);
  return anonymousOf(trx, e.id);
}
