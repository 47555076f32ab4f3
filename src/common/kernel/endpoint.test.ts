import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { defineEndpoint, queryKeyOf, queryString, successStatus, urlOf } from './endpoint';

const get = defineEndpoint({
  method: 'GET',
  path: '/api/things/:id/parts/:part',
  params: Type.Object({ id: Type.String(), part: Type.String() }),
  query: Type.Object({ q: Type.Optional(Type.String()) }),
  response: { 200: Type.Object({}) },
  tags: ['t'],
  access: { signedIn: 'self' },
});
const create = defineEndpoint({
  method: 'POST',
  path: '/api/things',
  response: { 400: Type.Object({}), 201: Type.Object({}), 204: Type.Null() },
  tags: ['t'],
  access: { signedIn: 'self' },
});

describe('endpoint contracts', () => {
  it('builds the URL from the declaration, encoding parameters', () => {
    expect(urlOf(get, { params: { id: 'a/b', part: 'é' }, query: { q: 'x y' } })).toBe(
      '/api/things/a%2Fb/parts/%C3%A9?q=x+y',
    );
    expect(() => urlOf(get, { params: { id: '1', part: '' } })).toThrow(/parameter part/);
  });

  it('writes query values as they travel: blanks out, arrays repeated, booleans as words', () => {
    expect(queryString({ a: '', b: null, c: undefined, d: ['x', 2], e: false, f: 0 })).toBe(
      '?d=x&d=2&e=false&f=0',
    );
    expect(queryString({})).toBe('');
  });

  it('keys the cache by the path pattern first, so one invalidation covers every call', () => {
    expect(queryKeyOf(get, { params: { id: '1' } })[0]).toBe('/api/things/:id/parts/:part');
  });

  it('answers a successful call with the first 2xx declared', () => {
    expect(successStatus(create)).toBe(201);
    expect(successStatus(get)).toBe(200);
  });
});
