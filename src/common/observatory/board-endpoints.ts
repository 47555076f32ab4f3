import Type from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { Ok } from '../kernel/schemas';
import { FollowupInput, FollowupParams, FollowupPatch } from './board-followup-schemas';
import {
  BoardInput,
  BoardList,
  BoardParams,
  BoardPatch,
  BoardPdfQuery,
  BoardQuery,
  BoardView,
  PublicBoardQuery,
  PublicBoardView,
  PublishInput,
  TileInput,
  TileMove,
  TileParams,
} from './board-schemas';

/** The observatory's thematic boards, and a published board without login. */
const tags = ['observatory'] as const;
const pdf = { 200: Type.String({ format: 'binary', description: 'application/pdf' }) };

export const boardEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/observatory/boards',
    response: { 200: BoardList },
    tags,
    access: { anyOf: ['observatory.view'], scope: 'network' },
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/observatory/boards',
    body: BoardInput,
    response: { 201: Type.Object({ code: Type.String() }) },
    tags,
    access: { anyOf: ['observatory.import'], scope: 'organisation' },
  }),
  view: defineEndpoint({
    method: 'GET',
    path: '/api/observatory/boards/:code',
    params: BoardParams,
    query: BoardQuery,
    response: { 200: BoardView },
    tags,
    access: { anyOf: ['observatory.view'], scope: 'network' },
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/observatory/boards/:code',
    params: BoardParams,
    body: BoardPatch,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['observatory.import'], scope: 'organisation' },
  }),
  addTile: defineEndpoint({
    method: 'POST',
    path: '/api/observatory/boards/:code/tiles',
    params: BoardParams,
    body: TileInput,
    response: { 201: Type.Object({ id: Type.String() }) },
    tags,
    access: { anyOf: ['observatory.import'], scope: 'organisation' },
  }),
  removeTile: defineEndpoint({
    method: 'DELETE',
    path: '/api/observatory/boards/:code/tiles/:tile',
    params: TileParams,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['observatory.import'], scope: 'organisation' },
  }),
  moveTile: defineEndpoint({
    method: 'POST',
    path: '/api/observatory/boards/:code/tiles/:tile/move',
    params: TileParams,
    body: TileMove,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['observatory.import'], scope: 'organisation' },
  }),
  publish: defineEndpoint({
    method: 'POST',
    path: '/api/observatory/boards/:code/publish',
    params: BoardParams,
    body: PublishInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['observatory.import'], scope: 'organisation' },
  }),
  /** Without login: a published board only (the same 404 for an unpublished or unknown one). */
  publicView: defineEndpoint({
    method: 'GET',
    path: '/api/public/observatory/boards/:code',
    params: BoardParams,
    query: PublicBoardQuery,
    response: { 200: PublicBoardView },
    tags,
    access: { public: 'a board its organisation published for reading without an account' },
  }),
  /** A partner records what it decided in response to the board (its own organisation's follow-up). */
  addFollowup: defineEndpoint({
    method: 'POST',
    path: '/api/observatory/boards/:code/followups',
    params: BoardParams,
    body: FollowupInput,
    response: { 201: Type.Object({ id: Type.String() }) },
    tags,
    access: { anyOf: ['observatory.import'], scope: 'organisation' },
  }),
  updateFollowup: defineEndpoint({
    method: 'PATCH',
    path: '/api/observatory/boards/:code/followups/:followup',
    params: FollowupParams,
    body: FollowupPatch,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['observatory.import'], scope: 'organisation' },
  }),
  removeFollowup: defineEndpoint({
    method: 'DELETE',
    path: '/api/observatory/boards/:code/followups/:followup',
    params: FollowupParams,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['observatory.import'], scope: 'organisation' },
  }),
  /** The board as a PDF for a signed-in reader: every tile as a table, its sources and caveats, the follow-up. */
  pdf: defineEndpoint({
    method: 'GET',
    path: '/api/observatory/boards/:code/board.pdf',
    params: BoardParams,
    query: BoardPdfQuery,
    response: pdf,
    file: true,
    tags,
    access: { anyOf: ['observatory.view'], scope: 'network' },
  }),
  /** The same for a published board, without login. */
  publicPdf: defineEndpoint({
    method: 'GET',
    path: '/api/public/observatory/boards/:code/board.pdf',
    params: BoardParams,
    query: PublicBoardQuery,
    response: pdf,
    file: true,
    tags,
    access: { public: 'a board its organisation published for reading without an account' },
  }),
};
