import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Language } from '../../../../common/i18n/locales';
import { subjectRightsApi as api } from '../../../../common/people/endpoints';
import { requirePermission } from '../../../platform/actor';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { storedDownload } from '../../../platform/stored-download';
import { anonymisePerson } from './anonymise';
import { collectSubjectData, subjectPerson } from './collect';
import { renderSubjectPdf } from './pdf';
import { liftRestriction, restrictPerson } from './restriction';

/**
 * Everything samen holds about a person is the most sensitive file it makes: it is stored for the one who
 * asked (encrypted, 24 hours, each download audited) and downloaded from there, never sent from the query
 * that made it (ADR 0033).
 */
const stored = (
  deps: Deps,
  req: FastifyRequest,
  reply: FastifyReply,
  file: { filename: string; contentType: string; body: string | Buffer },
) => storedDownload(deps, req, reply, 'people.subject_export', async () => file);

export async function subjectRightsRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.exportJson, async (req, reply) => {
    const data = await inTx(deps, req, async (trx, actor) => {
      const person = await subjectPerson(trx, actor, req.params.id);
      return collectSubjectData(trx, deps, actor, person, actor.language, 'json');
    });
    return stored(deps, req, reply, {
      filename: `samen-${data.participantCode}.json`,
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify(data, null, 2),
    });
  });

  route(app, api.exportPdf, async (req, reply) => {
    const now = deps.clock.now();
    const { data, person, language } = await inTx(deps, req, async (trx, actor) => {
      const person = await subjectPerson(trx, actor, req.params.id);
      const language: Language = req.query.language ?? person.preferredLanguage;
      return { data: await collectSubjectData(trx, deps, actor, person, language, 'pdf'), person, language };
    });
    const pdf = await renderSubjectPdf(data, person, language, now);
    return stored(deps, req, reply, {
      filename: `samen-${data.participantCode}.pdf`,
      contentType: 'application/pdf',
      body: Buffer.from(pdf),
    });
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
