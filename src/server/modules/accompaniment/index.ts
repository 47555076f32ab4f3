import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps';
import type { ServerModule } from '../../platform/module';
import { experimentationsPart } from './experimentations/part';
import { interpretingPart } from './interpreting/part';
import { outreachPart } from './outreach/part';
import type { AccompanimentPart } from './part';
import { recordsPart } from './records/part';
import { accompanimentSubjectData } from './subject-data';
import { teamsPart } from './teams/part';

/**
 * AB Réfugiés (issue 14): the accompaniment of newcomers on top of the people module — the newcomer
 * record (legal status history, integration path, household, guardian of a minor, psychosocial flag),
 * mobile teams and the requests they receive through the sharing door, interventions and the team's
 * encrypted clinical notes, interpreter bookings with time-boxed access for external interpreters,
 * outreach contacts with persons not (yet) identified, and the experimentations each side runs and
 * transfers. Migrations 0051-0056.
 */
const PARTS: readonly AccompanimentPart[] = [
  recordsPart,
  teamsPart,
  interpretingPart,
  outreachPart,
  experimentationsPart,
];

export const accompanimentModule: ServerModule = {
  name: 'accompaniment',
  routes: async (app: FastifyInstance, deps: Deps) => {
    for (const p of PARTS) await p.routes?.(app, deps);
  },
  jobs: (deps: Deps) => {
    for (const p of PARTS) p.jobs?.(deps);
  },
  attention: PARTS.flatMap((p) => p.attention ?? []),
  demo: PARTS.flatMap((p) => p.demo ?? []),
  indicators: PARTS.flatMap((p) => p.indicators ?? []),
  notifications: PARTS.flatMap((p) => p.notifications ?? []),
  caseloadAlerts: PARTS.flatMap((p) => p.caseloadAlerts ?? []),
  subjectData: [accompanimentSubjectData],
};
