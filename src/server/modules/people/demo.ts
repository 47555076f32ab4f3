import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { nameTokens } from '../../../common/people/participant-code';
import { switchContext, type Tx } from '../../platform/db/context';
import { type DemoOrgIds, type DemoSecrets, seedingAs } from '../../platform/demo';
import { DEMO_CENTRES } from './demo-persons';
import { participantCode } from './persons/participant-code';
import type { ConsentsTable, PersonsTable } from './tables';
import { today as dayOf } from './today';

const MS_PER_DAY = 86_400_000;
/** A calendar day some days before or after another (both `YYYY-MM-DD`). */
const shift = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);

/**
 * Persons followed by the three Action 1 centres, with languages, benefit, contract and some placement
 * consents. Persons are visible to their organisation only, so the seeder acts as each centre's referent
 * in turn (one insert per table and centre), then returns to the seeding context.
 */
export async function seedDemoPersons(
  trx: Tx,
  orgs: DemoOrgIds,
  users: Record<string, string>,
  { networkSecret }: DemoSecrets,
): Promise<void> {
  // The seeding transaction's day (app.today()), as every rule reads it.
  const today = await dayOf(trx);
  return seedingAs(trx, async () => {
    for (const centre of DEMO_CENTRES) {
      const orgId = orgs[centre.org];
      const referent = users[centre.referent];
      if (!orgId || !referent)
        throw new Error(`demo persons for unknown ${centre.org} or ${centre.referent}`);
      await switchContext(trx, { orgId, userId: referent });
      const persons: Insertable<PersonsTable>[] = [];
      const consents: Insertable<ConsentsTable>[] = [];
      for (const p of centre.persons) {
        const id = randomUUID();
        const contractSigned = shift(today, -p.contractDays);
        persons.push({
          id,
          org_id: orgId,
          first_name: p.first,
          last_name: p.last,
          birth_date: p.birth,
          sex: p.sex ?? null,
          email: p.email ? `${nameTokens(`${p.first} ${p.last}`).join('.')}@personnes.example` : null,
          municipality_code: p.municipality,
          languages: JSON.stringify(p.languages),
          preferred_language: centre.language,
          benefit: centre.benefit,
          benefit_since: shift(today, -p.benefitDays),
          contract_type: centre.contract,
          contract_signed_on: contractSigned,
          contract_next_evaluation_on: shift(today, p.evaluationInDays),
          participant_code: participantCode(networkSecret, {
            firstName: p.first,
            lastName: p.last,
            birthDate: p.birth,
          }),
          referent_user_id: referent,
        });
        if (p.consentTo) {
          const givenOn = shift(today, -Math.min(p.contractDays, 30));
          consents.push({
            org_id: orgId,
            person_id: id,
            purpose: 'placement',
            data_categories: ['identity', 'birth_date', 'contact', 'languages', 'mobility'],
            recipient_org_ids: p.consentTo.map((key) => {
              const target = orgs[key];
              if (!target) throw new Error(`demo consent for unknown organisation ${key}`);
              return target;
            }),
            given_by: 'person',
            given_on: givenOn,
            expires_on: shift(today, 335),
            recorded_by: referent,
            withdrawn_on: p.consentWithdrawn ? shift(today, -2) : null,
            withdrawal_reason: p.consentWithdrawn ? 'Souhaite attendre la fin de sa formation.' : null,
          });
        }
      }
      await trx.insertInto('persons').values(persons).execute();
      if (consents.length) await trx.insertInto('consents').values(consents).execute();
    }
  });
}
