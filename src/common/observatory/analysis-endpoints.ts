import Type from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { Ok } from '../kernel/schemas';
import {
  AnalysisInput,
  AnalysisList,
  AnalysisParams,
  AnalysisPatch,
  AnalysisPdfQuery,
  AnalysisQuery,
  AnalysisView,
  PublishVersion,
  SectionInput,
  SectionMove,
  SectionParams,
  VersionParams,
} from './analysis-schemas';

/** Each partner's local analysis: its versions, the draft's sections, publishing, a version's PDF. */
const tags = ['observatory'] as const;

export const analysisEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/observatory/analyses',
    response: { 200: AnalysisList },
    tags,
    access: { anyOf: ['observatory.view'], scope: 'network' },
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/observatory/analyses',
    body: AnalysisInput,
    response: { 201: Type.Object({ id: Type.String() }) },
    tags,
    access: { anyOf: ['observatory.import'], scope: 'organisation' },
  }),
  view: defineEndpoint({
    method: 'GET',
    path: '/api/observatory/analyses/:id',
    params: AnalysisParams,
    query: AnalysisQuery,
    response: { 200: AnalysisView },
    tags,
    access: { anyOf: ['observatory.view'], scope: 'network' },
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/observatory/analyses/:id',
    params: AnalysisParams,
    body: AnalysisPatch,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['observatory.import'], scope: 'organisation' },
  }),
  addSection: defineEndpoint({
    method: 'POST',
    path: '/api/observatory/analyses/:id/sections',
    params: AnalysisParams,
    body: SectionInput,
    response: { 201: Type.Object({ id: Type.String() }) },
    tags,
    access: { anyOf: ['observatory.import'], scope: 'organisation' },
  }),
  updateSection: defineEndpoint({
    method: 'PUT',
    path: '/api/observatory/analyses/:id/sections/:section',
    params: SectionParams,
    body: SectionInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['observatory.import'], scope: 'organisation' },
  }),
  removeSection: defineEndpoint({
    method: 'DELETE',
    path: '/api/observatory/analyses/:id/sections/:section',
    params: SectionParams,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['observatory.import'], scope: 'organisation' },
  }),
  moveSection: defineEndpoint({
    method: 'POST',
    path: '/api/observatory/analyses/:id/sections/:section/move',
    params: SectionParams,
    body: SectionMove,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['observatory.import'], scope: 'organisation' },
  }),
  /** Freezes the draft as version N and starts the next draft as its copy. */
  publish: defineEndpoint({
    method: 'POST',
    path: '/api/observatory/analyses/:id/publish',
    params: AnalysisParams,
    body: PublishVersion,
    response: { 200: Type.Object({ published: Type.Integer(), draft: Type.Integer() }) },
    tags,
    access: { anyOf: ['observatory.import'], scope: 'organisation' },
  }),
  pdf: defineEndpoint({
    method: 'GET',
    path: '/api/observatory/analyses/:id/versions/:number/analysis.pdf',
    params: VersionParams,
    query: AnalysisPdfQuery,
    response: { 200: Type.String({ format: 'binary', description: 'application/pdf' }) },
    file: true,
    tags,
    access: { anyOf: ['observatory.view'], scope: 'network' },
  }),
};
