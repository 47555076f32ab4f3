import { describe, expect, it } from 'vitest';
import { publicOrigins } from './http';

describe('the origins anonymous writes may come from', () => {
  it('is the origin of PUBLIC_URL, and its loopback spellings on localhost only', () => {
    expect([...publicOrigins('https://samen.example.org/app')]).toEqual(['https://samen.example.org']);
    expect([...publicOrigins('http://localhost:8080')].sort()).toEqual([
      'http://127.0.0.1:8080',
      'http://[::1]:8080',
      'http://localhost:8080',
    ]);
    expect(publicOrigins('http://localhost:8080').has('http://127.0.0.1:9090')).toBe(false);
    expect(publicOrigins('http://10.0.0.5:8080').has('http://localhost:8080')).toBe(false);
  });
});
