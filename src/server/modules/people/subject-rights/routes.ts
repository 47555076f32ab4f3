import type { FastifyInstance } from 'fastify';
import type { Language } from '../../../../common/i18n/locales';
import { subjectRightsApi as api } from '../../../../common/people/endpoints';
import { requirePermission } from '../../../platform/actor';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { anonymisePerson } from './anonymise';
import { collectSubjectData, subjectPerson } from './collect';
import { renderSubjectPdf } from './pdf';
import { liftRestriction, restrictPerson } from './restriction';

/** A generated download naming a person: never cached, never sniffed. */
const download = (name: string, type: string) => ({
  'content-type': type,
  'content-disposition': `attachment; filename="${name}"`,
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
});

export async function subjectRightsRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.exportJson, async (req, reply) => {
    const data = await inTx(deps, req, async (trx, actor) => {
      const person = await subjectPerson(trx, actor, req.params.id);
      return collectSubjectData(trx, deps, actor, person, actor.language, 'json');
    });
    return reply
      .headers(download(`samen-${data.participantCode}.json`, 'application/json; charset=utf-8'))
      .send(JSON.stringify(data, null, 2));
  });

  route(app, api.exportPdf, async (req, reply) => {
    const now = deps.clock.now();
    const { data, person, language } = await inTx(deps, req, async (trx, actor) => {
      const person = await subjectPerson(trx, actor, req.params.id);
      const language: Language = req.query.language ?? person.preferredLanguage;
      return { data: await collectSubjectData(trx, deps, actor, person, language, 'pdf'), person, language };
    });
    const pdf = await renderSubjectPdf(data, person, language, now);
    return reply.headers(download(`samen-${data.participantCode}.pdf`, 'application/pdf')).send(pdf);
  });

  route(app, api.restrict, (req) =>
    inTx(deps, req, (trx, actor) => restrictPerson(trx, actor, req.params.id, req.body.reason)),
  );
  route(app, api.lift, (req) => inTx(deps, req, (trx, actor) => liftRestriction(trx, actor, req.params.id)));

  route(app, api.erase, (req) =>
    inTx(deps, req, async (trx, actor) => {
      requirePermission(actor, 'person.erase');
      await subjectPerson(trx, actor, req.params.id);
      const report = await anonymisePerson(trx, deps, req.params.id, 'request');
      return { erasureId: report.erasureId, modules: report.modules };
    }),
  );
}
