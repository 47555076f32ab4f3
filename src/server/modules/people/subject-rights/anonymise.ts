import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { conflict, notFound } from '../../../platform/errors';

export type ErasureReason = 'request' | 'retention';

/** What an anonymisation did: rows changed or removed, per provider (`<module>.<part>`) and kind. */
export interface ErasureReport {
  erasureId: string;
  personId: string;
  reason: ErasureReason;
  modules: Record<string, Record<string, number>>;
}

/**
 * Erases a person by anonymisation (GDPR art. 17, ADR 0032), irreversibly, in the caller's transaction:
 * every module that holds data about the person clears it (free text, contacts, notes, relatives), then the
 * person's record keeps only the minimal participation record the funded programmes' audits need
 * (participant code, sex, birth year, benefit, and the dated participations that indicators count). The
 * audit chain is never rewritten; the erasure itself is recorded (person_erasures, with this report).
 *
 * The caller acts for the person's home organisation: a coordinator (reason 'request'), or the retention
 * job (reason 'retention'); the database refuses anyone else (app.begin_erasure). Other modules' parts run
 * first, the people module's last, since theirs find the person's rows through it.
 */
export async function anonymisePerson(
  trx: Tx,
  deps: Pick<Deps, 'modules'>,
  personId: string,
  reason: ErasureReason,
): Promise<ErasureReport> {
  const person = await trx
    .selectFrom('persons')
    .select(['id', 'anonymised_at'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person) throw notFound();
  if (person.anonymised_at) throw conflict('people.subject_rights.errors.already_anonymised');
  const erasureId = (
    await sql<{ id: string }>`select app.begin_erasure(${personId}::uuid, ${reason}) as id`.execute(trx)
  ).rows[0]!.id;
  const modules: Record<string, Record<string, number>> = {};
  const ordered = [
    ...deps.modules.filter((m) => m.name !== 'people'),
    ...deps.modules.filter((m) => m.name === 'people'),
  ];
  for (const m of ordered)
    for (const provider of m.subjectData ?? [])
      modules[provider.key] = await provider.anonymise(trx, personId);
  const report: ErasureReport = { erasureId, personId, reason, modules };
  await sql`select app.finish_erasure(${erasureId}::uuid, ${JSON.stringify(modules)}::jsonb)`.execute(trx);
  return report;
}
