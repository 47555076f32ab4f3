import type { FastifyInstance } from 'fastify';
import { forumFeedbackApi as api, publicForumFeedbackApi as pub } from '../../../../common/forums/endpoints';
import { withContext } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { answerFeedback } from './answer';
import { feedbackCsv, feedbackSummary } from './summary';

/** An event's feedback: the public answer (by the mailed link) and the organisers' summary and CSV. */
export async function forumFeedbackRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.summary, (req) => inTx(deps, req, (trx, a) => feedbackSummary(trx, a, req.params.id)));
  route(app, api.csv, async (req, reply) => {
    const file = await inTx(deps, req, (trx, a) => feedbackCsv(trx, a, req.params.id));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'no-store')
      .send(file.body);
  });
  // Like the registration: the anonymous registration scope, limited like sign-in attempts.
  route(
    app,
    pub.answer,
    (req) =>
      withContext(
        deps.db,
        { scope: 'forum_registration', requestId: req.id, today: deps.clock.today() },
        (trx) => answerFeedback(trx, req.params.id, req.body, deps.clock.now()),
      ),
    { config: { rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' } } },
  );
}
