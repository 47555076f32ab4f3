import { sql } from 'kysely';
import type { ItemInput } from '../../../../common/monitoring/expenditure-schemas';
import type { DemoSeeder } from '../../../platform/demo';
import * as programmes from '../indicators/store';
import * as store from './store';

/**
 * The fictional "SAM-E suite": OCMW Kortrijk's 2025 declaration, submitted, one item accepted and one
 * corrected by the lead (UDCCAS du Nord), one still to review; CPAS de Mouscron's 2025 declaration in
 * draft. Every supplier, invoice and amount is invented.
 */
const item = (
  category: ItemInput['category'],
  actionId: string | null,
  description: string,
  supplier: string | null,
  invoiceNumber: string | null,
  invoiceDate: string | null,
  paidOn: string | null,
  amount: string,
  proofRef: string,
): ItemInput => ({
  category,
  actionId,
  description,
  supplier,
  invoiceNumber,
  invoiceDate,
  paidOn,
  amount,
  proofRef,
});

export const seedExpenditure: DemoSeeder = async (trx, orgs, users) => {
  const r = await sql<{ id: string }>`select id from programmes where acronym = 'SAM-E suite'`.execute(trx);
  const programme = r.rows[0]?.id ? await programmes.findProgramme(trx, r.rows[0].id) : undefined;
  const kortrijk = orgs['ocmw-kortrijk'];
  const mouscron = orgs['cpas-mouscron'];
  if (!programme || !kortrijk || !mouscron) return;
  const actions = await programmes.programmeActions(trx, programme.id);
  const action = (code: string) => actions.find((a) => a.code === code)?.id ?? null;
  const declare = async (orgId: string, userKey: string, items: ItemInput[]) => {
    const { id } = await store.insertDeclaration(trx, {
      programmeId: programme.id,
      orgId,
      leadOrgId: programme.org_id,
      period: '2025',
      userId: users[userKey] ?? null,
    });
    const d = await store.findDeclaration(trx, id);
    if (!d) throw new Error('demo declaration not readable');
    const ids: string[] = [];
    for (const i of items) ids.push((await store.insertItem(trx, d, i)).id);
    return { id, ids };
  };
  const k = await declare(kortrijk, 'finance_be_vlg', [
    item(
      'staff',
      action('A1'),
      'Loon trajectbegeleider, 1e semester 2025 (0,5 VTE)',
      null,
      null,
      null,
      '2025-07-31',
      '14250.00',
      'Loonfiche OCMW Kortrijk, dossier FIN-2025-017 (fictief)',
    ),
    item(
      'travel',
      action('A2'),
      'Treinreizen Kortrijk–Rijsel voor uitwisselingen',
      'NMBS (fictief)',
      'NB-2025-0412',
      '2025-05-12',
      '2025-06-02',
      '386.40',
      'Boekhouding, stuk 2025/0412 (fictief)',
    ),
    item(
      'external',
      action('A2'),
      'Tolk Nederlands–Frans voor een stagegesprek',
      'Tolkbureau Leie (fictief)',
      'TL-88',
      '2025-09-03',
      '2025-09-30',
      '640.00',
      'Boekhouding, stuk 2025/0698 (fictief)',
    ),
  ]);
  await store.setStatus(trx, k.id, 'submitted', users.finance_be_vlg ?? null);
  const [first, second] = k.ids;
  const lead = users.coordinator ?? null;
  if (first)
    await store.reviewItem(
      trx,
      k.id,
      first,
      { status: 'accepted', correctedAmount: null, reason: null },
      lead,
    );
  if (second)
    await store.reviewItem(
      trx,
      k.id,
      second,
      {
        status: 'corrected',
        correctedAmount: '322.00',
        reason: 'Eén heen- en terugreis valt buiten de uitwisselingsdagen (fictief voorbeeld).',
      },
      lead,
    );
  await declare(mouscron, 'coordinator_be_wal', [
    item(
      'travel',
      action('A2'),
      'Déplacements vers Courtrai pour l’immersion de deux agents',
      null,
      null,
      null,
      null,
      '212.80',
      'Note de frais NF-2025-031 (fictive)',
    ),
  ]);
};
