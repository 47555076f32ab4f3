import { describe, expect, it } from 'vitest';
import type { NavItem } from './module';
import { visibleNav } from './nav';

const nav: NavItem[] = [
  { to: '/app/practices', labelId: 'library', permission: 'practice.view', order: 45 },
  { to: '/practices', labelId: 'public_library', order: 32, publicOnly: true },
  { to: '/directory', labelId: 'directory', order: 30, public: true },
  { to: '/app/programmes', labelId: 'programmes', permission: 'programme.view', order: 20 },
];
const labels = (items: NavItem[]) => items.map((n) => n.labelId);

describe('visibleNav', () => {
  it('gives a signed-in reader what their roles allow, without the public-only faces', () => {
    expect(labels(visibleNav(nav, true, ['referent']))).toEqual(['programmes', 'directory', 'library']);
    expect(labels(visibleNav(nav, true, ['finance']))).toEqual(['programmes', 'directory']);
  });

  it('gives a visitor the public items only, the public-only ones included', () => {
    expect(labels(visibleNav(nav, false, []))).toEqual(['directory', 'public_library']);
  });
});
