import { describe, expect, it } from 'vitest';
import { placementsLink } from '../placements/links';
import { absolute, defineLink } from './links';

describe('links', () => {
  const page = defineLink('/app/things/:id', { mine: 'boolean', page: 'integer', q: 'string' });

  it('fills and encodes parameters, and leaves blank filters out', () => {
    expect(page.href({ id: 'a b/c' }, { q: 'été', page: 2, mine: undefined })).toBe(
      '/app/things/a%20b%2Fc?page=2&q=%C3%A9t%C3%A9',
    );
    expect(() => page.href({ id: '' })).toThrow(/parameter id/);
  });

  it('reads back what it wrote, typed, and drops malformed filters', () => {
    const href = page.href({ id: 'x' }, { mine: true, page: 3, q: 'a&b' });
    expect(page.read(href.split('?')[1] ?? '')).toEqual({ mine: true, page: 3, q: 'a&b' });
    expect(page.read('mine=true&page=two&q=')).toEqual({});
    expect(page.read('mine=0')).toEqual({ mine: false });
  });

  // The drift issue 8 names: the dashboard sent mine=true to a page reading mine === '1'.
  it('makes the dashboard link and the agreements page agree on "mine"', () => {
    const href = placementsLink.href(undefined, { side: 'home', mine: true });
    expect(placementsLink.read(new URLSearchParams(href.split('?')[1]))).toEqual({
      side: 'home',
      mine: true,
    });
  });

  it('makes absolute addresses for mails', () => {
    expect(absolute('https://samen.example/', '/app/x')).toBe('https://samen.example/app/x');
  });
});
