import Type from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { IdParams, Uuid } from '../kernel/schemas';
import {
  ActionCreateBody,
  ActionPatchBody,
  MobilityCreateBody,
  NoteCreateBody,
  NoteList,
  NotePatchBody,
  ObjectiveCreateBody,
  ObjectivePatchBody,
  PathwayCreateBody,
  PathwayDetail,
  PathwayList,
  PathwayPatchBody,
  ReferentOptions,
} from './pathway-schemas';
import {
  ReferralCreateBody,
  ReferralDeclineBody,
  ReferralPage,
  ReferralQuery,
  ReferralView,
} from './referral-schemas';
import {
  ConsentCreateBody,
  ConsentView,
  ConsentWithdrawBody,
  DuplicateCheck,
  PersonCreateBody,
  PersonCreated,
  PersonDetail,
  PersonIdentityBody,
  PersonPage,
  PersonPatchBody,
  PersonQuery,
  ReferentOption,
} from './schemas';
import { SharedPage, SharedPerson, SharedQuery, SharePreview, SharePreviewQuery } from './shared-schemas';

/** The people module's HTTP contract: persons, consents, pathways, referrals, sharing. */
const tags = ['people'] as const;

const PersonIdParams = Type.Object({ personId: Uuid });

/** Data-subject rights: export, restriction, erasure (ADR 0032). */
export { subjectRightsApi } from './subject-rights-endpoints';

/** Persons followed by the organisation (its caseload) and their records. */
export const personsApi = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/people',
    query: PersonQuery,
    response: { 200: PersonPage },
    tags,
    access: { anyOf: ['person.view'], scope: 'organisation' },
  }),
  /** The organisation's staff who may be a person's referent (the caseload filter). */
  referents: defineEndpoint({
    method: 'GET',
    path: '/api/people/referents',
    response: { 200: Type.Array(ReferentOption) },
    tags,
    access: { anyOf: ['person.view'], scope: 'organisation' },
  }),
  /** Possible duplicates of an identity before creating it (throttled per user). */
  duplicates: defineEndpoint({
    method: 'POST',
    path: '/api/people/duplicates',
    body: PersonIdentityBody,
    response: { 200: DuplicateCheck },
    tags,
    access: { anyOf: ['person.manage'], scope: 'organisation' },
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/people',
    body: PersonCreateBody,
    response: { 201: PersonCreated },
    tags,
    access: { anyOf: ['person.manage'], scope: 'organisation' },
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/people/:id',
    params: IdParams,
    response: { 200: PersonDetail },
    tags,
    access: { anyOf: ['person.view'], scope: 'organisation' },
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/people/:id',
    params: IdParams,
    body: PersonPatchBody,
    response: { 200: PersonDetail },
    tags,
    access: { anyOf: ['person.manage'], scope: 'organisation' },
  }),
  archive: defineEndpoint({
    method: 'POST',
    path: '/api/people/:id/archive',
    params: IdParams,
    response: { 200: PersonDetail },
    tags,
    access: { anyOf: ['person.manage'], scope: 'organisation' },
  }),
};

/** A person's consent records: recorded, replaced by a new record, withdrawn; never edited. */
export const consentsApi = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/people/:id/consents',
    params: IdParams,
    response: { 200: Type.Array(ConsentView) },
    tags,
    access: { anyOf: ['person.view'], scope: 'organisation' },
  }),
  record: defineEndpoint({
    method: 'POST',
    path: '/api/people/:id/consents',
    params: IdParams,
    body: ConsentCreateBody,
    response: { 201: ConsentView },
    tags,
    access: { anyOf: ['person.manage'], scope: 'organisation' },
  }),
  withdraw: defineEndpoint({
    method: 'POST',
    path: '/api/people/:id/consents/:cid/withdraw',
    params: Type.Object({ id: Uuid, cid: Uuid }),
    body: ConsentWithdrawBody,
    response: { 200: ConsentView },
    tags,
    access: { anyOf: ['person.manage'], scope: 'organisation' },
  }),
};

/**
 * Pathways: objectives and actions, the notes timeline, mobility. Every write answers with the whole
 * pathway as it now stands, so the page shows the derived progress at once.
 */
export const pathwaysApi = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/people/:personId/pathways',
    params: PersonIdParams,
    response: { 200: PathwayList },
    tags,
    access: { anyOf: ['person.view'], scope: 'organisation' },
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/people/:personId/pathways',
    params: PersonIdParams,
    body: PathwayCreateBody,
    response: { 201: PathwayDetail },
    tags,
    access: { anyOf: ['person.manage'], scope: 'organisation' },
  }),
  referents: defineEndpoint({
    method: 'GET',
    path: '/api/pathway-referents',
    response: { 200: ReferentOptions },
    tags,
    access: { anyOf: ['person.view'], scope: 'organisation' },
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/pathways/:id',
    params: IdParams,
    response: { 200: PathwayDetail },
    tags,
    access: { anyOf: ['person.view'], scope: 'organisation' },
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/pathways/:id',
    params: IdParams,
    body: PathwayPatchBody,
    response: { 200: PathwayDetail },
    tags,
    access: { anyOf: ['person.manage'], scope: 'organisation' },
  }),
  addObjective: defineEndpoint({
    method: 'POST',
    path: '/api/pathways/:id/objectives',
    params: IdParams,
    body: ObjectiveCreateBody,
    response: { 201: PathwayDetail },
    tags,
    access: { anyOf: ['person.manage'], scope: 'organisation' },
  }),
  updateObjective: defineEndpoint({
    method: 'PATCH',
    path: '/api/objectives/:id',
    params: IdParams,
    body: ObjectivePatchBody,
    response: { 200: PathwayDetail },
    tags,
    access: { anyOf: ['person.manage'], scope: 'organisation' },
  }),
  deleteObjective: defineEndpoint({
    method: 'DELETE',
    path: '/api/objectives/:id',
    params: IdParams,
    response: { 200: PathwayDetail },
    tags,
    access: { anyOf: ['person.manage'], scope: 'organisation' },
  }),
  addAction: defineEndpoint({
    method: 'POST',
    path: '/api/objectives/:id/actions',
    params: IdParams,
    body: ActionCreateBody,
    response: { 201: PathwayDetail },
    tags,
    access: { anyOf: ['person.manage'], scope: 'organisation' },
  }),
  updateAction: defineEndpoint({
    method: 'PATCH',
    path: '/api/actions/:id',
    params: IdParams,
    body: ActionPatchBody,
    response: { 200: PathwayDetail },
    tags,
    access: { anyOf: ['person.manage'], scope: 'organisation' },
  }),
  deleteAction: defineEndpoint({
    method: 'DELETE',
    path: '/api/actions/:id',
    params: IdParams,
    response: { 200: PathwayDetail },
    tags,
    access: { anyOf: ['person.manage'], scope: 'organisation' },
  }),
  notes: defineEndpoint({
    method: 'GET',
    path: '/api/pathways/:id/notes',
    params: IdParams,
    response: { 200: NoteList },
    tags,
    access: { anyOf: ['person.view'], scope: 'organisation' },
  }),
  addNote: defineEndpoint({
    method: 'POST',
    path: '/api/pathways/:id/notes',
    params: IdParams,
    body: NoteCreateBody,
    response: { 201: PathwayDetail },
    tags,
    access: { anyOf: ['person.manage'], scope: 'organisation' },
  }),
  editNote: defineEndpoint({
    method: 'PATCH',
    path: '/api/notes/:id',
    params: IdParams,
    body: NotePatchBody,
    response: { 200: PathwayDetail },
    tags,
    access: { anyOf: ['person.manage'], scope: 'organisation' },
  }),
  recordMobility: defineEndpoint({
    method: 'POST',
    path: '/api/pathways/:id/mobility',
    params: IdParams,
    body: MobilityCreateBody,
    response: { 201: PathwayDetail },
    tags,
    access: { anyOf: ['person.manage'], scope: 'organisation' },
  }),
};

/** Referrals between organisations: sent by the person's home centre, decided by the recipient. */
export const referralsApi = {
  create: defineEndpoint({
    method: 'POST',
    path: '/api/people/:personId/referrals',
    params: PersonIdParams,
    body: ReferralCreateBody,
    response: { 201: ReferralView },
    tags,
    access: { anyOf: ['person.manage'], scope: 'organisation' },
  }),
  list: defineEndpoint({
    method: 'GET',
    path: '/api/referrals',
    query: ReferralQuery,
    response: { 200: ReferralPage },
    tags,
    access: { anyOf: ['person.view'], scope: 'organisation' },
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/referrals/:id',
    params: IdParams,
    response: { 200: ReferralView },
    tags,
    access: { anyOf: ['person.view'], scope: 'organisation' },
  }),
  accept: defineEndpoint({
    method: 'POST',
    path: '/api/referrals/:id/accept',
    params: IdParams,
    response: { 200: ReferralView },
    tags,
    access: { anyOf: ['person.view'], scope: 'organisation' },
  }),
  decline: defineEndpoint({
    method: 'POST',
    path: '/api/referrals/:id/decline',
    params: IdParams,
    body: ReferralDeclineBody,
    response: { 200: ReferralView },
    tags,
    access: { anyOf: ['person.view'], scope: 'organisation' },
  }),
  done: defineEndpoint({
    method: 'POST',
    path: '/api/referrals/:id/done',
    params: IdParams,
    response: { 200: ReferralView },
    tags,
    access: { anyOf: ['person.view'], scope: 'organisation' },
  }),
  revoke: defineEndpoint({
    method: 'POST',
    path: '/api/referrals/:id/revoke',
    params: IdParams,
    response: { 200: ReferralView },
    tags,
    access: { anyOf: ['person.view'], scope: 'organisation' },
  }),
};

/** Sharing a person: the preview of a share (any purpose), and the persons shared with the reader's organisation. */
export const sharedApi = {
  preview: defineEndpoint({
    method: 'GET',
    path: '/api/people/:personId/referral-preview',
    params: PersonIdParams,
    query: SharePreviewQuery,
    response: { 200: SharePreview },
    tags,
    access: { anyOf: ['person.manage'], scope: 'organisation' },
  }),
  list: defineEndpoint({
    method: 'GET',
    path: '/api/shared/people',
    query: SharedQuery,
    response: { 200: SharedPage },
    tags,
    access: { anyOf: ['person.view_shared'], scope: 'granted' },
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/shared/people/:id',
    params: IdParams,
    response: { 200: SharedPerson },
    tags,
    access: { anyOf: ['person.view_shared'], scope: 'granted' },
  }),
};
