import type { FastifyInstance } from 'fastify';
import { attendanceApi as api } from '../../../../common/forums/endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { saveAnonymous } from './anonymous';
import * as c from './checkin';
import { attendanceSheet } from './sheet';

/** Check-in, attendance and the attendance sheet (organiser only, migration 0050). */
export async function attendanceRoutes(app: FastifyInstance, deps: Deps) {
  route(app, api.checkIn, (req) =>
    inTx(deps, req, (trx, a) => c.checkInView(trx, a, req.params.id, deps.clock.now())),
  );
  route(app, api.lookup, (req) =>
    inTx(deps, req, (trx, a) => c.lookup(trx, a, req.params.id, req.body.code)),
  );
  route(app, api.attendance, (req) =>
    inTx(deps, req, (trx, a) =>
      c.setAttendance(trx, a, req.params.id, req.params.registrationId, req.body.present, deps.clock.now()),
    ),
  );
  route(app, api.cancel, (req) =>
    inTx(deps, req, (trx, a) => c.cancelFor(trx, deps, a, req.params.id, req.params.registrationId)),
  );
  route(app, api.anonymous, (req) =>
    inTx(deps, req, (trx, a) => saveAnonymous(trx, a, req.params.id, req.body, deps.clock.now())),
  );
  route(app, api.sheet, async (req, reply) => {
    const file = await inTx(deps, req, (trx, a) =>
      attendanceSheet(trx, a, req.params.id, req.query.blank, deps.clock.now()),
    );
    // A generated PDF (never an upload): a download, not cached (it names the registrants).
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(file.body);
  });
}
