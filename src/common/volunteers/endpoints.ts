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
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/volunteers/:id',
    params: IdParams,
    response: { 200: VolunteerDetail },
    tags,
  }),
  /** Correct or complete a volunteer and its organisations (coordinating organisation, volunteers.manage). */
  update: defineEndpoint({
    method: 'PUT',
    path: '/api/volunteers/:id',
    params: IdParams,
    body: VolunteerUpdate,
    response: { 200: Ok },
    tags,
  }),
  /** Validate a pending registration, deactivate, reactivate (coordinating organisation, volunteers.manage). */
  status: defineEndpoint({
    method: 'POST',
    path: '/api/volunteers/:id/status',
    params: IdParams,
    body: VolunteerStatusBody,
    response: { 200: Ok },
    tags,
  }),
  benefitCentre: defineEndpoint({
    method: 'PUT',
    path: '/api/volunteers/:id/benefit-centre',
    params: IdParams,
    body: BenefitCentreBody,
    response: { 200: Ok },
    tags,
  }),
  declare: defineEndpoint({
    method: 'POST',
    path: '/api/volunteers/:id/declarations',
    params: IdParams,
    body: DeclarationBody,
    response: { 201: Created },
    tags,
  }),
  addOrganisation: defineEndpoint({
    method: 'POST',
    path: '/api/volunteers/:id/organisations',
    params: IdParams,
    body: VolunteerOrgBody,
    response: { 200: Ok },
    tags,
  }),
  removeOrganisation: defineEndpoint({
    method: 'DELETE',
    path: '/api/volunteers/:id/organisations/:orgId',
    params: OrgParams,
    response: { 200: Ok },
    tags,
  }),
  addTraining: defineEndpoint({
    method: 'POST',
    path: '/api/volunteers/:id/trainings',
    params: IdParams,
    body: TrainingBody,
    response: { 201: Created },
    tags,
  }),
  /** A training recorded by mistake, removed by the organisation that recorded it. */
  removeTraining: defineEndpoint({
    method: 'DELETE',
    path: '/api/volunteers/:id/trainings/:trainingId',
    params: TrainingParams,
    response: { 200: Ok },
    tags,
  }),
  assign: defineEndpoint({
    method: 'POST',
    path: '/api/volunteers/:id/assignments',
    params: IdParams,
    body: AssignmentBody,
    response: { 201: AssignmentCreated },
    tags,
  }),
  /** The network's organisations (to add one a volunteer works with, or a benefit centre). */
  organisations: defineEndpoint({
    method: 'GET',
    path: '/api/volunteers/organisations',
    response: { 200: VolunteerOrgOptions },
    tags,
  }),
  insurance: defineEndpoint({
    method: 'GET',
    path: '/api/volunteers/insurance',
    response: { 200: InsuranceList },
    tags,
  }),
  addInsurance: defineEndpoint({
    method: 'POST',
    path: '/api/volunteers/insurance',
    body: InsuranceBody,
    response: { 201: Created },
    tags,
  }),
};

/** Without an account: the self-registration form and the organisations it offers. */
export const publicVolunteersApi = {
  organisations: defineEndpoint({
    method: 'GET',
    path: '/api/public/volunteers/organisations',
    response: { 200: VolunteerOrgOptions },
    tags,
  }),
  /** Always the same answer, whatever the e-mail: nothing tells whether it was known. */
  register: defineEndpoint({
    method: 'POST',
    path: '/api/public/volunteers',
    body: VolunteerRegistration,
    response: { 202: Ok },
    tags,
  }),
};
