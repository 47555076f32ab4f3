import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOGS } from './i18n';
import type { NavItem } from './module';
import { NavBar } from './NavBar';
import { navCapacity, splitNav, visibleNav } from './nav';

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

describe('splitNav and navCapacity: the menu on one row', () => {
  const items = ['a', 'b', 'c', 'd', 'e', 'f'];

  it('keeps everything when it fits, with no "More"', () => {
    expect(splitNav(items, 6)).toEqual({ shown: items, more: [] });
    expect(splitNav(items, 9)).toEqual({ shown: items, more: [] });
  });

  it('keeps the order and gives the last place to "More" when it does not fit', () => {
    expect(splitNav(items, 4)).toEqual({ shown: ['a', 'b', 'c'], more: ['d', 'e', 'f'] });
    expect(splitNav(items, 1)).toEqual({ shown: ['a'], more: ['b', 'c', 'd', 'e', 'f'] });
  });

  it('holds more entries on a wider window', () => {
    expect(navCapacity(390)).toBeLessThan(navCapacity(800));
    expect(navCapacity(800)).toBeLessThan(navCapacity(1366));
    expect(navCapacity(1366)).toBeLessThanOrEqual(navCapacity(1920));
  });
});

const many: NavItem[] = [
  { to: '/app', labelId: 'nav.dashboard', order: 0 },
  { to: '/app/persons', labelId: 'nav.people', order: 5 },
  { to: '/app/organisations', labelId: 'nav.organisations', order: 10 },
  { to: '/app/programmes', labelId: 'network.programmes.nav', order: 20 },
  { to: '/app/events', labelId: 'forums.nav', order: 47 },
  { to: '/app/observatory', labelId: 'observatory.nav', order: 60 },
  { to: '/app/admin/members', labelId: 'nav.admin.members', order: 70 },
  { to: '/app/admin/audit', labelId: 'nav.admin.audit', order: 80 },
  { to: '/app/admin/outbox', labelId: 'nav.admin.outbox', order: 85 },
  { to: '/app/practices', labelId: 'practices.library.nav', order: 45 },
];

function renderNav(path: string) {
  return render(
    <IntlProvider locale="fr" messages={CATALOGS.fr}>
      <MemoryRouter initialEntries={[path]}>
        <NavBar items={many} />
      </MemoryRouter>
    </IntlProvider>,
  );
}

describe('NavBar', () => {
  beforeEach(() => Object.defineProperty(window, 'innerWidth', { value: 1366, configurable: true }));
  afterEach(cleanup);

  it('shows the first entries on the row at 1366 px and the others, in order, behind "Plus"', () => {
    renderNav('/app');
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    const row = nav.querySelector('ul')!;
    const shown = [...row.children].filter((li) => !li.classList.contains('shell-nav__more'));
    expect(shown).toHaveLength(navCapacity(1366) - 1);
    const more = screen.getByRole('button', { name: /Plus/ });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    const list = document.getElementById(more.getAttribute('aria-controls')!)!;
    expect(list.hidden).toBe(true);
    // Every entry once, in the given order.
    const hrefs = [...nav.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(many.map((n) => n.to));
  });

  it('opens with the button, closes with Escape and returns to the button', () => {
    renderNav('/app');
    const more = screen.getByRole('button', { name: /Plus/ });
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    const list = document.getElementById(more.getAttribute('aria-controls')!)!;
    expect(list.hidden).toBe(false);
    const last = list.querySelectorAll('a')[list.querySelectorAll('a').length - 1] as HTMLElement;
    last.focus();
    fireEvent.keyDown(last, { key: 'Escape' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(more);
  });

  it('marks "Plus" as current when the page is one of its entries', () => {
    renderNav('/app/admin/outbox');
    const more = screen.getByRole('button', { name: /Plus/ });
    expect(more.className).toContain('is-current');
    const current = document.querySelector('a[aria-current="page"]')!;
    expect(current.getAttribute('href')).toBe('/app/admin/outbox');
  });
});
