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
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/organisations/:id',
    params: IdParams,
    response: { 200: OrganisationDetail },
    tags,
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/organisations',
    body: OrganisationCreateBody,
    response: { 201: OrganisationDetail },
    tags,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/organisations/:id',
    params: IdParams,
    body: OrganisationPatchBody,
    response: { 200: OrganisationDetail },
    tags,
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
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/territories/:code',
    params: TerritoryCodeParam,
    query: TerritoryDetailQuery,
    response: { 200: TerritoryDetail },
    tags,
  }),
  /** Multipart upload of one file (TopoJSON, GeoJSON or CSV) in the field "file". */
  import: defineEndpoint({
    method: 'POST',
    path: '/api/territories/import',
    multipart: true,
    response: { 200: TerritoryImportResult },
    tags,
  }),
  /** What an old (or current) code stands for on a day: the current code(s) and the changes between. */
  resolveCode: defineEndpoint({
    method: 'GET',
    path: '/api/territory-codes/:code',
    params: TerritoryCodeParam,
    query: TerritoryCodeQuery,
    response: { 200: TerritoryCodeResolution },
    tags,
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
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/territory-groups/:code',
    params: TerritoryGroupParams,
    response: { 200: TerritoryGroupDetail },
    tags,
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/territory-groups',
    body: TerritoryGroupCreateBody,
    response: { 201: TerritoryGroupDetail },
    tags,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/territory-groups/:code',
    params: TerritoryGroupParams,
    body: TerritoryGroupPatchBody,
    response: { 200: TerritoryGroupDetail },
    tags,
  }),
  setMembers: defineEndpoint({
    method: 'PUT',
    path: '/api/territory-groups/:code/members',
    params: TerritoryGroupParams,
    body: TerritoryGroupMembersBody,
    response: { 200: TerritoryGroupDetail },
    tags,
  }),
  remove: defineEndpoint({
    method: 'DELETE',
    path: '/api/territory-groups/:code',
    params: TerritoryGroupParams,
    response: { 200: TerritoryGroupDeleted },
    tags,
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
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/programmes/:id',
    params: IdParams,
    response: { 200: ProgrammeDetail },
    tags,
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/programmes',
    body: ProgrammeCreateBody,
    response: { 201: ProgrammeDetail },
    tags,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/programmes/:id',
    params: IdParams,
    body: ProgrammePatchBody,
    response: { 200: ProgrammeDetail },
    tags,
  }),
  /** The whole partner list, replaced at once. */
  replacePartners: defineEndpoint({
    method: 'PUT',
    path: '/api/programmes/:id/partners',
    params: IdParams,
    body: PartnersBody,
    response: { 200: ProgrammeDetail },
    tags,
  }),
  /** The ordered actions (work packages, modules, years), replaced at once. */
  replaceActions: defineEndpoint({
    method: 'PUT',
    path: '/api/programmes/:id/actions',
    params: IdParams,
    body: ActionsBody,
    response: { 200: ProgrammeDetail },
    tags,
  }),
  /** The dated milestones, replaced at once. */
  replaceMilestones: defineEndpoint({
    method: 'PUT',
    path: '/api/programmes/:id/milestones',
    params: IdParams,
    body: MilestonesBody,
    response: { 200: ProgrammeDetail },
    tags,
  }),
  /** The municipalities it covers, replaced at once. */
  replacePerimeter: defineEndpoint({
    method: 'PUT',
    path: '/api/programmes/:id/perimeter',
    params: IdParams,
    body: PerimeterBody,
    response: { 200: ProgrammeDetail },
    tags,
  }),
  /** Multipart upload of one document in the field "file" (the lead; PDF, office files, images). */
  uploadDocument: defineEndpoint({
    method: 'POST',
    path: '/api/programmes/:id/documents',
    params: IdParams,
    multipart: true,
    response: { 201: DocumentView },
    tags,
  }),
  /** The document itself, always as a download (the programme's partners). */
  documentFile: defineEndpoint({
    method: 'GET',
    path: '/api/programmes/:id/documents/:documentId/file',
    params: DocumentParams,
    response: { 200: Type.String({ format: 'binary', description: 'the document' }) },
    file: true,
    tags,
  }),
  deleteDocument: defineEndpoint({
    method: 'DELETE',
    path: '/api/programmes/:id/documents/:documentId',
    params: DocumentParams,
    response: { 200: ProgrammeDetail },
    tags,
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
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/services',
    body: ServiceInput,
    response: { 201: ServiceDetail },
    tags,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/services/:id',
    params: IdParams,
    body: ServicePatch,
    response: { 200: ServiceDetail },
    tags,
  }),
  remove: defineEndpoint({
    method: 'DELETE',
    path: '/api/services/:id',
    params: IdParams,
    response: { 204: Type.Null() },
    tags,
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
  }),
  service: defineEndpoint({
    method: 'GET',
    path: '/api/directory/services/:id',
    params: IdParams,
    response: { 200: ServiceDetail },
    tags,
  }),
  municipalities: defineEndpoint({
    method: 'GET',
    path: '/api/directory/municipalities',
    response: { 200: MunicipalityList },
    tags,
  }),
};

// The cross-border services network, declared beside its schemas (issue 13).
export { serviceLinkEndpoints } from './service-links-endpoints';
// Teams and services inside organisations live beside their schemas; re-exported for the contract check.
export { unitEndpoints } from './unit-endpoints';
