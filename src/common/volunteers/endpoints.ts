/**
 * Every endpoint of the volunteers module (issue 13), read by the contract check (test/contracts).
 */
import Type from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { IdParams, Ok, Uuid } from '../kernel/schemas';
import {
  AssignmentBody,
  AssignmentCreated,
  BenefitCentreBody,
  DeclarationBody,
  InsuranceBody,
  InsuranceList,
  TrainingBody,
  VolunteerDetail,
  VolunteerOrgBody,
  VolunteerOrgOptions,
  VolunteerPage,
  VolunteerQuery,
  VolunteerRegistration,
  VolunteerStatusBody,
} from './schemas';
import { TrainingParams, VolunteerUpdate } from './update';

const tags = ['volunteers'] as const;
const OrgParams = Type.Object({ id: Uuid, orgId: Uuid });
const Created = Type.Object({ id: Type.String() });

/** The registry, for the coordinating organisation and the organisations a volunteer works with. */
export const volunteersApi = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/volunteers',
    query: VolunteerQuery,
    response: { 200: VolunteerPage },
    tags,
    access: { anyOf: ['volunteers.manage'], scope: 'organisation' },
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/volunteers/:id',
    params: IdParams,
    response: { 200: VolunteerDetail },
    tags,
    access: { anyOf: ['volunteers.manage'], scope: 'organisation' },
  }),
  /** Correct or complete a volunteer and its organisations (coordinating organisation, volunteers.manage). */
  update: defineEndpoint({
    method: 'PUT',
    path: '/api/volunteers/:id',
    params: IdParams,
    body: VolunteerUpdate,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['volunteers.manage'], scope: 'organisation' },
  }),
  /** Validate a pending registration, deactivate, reactivate (coordinating organisation, volunteers.manage). */
  status: defineEndpoint({
    method: 'POST',
    path: '/api/volunteers/:id/status',
    params: IdParams,
    body: VolunteerStatusBody,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['volunteers.manage'], scope: 'organisation' },
  }),
  benefitCentre: defineEndpoint({
    method: 'PUT',
    path: '/api/volunteers/:id/benefit-centre',
    params: IdParams,
    body: BenefitCentreBody,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['volunteers.manage'], scope: 'organisation' },
  }),
  declare: defineEndpoint({
    method: 'POST',
    path: '/api/volunteers/:id/declarations',
    params: IdParams,
    body: DeclarationBody,
    response: { 201: Created },
    tags,
    access: { anyOf: ['volunteers.manage'], scope: 'organisation' },
  }),
  addOrganisation: defineEndpoint({
    method: 'POST',
    path: '/api/volunteers/:id/organisations',
    params: IdParams,
    body: VolunteerOrgBody,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['volunteers.manage'], scope: 'organisation' },
  }),
  removeOrganisation: defineEndpoint({
    method: 'DELETE',
    path: '/api/volunteers/:id/organisations/:orgId',
    params: OrgParams,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['volunteers.manage'], scope: 'organisation' },
  }),
  addTraining: defineEndpoint({
    method: 'POST',
    path: '/api/volunteers/:id/trainings',
    params: IdParams,
    body: TrainingBody,
    response: { 201: Created },
    tags,
    access: { anyOf: ['volunteers.manage'], scope: 'organisation' },
  }),
  /** A training recorded by mistake, removed by the organisation that recorded it. */
  removeTraining: defineEndpoint({
    method: 'DELETE',
    path: '/api/volunteers/:id/trainings/:trainingId',
    params: TrainingParams,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['volunteers.manage'], scope: 'organisation' },
  }),
  assign: defineEndpoint({
    method: 'POST',
    path: '/api/volunteers/:id/assignments',
    params: IdParams,
    body: AssignmentBody,
    response: { 201: AssignmentCreated },
    tags,
    access: { anyOf: ['volunteers.manage'], scope: 'organisation' },
  }),
  /** The network's organisations (to add one a volunteer works with, or a benefit centre). */
  organisations: defineEndpoint({
    method: 'GET',
    path: '/api/volunteers/organisations',
    response: { 200: VolunteerOrgOptions },
    tags,
    access: { anyOf: ['volunteers.manage'], scope: 'network' },
  }),
  insurance: defineEndpoint({
    method: 'GET',
    path: '/api/volunteers/insurance',
    response: { 200: InsuranceList },
    tags,
    access: { anyOf: ['volunteers.manage'], scope: 'organisation' },
  }),
  addInsurance: defineEndpoint({
    method: 'POST',
    path: '/api/volunteers/insurance',
    body: InsuranceBody,
    response: { 201: Created },
    tags,
    access: { anyOf: ['volunteers.manage'], scope: 'organisation' },
  }),
};

/** Without an account: the self-registration form and the organisations it offers. */
export const publicVolunteersApi = {
  organisations: defineEndpoint({
    method: 'GET',
    path: '/api/public/volunteers/organisations',
    response: { 200: VolunteerOrgOptions },
    tags,
    access: { public: 'the organisations a volunteer may choose on the public registration form' },
  }),
  /** Always the same answer, whatever the e-mail: nothing tells whether it was known. */
  register: defineEndpoint({
    method: 'POST',
    path: '/api/public/volunteers',
    body: VolunteerRegistration,
    response: { 202: Ok },
    tags,
    access: { public: "a volunteer's public self-registration (lands pending)" },
  }),
};
