import type { FastifyInstance } from 'fastify';
import type { EvaluationKind, OutcomeKind } from '../../../../common/placements/followup-rules';
import {
  AttendanceWeekBody,
  AttendanceWeekView,
  EvaluationBody,
  EvaluationParams,
  FollowUpParams,
  FollowUpView,
  IncidentBody,
  MobilityBody,
  OutcomeBody,
  OutcomeParams,
  StayBody,
  StayParams,
  WeekQuery,
} from '../../../../common/placements/followup-schemas';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { getAttendanceWeek, saveAttendanceWeek } from './attendance';
import { saveEvaluation } from './evaluations';
import { reportIncident } from './incidents';
import { logMobility } from './mobility';
import { saveOutcome } from './outcomes';
import { recordStay, removeStay } from './stays';
import { getFollowUp } from './view';

const tags = ['placements'];
type Id = { id: string };

/** A placement's follow-up: attendance by week, evaluations, incidents, mobility, stays abroad, outcomes. */
export async function followUpRoutes(app: FastifyInstance, deps: Deps) {
  app.get(
    '/api/placements/:id/follow-up',
    { schema: { tags, params: FollowUpParams, response: { 200: FollowUpView } } },
    async (req) => inTx(deps, req, (trx, actor) => getFollowUp(trx, actor, (req.params as Id).id)),
  );

  app.get(
    '/api/placements/:id/attendance',
    {
      schema: { tags, params: FollowUpParams, querystring: WeekQuery, response: { 200: AttendanceWeekView } },
    },
    async (req) =>
      inTx(deps, req, (trx, actor) =>
        getAttendanceWeek(trx, actor, (req.params as Id).id, (req.query as WeekQuery).week),
      ),
  );

  app.put(
    '/api/placements/:id/attendance',
    {
      schema: {
        tags,
        params: FollowUpParams,
        querystring: WeekQuery,
        body: AttendanceWeekBody,
        response: { 200: AttendanceWeekView },
      },
    },
    async (req) =>
      inTx(deps, req, (trx, actor) =>
        saveAttendanceWeek(
          trx,
          actor,
          (req.params as Id).id,
          (req.query as WeekQuery).week,
          req.body as AttendanceWeekBody,
        ),
      ),
  );

  app.put(
    '/api/placements/:id/evaluations/:kind',
    { schema: { tags, params: EvaluationParams, body: EvaluationBody, response: { 200: FollowUpView } } },
    async (req) => {
      const { id, kind } = req.params as Id & { kind: EvaluationKind };
      return inTx(deps, req, (trx, actor) =>
        saveEvaluation(trx, actor, id, kind, req.body as EvaluationBody),
      );
    },
  );

  app.post(
    '/api/placements/:id/incidents',
    { schema: { tags, params: FollowUpParams, body: IncidentBody, response: { 201: FollowUpView } } },
    async (req, reply) => {
      const view = await inTx(deps, req, (trx, actor) =>
        reportIncident(trx, actor, (req.params as Id).id, req.body as IncidentBody),
      );
      return reply.status(201).send(view);
    },
  );

  app.post(
    '/api/placements/:id/mobility',
    { schema: { tags, params: FollowUpParams, body: MobilityBody, response: { 201: FollowUpView } } },
    async (req, reply) => {
      const view = await inTx(deps, req, (trx, actor) =>
        logMobility(trx, actor, (req.params as Id).id, req.body as MobilityBody),
      );
      return reply.status(201).send(view);
    },
  );

  app.post(
    '/api/placements/:id/stays-abroad',
    { schema: { tags, params: FollowUpParams, body: StayBody, response: { 201: FollowUpView } } },
    async (req, reply) => {
      const view = await inTx(deps, req, (trx, actor) =>
        recordStay(trx, actor, (req.params as Id).id, req.body as StayBody),
      );
      return reply.status(201).send(view);
    },
  );

  app.delete(
    '/api/placements/:id/stays-abroad/:stayId',
    { schema: { tags, params: StayParams, response: { 200: FollowUpView } } },
    async (req) => {
      const { id, stayId } = req.params as Id & { stayId: string };
      return inTx(deps, req, (trx, actor) => removeStay(trx, actor, id, stayId));
    },
  );

  app.put(
    '/api/placements/:id/outcomes/:kind',
    { schema: { tags, params: OutcomeParams, body: OutcomeBody, response: { 200: FollowUpView } } },
    async (req) => {
      const { id, kind } = req.params as Id & { kind: OutcomeKind };
      return inTx(deps, req, (trx, actor) => saveOutcome(trx, actor, id, kind, req.body as OutcomeBody));
    },
  );
}
