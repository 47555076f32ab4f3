import type { FastifyInstance } from 'fastify';
import { analysisEndpoints as api } from '../../../../common/observatory/analysis-endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { asciiFilename } from '../../../platform/send-file';
import * as e from './edit';
import { exportAnalysisPdf } from './export';
import * as s from './service';

/** The partners' local analyses: reading, the draft's edits, publishing, a version's PDF. */
export async function analysisRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.list, (req) => inTx(deps, req, (trx, a) => s.listAnalyses(trx, a)));
  route(app, api.create, (req) => inTx(deps, req, (trx, a) => e.createAnalysis(trx, a, req.body)));
  route(app, api.view, (req) =>
    inTx(deps, req, (trx, a) => s.viewAnalysis(trx, a, req.params.id, req.query)),
  );
  route(app, api.update, (req) =>
    inTx(deps, req, (trx, a) => e.updateAnalysis(trx, a, req.params.id, req.body)),
  );
  route(app, api.addSection, (req) =>
    inTx(deps, req, (trx, a) => e.addSection(trx, a, req.params.id, req.body)),
  );
  route(app, api.updateSection, (req) =>
    inTx(deps, req, (trx, a) => e.updateSection(trx, a, req.params.id, req.params.section, req.body)),
  );
  route(app, api.removeSection, (req) =>
    inTx(deps, req, (trx, a) => e.removeSection(trx, a, req.params.id, req.params.section)),
  );
  route(app, api.moveSection, (req) =>
    inTx(deps, req, (trx, a) => e.moveSection(trx, a, req.params.id, req.params.section, req.body.direction)),
  );
  route(app, api.publish, (req) =>
    inTx(deps, req, (trx, a) => e.publishVersion(trx, a, req.params.id, req.body)),
  );
  route(app, api.pdf, async (req, reply) => {
    const { filename, pdf } = await inTx(deps, req, (trx, a) =>
      exportAnalysisPdf(trx, a, req.params.id, req.params.number, req.query.lang),
    );
    return reply
      .headers({
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${asciiFilename(filename)}"`,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      })
      .send(pdf);
  });
}
