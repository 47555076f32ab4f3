import Type from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { IdParams, Ok } from '../kernel/schemas';
import {
  ExportQuery,
  NarrativeInput,
  ReopenReportInput,
  ReportInput,
  ReportList,
  ReportView,
  VersionQuery,
} from './report-schemas';

/** Progress reports: a programme's list, a report's versions, narratives, submission, exports. */
const tags = ['monitoring'] as const;
const Created = { 201: Type.Object({ id: Type.String() }) };
const file = (contentType: string) => ({ 200: Type.String({ format: 'binary', description: contentType }) });

export const reportEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/programmes/:id/reports',
    params: IdParams,
    response: { 200: ReportList },
    tags,
    access: { anyOf: ['indicators.view'], scope: 'programme' },
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/programmes/:id/reports',
    params: IdParams,
    body: ReportInput,
    response: Created,
    tags,
    access: { anyOf: ['programme.monitor'], scope: 'programme' },
  }),
  view: defineEndpoint({
    method: 'GET',
    path: '/api/reports/:id',
    params: IdParams,
    query: VersionQuery,
    response: { 200: ReportView },
    tags,
    access: { anyOf: ['indicators.view'], scope: 'programme' },
  }),
  saveNarrative: defineEndpoint({
    method: 'PUT',
    path: '/api/reports/:id/narratives',
    params: IdParams,
    body: NarrativeInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['programme.monitor'], scope: 'programme' },
  }),
  refresh: defineEndpoint({
    method: 'POST',
    path: '/api/reports/:id/refresh',
    params: IdParams,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['programme.monitor'], scope: 'programme' },
  }),
  submit: defineEndpoint({
    method: 'POST',
    path: '/api/reports/:id/submit',
    params: IdParams,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['programme.monitor'], scope: 'programme' },
  }),
  reopen: defineEndpoint({
    method: 'POST',
    path: '/api/reports/:id/reopen',
    params: IdParams,
    body: ReopenReportInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['programme.monitor'], scope: 'programme' },
  }),
  pdf: defineEndpoint({
    method: 'GET',
    path: '/api/reports/:id/report.pdf',
    params: IdParams,
    query: ExportQuery,
    response: file('application/pdf'),
    file: true,
    tags,
    access: { anyOf: ['indicators.view'], scope: 'programme' },
  }),
  xlsx: defineEndpoint({
    method: 'GET',
    path: '/api/reports/:id/report.xlsx',
    params: IdParams,
    query: ExportQuery,
    response: file('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    file: true,
    tags,
    access: { anyOf: ['indicators.view'], scope: 'programme' },
  }),
};
