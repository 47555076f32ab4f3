import { sql } from 'kysely';
import { civilDay } from '../../../../common/kernel/clock';
import type { DemoSeeder } from '../../../platform/demo';
import * as programmes from '../indicators/store';
import { takeSnapshot } from './snapshot';
import * as store from './store';

/**
 * The fictional "SAM-E suite"'s progress reports, by semester: the two of 2025 submitted (the first
 * re-opened once and submitted again), and the last semester ended still in preparation, due in 12 days,
 * so that the lead's home page, the reminders and the partners' missing declarations all show. Their
 * figures are taken from the demo records like any report's; the narratives are invented.
 */
export const seedReports: DemoSeeder = async (trx, _orgs, users, _secrets, modules) => {
  const r = await sql<{ id: string }>`select id from programmes where acronym = 'SAM-E suite'`.execute(trx);
  const programme = r.rows[0]?.id ? await programmes.findProgramme(trx, r.rows[0].id) : undefined;
  const lead = users.coordinator ?? null;
  if (!programme) return;
  const today = civilDay(new Date());
  const dueSoon = addDays(today, 12);
  const year = Number(today.slice(0, 4));
  // The last semester that has ended, and the two semesters of 2025.
  const last =
    today.slice(5) >= '07-01'
      ? { period: `${year}-S1`, startsOn: `${year}-01-01`, endsOn: `${year}-06-30` }
      : { period: `${year - 1}-S2`, startsOn: `${year - 1}-07-01`, endsOn: `${year - 1}-12-31` };
  const semesters = [
    { period: '2025-S1', startsOn: '2025-01-01', endsOn: '2025-06-30', dueOn: '2025-08-31' },
    { period: '2025-S2', startsOn: '2025-07-01', endsOn: '2025-12-31', dueOn: '2026-02-28' },
  ].filter((s) => s.period !== last.period && s.endsOn < today);
  const actions = await programmes.programmeActions(trx, programme.id);
  const a1 = actions.find((a) => a.code === 'A1')?.id;

  const create = async (s: { period: string; startsOn: string; endsOn: string; dueOn: string }) => {
    const { id } = await store.insertReport(trx, {
      programmeId: programme.id,
      leadOrgId: programme.org_id,
      ...s,
      userId: lead,
    });
    const row = await store.findReport(trx, id);
    if (!row) throw new Error('demo report not readable');
    const snap = await takeSnapshot(trx, { modules }, row);
    await store.insertVersion(trx, row, {
      number: 1,
      figures: snap.published,
      exact: snap.exact,
      narratives: narratives(s.period, a1),
      userId: lead,
    });
    return row;
  };

  for (const [i, s] of semesters.entries()) {
    const row = await create(s);
    await store.markSubmitted(trx, row, lead);
    if (i === 0) {
      // Re-opened once to add the Dutch text the Flemish partners asked for, then submitted again.
      await store.markReopened(
        trx,
        { ...row, status: 'submitted' },
        lead,
        'Ajout du texte néerlandais demandé par les partenaires flamands',
      );
      const v1 = await store.versionContent(trx, row.id, 1);
      const next = { ...row, version: 2 };
      await store.insertVersion(trx, next, {
        number: 2,
        figures: v1?.figures,
        exact: v1?.exact,
        narratives: narratives(s.period, a1, true),
        userId: lead,
        takenAt: v1?.figures_taken_at,
      });
      await store.markSubmitted(trx, next, lead);
    }
  }
  await create({ ...last, dueOn: dueSoon });
};

const narratives = (period: string, a1: string | undefined, withDutch = false) => ({
  general: {
    fr: `Semestre ${period} : la coopération entre les centres se poursuit selon le plan de travail (texte fictif de démonstration).`,
    nl: withDutch
      ? `Semester ${period}: de samenwerking tussen de centra loopt verder volgens het werkplan (fictieve demotekst).`
      : null,
    en: null,
  },
  ...(a1
    ? {
        [a1]: {
          fr: 'Les chantiers transfrontaliers ont accueilli de nouveaux participants ; les conventions sont signées en ligne par les trois parties.',
          nl: withDutch
            ? 'De grensoverschrijdende werkplekken ontvingen nieuwe deelnemers; de overeenkomsten worden online door de drie partijen ondertekend.'
            : null,
          en: null,
        },
      }
    : {}),
});

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
