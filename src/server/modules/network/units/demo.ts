import type { UnitInput } from '../../../../common/network/unit-schemas';
import type { DemoSeeder } from '../../../platform/demo';
import { insertUnit, replaceMembers } from './store';

/**
 * The demo network's teams and services, the hosts of Action 2's immersions. Names are the kind of
 * services these centres have; contacts are fictional. The Service Action Migrants keeps no short name:
 * "SAM" on screen would read as SAM Eurométropole.
 */
const UNITS: Array<{
  org: string;
  unit: UnitInput;
  members: Array<{ account: string; role: 'lead' | 'member' }>;
}> = [
  {
    org: 'cpas-charleroi',
    unit: {
      kind: 'service',
      nameFr: 'Service Action Migrants',
      nameNl: 'Dienst Actie Migranten',
      email: 'action-migrants@cpas-charleroi.example',
      phone: '+32 470 00 01 23',
    },
    members: [
      { account: 'coordinator_charleroi', role: 'lead' },
      { account: 'tutor_charleroi', role: 'member' },
    ],
  },
  {
    org: 'ccas-tourcoing',
    unit: {
      kind: 'service',
      nameFr: 'Pôle insertion et accompagnement',
      nameNl: 'Pool inschakeling en begeleiding',
      email: 'pole-insertion@ccas-tourcoing.example',
      phone: '+33 3 20 00 01 24',
    },
    members: [{ account: 'host_tourcoing', role: 'lead' }],
  },
  {
    org: 'ocmw-menen',
    unit: {
      kind: 'service',
      nameNl: 'Dienst Activering',
      nameFr: "Service d'activation",
      email: 'activering@ocmw-menen.example',
      phone: '+32 470 00 01 25',
    },
    members: [
      { account: 'manager_menen', role: 'lead' },
      { account: 'professional_menen', role: 'member' },
    ],
  },
  {
    org: 'ocmw-kortrijk',
    unit: {
      kind: 'team',
      nameNl: 'Team Schuldbemiddeling',
      email: 'schuldbemiddeling@ocmw-kortrijk.example',
      phone: '+32 470 00 01 26',
    },
    members: [{ account: 'referent_be_vlg', role: 'member' }],
  },
  {
    org: 'cpas-mouscron',
    unit: {
      kind: 'service',
      nameFr: "Service d'insertion socioprofessionnelle",
      nameNl: 'Dienst socioprofessionele inschakeling',
      shortName: 'SISP',
      email: 'insertion@cpas-mouscron.example',
      phone: '+32 470 00 01 27',
    },
    members: [
      { account: 'coordinator_be_wal', role: 'lead' },
      { account: 'referent_be_wal', role: 'member' },
    ],
  },
  {
    org: 'cpas-mouscron',
    unit: { kind: 'mobile_team', nameFr: 'Équipe mobile de rue', nameNl: 'Mobiel straatteam' },
    members: [],
  },
];

export const seedUnits: DemoSeeder = async (trx, orgs, users) => {
  for (const { org, unit, members } of UNITS) {
    const orgId = orgs[org];
    if (!orgId) throw new Error(`demo unit for unknown organisation ${org}`);
    const id = await insertUnit(trx, orgId, unit);
    const staff = members.flatMap((m) => {
      const userId = users[m.account];
      return userId ? [{ userId, role: m.role }] : [];
    });
    if (staff.length) await replaceMembers(trx, id, orgId, staff);
  }
};
