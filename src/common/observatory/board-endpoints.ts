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
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/observatory/boards',
    body: BoardInput,
    response: { 201: Type.Object({ code: Type.String() }) },
    tags,
  }),
  view: defineEndpoint({
    method: 'GET',
    path: '/api/observatory/boards/:code',
    params: BoardParams,
    query: BoardQuery,
    response: { 200: BoardView },
    tags,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/observatory/boards/:code',
    params: BoardParams,
    body: BoardPatch,
    response: { 200: Ok },
    tags,
  }),
  addTile: defineEndpoint({
    method: 'POST',
    path: '/api/observatory/boards/:code/tiles',
    params: BoardParams,
    body: TileInput,
    response: { 201: Type.Object({ id: Type.String() }) },
    tags,
  }),
  removeTile: defineEndpoint({
    method: 'DELETE',
    path: '/api/observatory/boards/:code/tiles/:tile',
    params: TileParams,
    response: { 200: Ok },
    tags,
  }),
  moveTile: defineEndpoint({
    method: 'POST',
    path: '/api/observatory/boards/:code/tiles/:tile/move',
    params: TileParams,
    body: TileMove,
    response: { 200: Ok },
    tags,
  }),
  publish: defineEndpoint({
    method: 'POST',
    path: '/api/observatory/boards/:code/publish',
    params: BoardParams,
    body: PublishInput,
    response: { 200: Ok },
    tags,
  }),
  /** Without login: a published board only (the same 404 for an unpublished or unknown one). */
  publicView: defineEndpoint({
    method: 'GET',
    path: '/api/public/observatory/boards/:code',
    params: BoardParams,
    query: PublicBoardQuery,
    response: { 200: PublicBoardView },
    tags,
  }),
  /** A partner records what it decided in response to the board (its own organisation's follow-up). */
  addFollowup: defineEndpoint({
    method: 'POST',
    path: '/api/observatory/boards/:code/followups',
    params: BoardParams,
    body: FollowupInput,
    response: { 201: Type.Object({ id: Type.String() }) },
    tags,
  }),
  updateFollowup: defineEndpoint({
    method: 'PATCH',
    path: '/api/observatory/boards/:code/followups/:followup',
    params: FollowupParams,
    body: FollowupPatch,
    response: { 200: Ok },
    tags,
  }),
  removeFollowup: defineEndpoint({
    method: 'DELETE',
    path: '/api/observatory/boards/:code/followups/:followup',
    params: FollowupParams,
    response: { 200: Ok },
    tags,
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
  }),
};
