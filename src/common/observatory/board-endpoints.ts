import Type from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { Ok } from '../kernel/schemas';
import {
  BoardInput,
  BoardList,
  BoardParams,
  BoardPatch,
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
};
