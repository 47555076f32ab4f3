import type { FastifyInstance } from 'fastify';
import { attendanceApi as api } from '../../../../common/forums/endpoints';
import type { Deps } from '../../../platform/deps';
import { inTx } from '../../../platform/http';
import { route } from '../../../platform/route';
import { storedDownload } from '../../../platform/stored-download';
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
  // It names the registrants: stored for its owner (encrypted, 24 hours) and downloaded from there
  // (ADR 0033), never cached.
  route(app, api.sheet, (req, reply) =>
    storedDownload(deps, req, reply, 'forums.attendance_sheet', async (trx, a) => {
      const file = await attendanceSheet(trx, a, req.params.id, req.query.blank, deps.clock.now());
      return { filename: file.filename, contentType: 'application/pdf', body: Buffer.from(file.body) };
    }),
  );
}
