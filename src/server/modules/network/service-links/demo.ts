import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/context';
import type { DemoOrgIds } from '../../../platform/demo';
import './tables';

/**
 * The demo's cross-border services network (fictional): three active links across the border with monthly
 * use counts over the last six months, and one proposal waiting for the partner's answer. Services are
 * found by their organisation and French title (seeded just before, see services/demo-services.ts).
 */
const LINKS = [
  {
    a: ['ccas-tourcoing', 'Écoute psychologique sans rendez-vous'],
    b: ['cpas-mouscron', 'Permanence transfrontalière de médiation de dettes'],
    monthsAgo: 14,
    accepts: [['orientation', 'residents'], ['orientation']],
    active: true,
    // Persons from the other country served each month, oldest first: [a's, b's].
    uses: [
      [4, 6],
      [5, 7],
      [3, 5],
      [6, 8],
      [7, 6],
      [5, 9],
    ],
  },
  {
    a: ['ocmw-menen', 'Cours de français pour néerlandophones'],
    b: ['ccas-halluin', 'Épicerie sociale et colis de dépannage'],
    monthsAgo: 9,
    accepts: [['orientation'], ['orientation', 'shared_desk', 'residents']],
    active: true,
    uses: [
      [2, 9],
      [3, 11],
      [2, 10],
      [4, 12],
      [3, 8],
      [5, 13],
    ],
  },
  {
    a: ['ccas-roubaix', 'Club emploi transfrontalier'],
    b: ['ocmw-kortrijk', 'Guichet logement pour frontaliers et nouveaux habitants'],
    monthsAgo: 5,
    accepts: [['orientation', 'shared_desk'], ['orientation']],
    active: true,
    uses: [
      [6, 2],
      [8, 3],
      [7, 1],
      [9, 4],
      [10, 2],
    ],
  },
  {
    a: ['ccas-lille', 'Cours de néerlandais pour francophones'],
    b: ['ocmw-menen', 'Cours de français pour néerlandophones'],
    monthsAgo: 0,
    accepts: [['orientation'], []],
    active: false,
    uses: [],
  },
] as const;

const firstOfMonthAgo = (today: string, n: number) => {
  const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 10);
};

export async function seedServiceLinks(trx: Tx, orgs: DemoOrgIds): Promise<void> {
  const today = (await sql<{ d: string }>`select app.today()::text as d`.execute(trx)).rows[0]!.d;
  const service = async ([org, title]: readonly [string, string]) => {
    const r = await trx
      .selectFrom('services')
      .select('id')
      .where('org_id', '=', orgs[org]!)
      .where('title_fr', '=', title)
      .executeTakeFirst();
    if (!r) throw new Error(`demo service ${org}: ${title} not found`);
    return r.id;
  };
  for (const l of LINKS) {
    const [a, b] = [await service(l.a), await service(l.b)];
    await trx
      .insertInto('service_links')
      .values({
        service_id: a,
        partner_service_id: b,
        proposed_by_org_id: orgs[l.a[0]]!,
        status: l.active ? 'active' : 'proposed',
        since: l.active ? firstOfMonthAgo(today, l.monthsAgo) : today,
        service_accepts: [...l.accepts[0]],
        partner_accepts: [...l.accepts[1]],
        accepted_at: l.active ? sql<Date>`now()` : null,
      })
      .execute();
    // The last full months, oldest first, ending with last month.
    for (const [i, [fromA, fromB]] of l.uses.entries()) {
      const month = firstOfMonthAgo(today, l.uses.length - i);
      await trx
        .insertInto('service_cross_border_use')
        .values([
          { service_id: a, month, home_country: orgCountry(l.a[0]), persons: fromA },
          { service_id: b, month, home_country: orgCountry(l.b[0]), persons: fromB },
        ])
        .execute();
    }
  }
}

/** The country the persons a service serves across the border come from: the other side's. */
const orgCountry = (org: string) => (org.startsWith('ccas-') ? 'BE' : 'FR');
