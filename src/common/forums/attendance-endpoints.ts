/** Check-in and attendance of the forums module (re-exported by ./endpoints.ts for the contract check). */
import Type from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { IdParams, Ok } from '../kernel/schemas';
import {
  AnonymousAttendance,
  AnonymousAttendanceInput,
  AttendanceInput,
  AttendanceSheetQuery,
  CheckInFound,
  CheckInLookup,
  CheckInView,
  RegistrationParams,
} from './attendance-schemas';

const tags = ['forums'] as const;

/** Signed in, `forum.manage` of the organising organisation only. */
export const attendanceApi = {
  checkIn: defineEndpoint({
    method: 'GET',
    path: '/api/events/:id/check-in',
    params: IdParams,
    response: { 200: CheckInView },
    tags,
    access: { anyOf: ['forum.manage'], scope: 'organisation' },
  }),
  /** The code of a QR code: the registration it belongs to, for the organiser only. */
  lookup: defineEndpoint({
    method: 'POST',
    path: '/api/events/:id/check-in/lookup',
    params: IdParams,
    body: CheckInLookup,
    response: { 200: CheckInFound },
    tags,
    access: { anyOf: ['forum.manage'], scope: 'organisation' },
  }),
  attendance: defineEndpoint({
    method: 'PUT',
    path: '/api/events/:id/registrations/:registrationId/attendance',
    params: RegistrationParams,
    body: AttendanceInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['forum.manage'], scope: 'organisation' },
  }),
  cancel: defineEndpoint({
    method: 'POST',
    path: '/api/events/:id/registrations/:registrationId/cancellation',
    params: RegistrationParams,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['forum.manage'], scope: 'organisation' },
  }),
  anonymous: defineEndpoint({
    method: 'PUT',
    path: '/api/events/:id/anonymous-attendance',
    params: IdParams,
    body: AnonymousAttendanceInput,
    response: { 200: AnonymousAttendance },
    tags,
    access: { anyOf: ['forum.manage'], scope: 'organisation' },
  }),
  sheet: defineEndpoint({
    method: 'GET',
    path: '/api/events/:id/attendance-sheet.pdf',
    params: IdParams,
    query: AttendanceSheetQuery,
    response: { 200: Type.String({ format: 'binary', description: 'application/pdf' }) },
    tags,
    file: true,
    access: { anyOf: ['forum.manage'], scope: 'organisation' },
  }),
};
