import type { Tx } from '../../../platform/db/context';
import { touchProgramme } from './structure-store';

/**
 * A milestone another module keeps in step with a date of its own (the formative partnership's convention,
 * funding order, hiring): created the first time, moved when the date changes, removed when it is cleared.
 * The labels are written on creation only, so that a lead who rewords one on the programme's page keeps its
 * words. Runs in the caller's transaction under RLS: only the programme's lead (or a platform admin) writes.
 */
export async function keepMilestone(
  trx: Tx,
  v: {
    programmeId: string;
    /** The milestone kept so far, if any (it may have been removed on the programme's page since). */
    milestoneId: string | null;
    occursOn: string | null;
    labels: { fr: string; nl: string; en: string };
  },
): Promise<string | null> {
  const current = v.milestoneId
    ? await trx
        .selectFrom('programme_milestones')
        .select(['id', 'occurs_on'])
        .where('id', '=', v.milestoneId)
        .where('programme_id', '=', v.programmeId)
        .executeTakeFirst()
    : undefined;
  if (v.occursOn === null) {
    if (current) {
      await trx.deleteFrom('programme_milestones').where('id', '=', current.id).execute();
      await touchProgramme(trx, v.programmeId);
    }
    return null;
  }
  if (current) {
    if (current.occurs_on !== v.occursOn) {
      await trx
        .updateTable('programme_milestones')
        .set({ occurs_on: v.occursOn, updated_at: new Date() })
        .where('id', '=', current.id)
        .execute();
      await touchProgramme(trx, v.programmeId);
    }
    return current.id;
  }
  const owner = await trx
    .selectFrom('programmes')
    .select('org_id')
    .where('id', '=', v.programmeId)
    .executeTakeFirstOrThrow();
  const label = (s: string) => s.trim().slice(0, 300);
  const row = await trx
    .insertInto('programme_milestones')
    .values({
      programme_id: v.programmeId,
      org_id: owner.org_id,
      occurs_on: v.occursOn,
      label_fr: label(v.labels.fr),
      label_nl: label(v.labels.nl),
      label_en: label(v.labels.en),
      note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await touchProgramme(trx, v.programmeId);
  return row.id;
}
