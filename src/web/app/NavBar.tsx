import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { NavLink, useLocation } from 'react-router';
import { dashboardLink } from '../../common/dashboard/links';
import type { NavItem } from './module';
import { navCapacity, splitNav } from './nav';
import './nav-bar.css';

/** The window's width, followed as it changes (1366 when unknown, as in tests). */
function useWidth(): number {
  const [width, setWidth] = useState(() =>
    typeof window === 'undefined' ? 1366 : window.innerWidth || 1366,
  );
  useEffect(() => {
    const on = () => setWidth(window.innerWidth || 1366);
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return width;
}

const isCurrent = (to: string, path: string) =>
  to === dashboardLink.pattern ? path === to : path === to || path.startsWith(`${to}/`);

/**
 * The main menu on one row: the first entries in order, the others behind a "More" button (a disclosure:
 * Enter or Space opens it, Tab walks its links, Escape closes it and returns to the button, a click
 * elsewhere or a page change closes it). The button shows as current when the page is one of its links.
 */
export function NavBar({ items }: { items: NavItem[] }) {
  const intl = useIntl();
  const { pathname } = useLocation();
  // The width gives a first guess; labels longer than usual (Dutch, a large font) then give back one entry
  // at a time to "More" until the row fits, measured before the browser paints.
  const guess = navCapacity(useWidth());
  const [fit, setFit] = useState({ guess, items: items.length, n: guess });
  const capacity = fit.guess === guess && fit.items === items.length ? fit.n : guess;
  const row = useRef<HTMLUListElement>(null);
  useLayoutEffect(() => {
    const el = row.current;
    if (el && el.scrollWidth > el.clientWidth + 1 && capacity > 2)
      setFit({ guess, items: items.length, n: capacity - 1 });
  });
  const { shown, more } = splitNav(items, capacity);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLLIElement>(null);
  const listId = useId();

  // A page change closes the list.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const outside = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  const link = (n: NavItem) => (
    <NavLink to={n.to} end={n.to === dashboardLink.pattern}>
      <FormattedMessage id={n.labelId} />
    </NavLink>
  );
  const current = more.some((n) => isCurrent(n.to, pathname));
  return (
    <nav className="shell-nav" aria-label={intl.formatMessage({ id: 'shell.main_navigation' })}>
      <ul ref={row} className={more.length ? 'shell-nav__row' : 'shell-nav__row shell-nav__row--all'}>
        {shown.map((n) => (
          <li key={n.to}>{link(n)}</li>
        ))}
        {more.length > 0 && (
          <li
            ref={box}
            className="shell-nav__more"
            onKeyDown={(e) => {
              if (e.key === 'Escape' && open) {
                setOpen(false);
                button.current?.focus();
              }
            }}
          >
            <button
              ref={button}
              type="button"
              aria-expanded={open}
              aria-controls={listId}
              className={current ? 'is-current' : undefined}
              onClick={() => setOpen((o) => !o)}
            >
              <FormattedMessage id="shell.nav.more" />
              <span aria-hidden="true" className="shell-nav__caret">
                ▾
              </span>
            </button>
            <ul id={listId} hidden={!open} className="shell-nav__menu">
              {more.map((n) => (
                <li key={n.to}>{link(n)}</li>
              ))}
            </ul>
          </li>
        )}
      </ul>
    </nav>
  );
}
