import { defineEndpoint } from '../kernel/endpoint';
import { Ok } from '../kernel/schemas';
import {
  CreatedEvent,
  GuardianInput,
  HouseholdInput,
  IntegrationInput,
  NewcomerRecord,
  PersonParams,
  ProfileInput,
  PsychosocialInput,
  SharedNewcomer,
  StatusEventInput,
} from './records-schemas';

const tags = ['accompaniment'] as const;
const base = '/api/accompaniment/newcomers/:personId';

/**
 * The newcomer record of a person of the actor's organisation (`person.view` reads, `person.manage`
 * writes); what another organisation may see of it through the sharing door.
 */
export const newcomerRecordsApi = {
  get: defineEndpoint({
    method: 'GET',
    path: base,
    params: PersonParams,
    response: { 200: NewcomerRecord },
    tags,
    access: { anyOf: ['person.view'], scope: 'organisation' },
  }),
  setProfile: defineEndpoint({
    method: 'PUT',
    path: `${base}/profile`,
    params: PersonParams,
    body: ProfileInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['person.manage'], scope: 'organisation' },
  }),
  addStatusEvent: defineEndpoint({
    method: 'POST',
    path: `${base}/status-events`,
    params: PersonParams,
    body: StatusEventInput,
    response: { 201: CreatedEvent },
    tags,
    access: { anyOf: ['person.manage'], scope: 'organisation' },
  }),
  setIntegration: defineEndpoint({
    method: 'PUT',
    path: `${base}/integration-path`,
    params: PersonParams,
    body: IntegrationInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['person.manage'], scope: 'organisation' },
  }),
  setHousehold: defineEndpoint({
    method: 'PUT',
    path: `${base}/household`,
    params: PersonParams,
    body: HouseholdInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['person.manage'], scope: 'organisation' },
  }),
  setGuardian: defineEndpoint({
    method: 'PUT',
    path: `${base}/guardian`,
    params: PersonParams,
    body: GuardianInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['person.manage'], scope: 'organisation' },
  }),
  setPsychosocial: defineEndpoint({
    method: 'PUT',
    path: `${base}/psychosocial`,
    params: PersonParams,
    body: PsychosocialInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['person.manage'], scope: 'organisation' },
  }),
  shared: defineEndpoint({
    method: 'GET',
    path: '/api/accompaniment/shared-newcomers/:personId',
    params: PersonParams,
    response: { 200: SharedNewcomer },
    tags,
    access: { anyOf: ['person.view_shared'], scope: 'granted' },
  }),
};
