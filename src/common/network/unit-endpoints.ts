import Type from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { IdParams } from '../kernel/schemas';
import {
  UnitInput,
  UnitList,
  UnitListQuery,
  UnitMembers,
  UnitMembersInput,
  UnitStaff,
  UnitView,
} from './unit-schemas';

const tags = ['network'] as const;

/**
 * Teams and services inside organisations. Every signed-in user reads an organisation's units; its
 * `unit.manage` holders (and platform admins) write them and their members, which only the organisation
 * itself reads.
 */
export const unitEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/organisations/:id/units',
    params: IdParams,
    query: UnitListQuery,
    response: { 200: UnitList },
    tags,
    access: { signedIn: 'member' },
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/organisations/:id/units',
    params: IdParams,
    body: UnitInput,
    response: { 201: UnitView },
    tags,
    access: { anyOf: ['unit.manage'], scope: 'organisation' },
  }),
  /** The organisation's active staff, to choose a unit's members from (its managers only). */
  staff: defineEndpoint({
    method: 'GET',
    path: '/api/organisations/:id/unit-staff',
    params: IdParams,
    response: { 200: UnitStaff },
    tags,
    access: { anyOf: ['unit.manage'], scope: 'organisation' },
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/org-units/:id',
    params: IdParams,
    response: { 200: UnitView },
    tags,
    access: { signedIn: 'member' },
  }),
  update: defineEndpoint({
    method: 'PUT',
    path: '/api/org-units/:id',
    params: IdParams,
    body: UnitInput,
    response: { 200: UnitView },
    tags,
    access: { anyOf: ['unit.manage'], scope: 'organisation' },
  }),
  /** Archives (or, with `archived: false`, restores) a unit; its offers and history keep naming it. */
  archive: defineEndpoint({
    method: 'POST',
    path: '/api/org-units/:id/archive',
    params: IdParams,
    body: Type.Object({ archived: Type.Boolean() }, { additionalProperties: false }),
    response: { 200: UnitView },
    tags,
    access: { anyOf: ['unit.manage'], scope: 'organisation' },
  }),
  members: defineEndpoint({
    method: 'GET',
    path: '/api/org-units/:id/members',
    params: IdParams,
    response: { 200: UnitMembers },
    tags,
    access: { signedIn: 'member' },
  }),
  setMembers: defineEndpoint({
    method: 'PUT',
    path: '/api/org-units/:id/members',
    params: IdParams,
    body: UnitMembersInput,
    response: { 200: UnitMembers },
    tags,
    access: { anyOf: ['unit.manage'], scope: 'organisation' },
  }),
};
