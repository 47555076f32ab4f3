import Type from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { IdParams } from '../kernel/schemas';
import {
  OrganisationCreateBody,
  OrganisationDetail,
  OrganisationPage,
  OrganisationPatchBody,
  OrganisationQuery,
} from './organisation-schemas';
import { DocumentParams, DocumentView } from './programme-documents';
import {
  PartnersBody,
  ProgrammeCreateBody,
  ProgrammeDetail,
  ProgrammeList,
  ProgrammeListQuery,
  ProgrammePatchBody,
} from './programme-schemas';
import { ActionsBody, MilestonesBody, PerimeterBody } from './programme-structure-schemas';
import {
  DirectoryPage,
  DirectoryQuery,
  ManagedServicesPage,
  ManagedServicesQuery,
  MunicipalityList,
  ServiceDetail,
  ServiceInput,
  ServicePatch,
} from './service-schemas';
import {
  TerritoryCodeParam,
  TerritoryCodeQuery,
  TerritoryCodeResolution,
  TerritoryDetail,
  TerritoryDetailQuery,
  TerritoryGroupCreateBody,
  TerritoryGroupDeleted,
  TerritoryGroupDetail,
  TerritoryGroupList,
  TerritoryGroupMembersBody,
  TerritoryGroupParams,
  TerritoryGroupPatchBody,
  TerritoryGroupQuery,
  TerritoryImportResult,
  TerritoryPage,
  TerritoryQuery,
} from './territory-schemas';

/** The partner network's HTTP contract: organisations, territories, programmes, services, the directory. */
const tags = ['network'] as const;

/** Partner organisations: every signed-in member reads them; platform and organisation admins write. */
export const organisationsApi = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/organisations',
    query: OrganisationQuery,
    response: { 200: OrganisationPage },
    tags,
    access: { anyOf: ['organisation.view'], scope: 'network' },
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/organisations/:id',
    params: IdParams,
    response: { 200: OrganisationDetail },
    tags,
    access: { anyOf: ['organisation.view'], scope: 'network' },
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/organisations',
    body: OrganisationCreateBody,
    response: { 201: OrganisationDetail },
    tags,
    access: { anyOf: ['organisation.create'], scope: 'network' },
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/organisations/:id',
    params: IdParams,
    body: OrganisationPatchBody,
    response: { 200: OrganisationDetail },
    tags,
    access: { anyOf: ['organisation.update'], scope: 'organisation' },
  }),
};

/**
 * Territories (municipalities and the levels above them): public reference data (anonymous visitors too);
 * platform admins import them. The list gives municipalities unless `level` says otherwise.
 */
export const territoriesApi = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/territories',
    query: TerritoryQuery,
    response: { 200: TerritoryPage },
    tags,
    access: { public: 'official territories, reference data of the public directory and boards' },
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/territories/:code',
    params: TerritoryCodeParam,
    query: TerritoryDetailQuery,
    response: { 200: TerritoryDetail },
    tags,
    access: { public: 'an official territory and its outline, reference data' },
  }),
  /** Multipart upload of one file (TopoJSON, GeoJSON or CSV) in the field "file". */
  import: defineEndpoint({
    method: 'POST',
    path: '/api/territories/import',
    multipart: true,
    response: { 200: TerritoryImportResult },
    tags,
    access: { anyOf: ['territory.import'], scope: 'network' },
  }),
  /** What an old (or current) code stands for on a day: the current code(s) and the changes between. */
  resolveCode: defineEndpoint({
    method: 'GET',
    path: '/api/territory-codes/:code',
    params: TerritoryCodeParam,
    query: TerritoryCodeQuery,
    response: { 200: TerritoryCodeResolution },
    tags,
    access: { public: 'what an official territory code names at a date, reference data' },
  }),
};

/**
 * Groups of territories beside the tree (the Eurométropole, border strips, programme perimeters, an
 * organisation's own groups). Platform-wide groups are public and written by platform admins; an
 * organisation's groups are read by signed-in members and written by its coordinators and administrators.
 */
export const territoryGroupsApi = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/territory-groups',
    query: TerritoryGroupQuery,
    response: { 200: TerritoryGroupList },
    tags,
    access: {
      public: 'groups of territories the public boards are drawn on; an organisation sees its own too',
    },
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/territory-groups/:code',
    params: TerritoryGroupParams,
    response: { 200: TerritoryGroupDetail },
    tags,
    access: { public: 'a group of territories the public boards are drawn on' },
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/territory-groups',
    body: TerritoryGroupCreateBody,
    response: { 201: TerritoryGroupDetail },
    tags,
    access: { anyOf: ['territory.group.manage'], scope: 'organisation' },
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/territory-groups/:code',
    params: TerritoryGroupParams,
    body: TerritoryGroupPatchBody,
    response: { 200: TerritoryGroupDetail },
    tags,
    access: { anyOf: ['territory.group.manage'], scope: 'organisation' },
  }),
  setMembers: defineEndpoint({
    method: 'PUT',
    path: '/api/territory-groups/:code/members',
    params: TerritoryGroupParams,
    body: TerritoryGroupMembersBody,
    response: { 200: TerritoryGroupDetail },
    tags,
    access: { anyOf: ['territory.group.manage'], scope: 'organisation' },
  }),
  remove: defineEndpoint({
    method: 'DELETE',
    path: '/api/territory-groups/:code',
    params: TerritoryGroupParams,
    response: { 200: TerritoryGroupDeleted },
    tags,
    access: { anyOf: ['territory.group.manage'], scope: 'organisation' },
  }),
};

/** Programmes (projects) of the network and their partners. */
export const programmesApi = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/programmes',
    query: ProgrammeListQuery,
    response: { 200: ProgrammeList },
    tags,
    access: { anyOf: ['programme.view'], scope: 'network' },
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/programmes/:id',
    params: IdParams,
    response: { 200: ProgrammeDetail },
    tags,
    access: { anyOf: ['programme.view'], scope: 'network' },
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/programmes',
    body: ProgrammeCreateBody,
    response: { 201: ProgrammeDetail },
    tags,
    access: { anyOf: ['programme.create'], scope: 'programme' },
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/programmes/:id',
    params: IdParams,
    body: ProgrammePatchBody,
    response: { 200: ProgrammeDetail },
    tags,
    access: { anyOf: ['programme.update'], scope: 'programme' },
  }),
  /** The whole partner list, replaced at once. */
  replacePartners: defineEndpoint({
    method: 'PUT',
    path: '/api/programmes/:id/partners',
    params: IdParams,
    body: PartnersBody,
    response: { 200: ProgrammeDetail },
    tags,
    access: { anyOf: ['programme.update'], scope: 'programme' },
  }),
  /** The ordered actions (work packages, modules, years), replaced at once. */
  replaceActions: defineEndpoint({
    method: 'PUT',
    path: '/api/programmes/:id/actions',
    params: IdParams,
    body: ActionsBody,
    response: { 200: ProgrammeDetail },
    tags,
    access: { anyOf: ['programme.update'], scope: 'programme' },
  }),
  /** The dated milestones, replaced at once. */
  replaceMilestones: defineEndpoint({
    method: 'PUT',
    path: '/api/programmes/:id/milestones',
    params: IdParams,
    body: MilestonesBody,
    response: { 200: ProgrammeDetail },
    tags,
    access: { anyOf: ['programme.update'], scope: 'programme' },
  }),
  /** The municipalities it covers, replaced at once. */
  replacePerimeter: defineEndpoint({
    method: 'PUT',
    path: '/api/programmes/:id/perimeter',
    params: IdParams,
    body: PerimeterBody,
    response: { 200: ProgrammeDetail },
    tags,
    access: { anyOf: ['programme.update'], scope: 'programme' },
  }),
  /** Multipart upload of one document in the field "file" (the lead; PDF, office files, images). */
  uploadDocument: defineEndpoint({
    method: 'POST',
    path: '/api/programmes/:id/documents',
    params: IdParams,
    multipart: true,
    response: { 201: DocumentView },
    tags,
    access: { anyOf: ['programme.update'], scope: 'programme' },
  }),
  /** The document itself, always as a download (the programme's partners). */
  documentFile: defineEndpoint({
    method: 'GET',
    path: '/api/programmes/:id/documents/:documentId/file',
    params: DocumentParams,
    response: { 200: Type.String({ format: 'binary', description: 'the document' }) },
    file: true,
    tags,
    access: { anyOf: ['programme.view'], scope: 'programme' },
  }),
  deleteDocument: defineEndpoint({
    method: 'DELETE',
    path: '/api/programmes/:id/documents/:documentId',
    params: DocumentParams,
    response: { 200: ProgrammeDetail },
    tags,
    access: { anyOf: ['programme.update'], scope: 'programme' },
  }),
};

/** An organisation's own services in the directory, drafts included (service managers). */
export const servicesApi = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/services',
    query: ManagedServicesQuery,
    response: { 200: ManagedServicesPage },
    tags,
    access: { anyOf: ['service.manage'], scope: 'organisation' },
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/services',
    body: ServiceInput,
    response: { 201: ServiceDetail },
    tags,
    access: { anyOf: ['service.manage'], scope: 'organisation' },
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/services/:id',
    params: IdParams,
    body: ServicePatch,
    response: { 200: ServiceDetail },
    tags,
    access: { anyOf: ['service.manage'], scope: 'organisation' },
  }),
  remove: defineEndpoint({
    method: 'DELETE',
    path: '/api/services/:id',
    params: IdParams,
    response: { 204: Type.Null() },
    tags,
    access: { anyOf: ['service.manage'], scope: 'organisation' },
  }),
};

/**
 * The public directory: search and entries without an account (people from the other side of the
 * border must find them); a member also reads their own organisation's drafts through `service`.
 */
export const directoryApi = {
  search: defineEndpoint({
    method: 'GET',
    path: '/api/directory/services',
    query: DirectoryQuery,
    response: { 200: DirectoryPage },
    tags,
    access: { public: 'the public directory of services' },
  }),
  service: defineEndpoint({
    method: 'GET',
    path: '/api/directory/services/:id',
    params: IdParams,
    response: { 200: ServiceDetail },
    tags,
    access: { public: 'a published service of the public directory' },
  }),
  municipalities: defineEndpoint({
    method: 'GET',
    path: '/api/directory/municipalities',
    response: { 200: MunicipalityList },
    tags,
    access: { public: 'the municipalities the public directory covers' },
  }),
};

// The cross-border services network, declared beside its schemas (issue 13).
export { serviceLinkEndpoints } from './service-links-endpoints';
// Teams and services inside organisations live beside their schemas; re-exported for the contract check.
export { unitEndpoints } from './unit-endpoints';
