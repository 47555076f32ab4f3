import type { WebModule } from '../../app/module';
import { AttendanceSheetPage } from './AttendanceSheetPage';

/** A placement's follow-up: the tutor's weekly attendance sheet (the rest is a section of the placement page). */
export const followUpModule: WebModule = {
  routes: [{ path: 'placements/:id/attendance', element: <AttendanceSheetPage /> }],
};
