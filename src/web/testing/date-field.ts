import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';

/**
 * Test-only: DateField (app/ui/DateField.tsx) has no <input> to change, only day, month and year segments
 * typed in place. These helpers type into them the way a keyboard does (react-aria listens to beforeinput).
 */

type Label = string | RegExp;

// happy-dom fires selectionchange synchronously inside Selection.collapse(), and a focused segment collapses
// the selection on selectionchange: the two recurse until the stack overflows (browsers fire it later).
// Registered before any render, this listener runs first and keeps the event from the page.
if (typeof document !== 'undefined')
  document.addEventListener('selectionchange', (e) => e.stopImmediatePropagation(), true);

/** The date field with this label: the group holding its segments. Waits for the page like findBy*. */
export async function findDateField(label: Label, container?: HTMLElement): Promise<HTMLElement> {
  const scope = container ? within(container) : screen;
  return scope.findByRole('group', { name: label }, { timeout: 10_000 });
}

function segment(group: HTMLElement, type: 'day' | 'month' | 'year'): HTMLElement {
  const el = group.querySelector<HTMLElement>(`[data-type="${type}"]`);
  if (!el) throw new Error(`no ${type} segment in the date field`);
  return el;
}

function typeInto(el: HTMLElement, text: string) {
  act(() => el.focus());
  for (const data of text)
    fireEvent(
      el,
      new InputEvent('beforeinput', { inputType: 'insertText', data, bubbles: true, cancelable: true }),
    );
}

function clear(el: HTMLElement) {
  act(() => el.focus());
  // A segment loses one digit a backspace; a year has four.
  for (let i = 0; i < 5 && !el.hasAttribute('data-placeholder'); i++)
    fireEvent.keyDown(el, { key: 'Backspace' });
}

/**
 * Sets the date field labelled `label` to an ISO date ('' empties it). Year, then month, then day: the day
 * typed last is checked against the right month (31 is refused while the month is still February).
 */
export async function setDate(label: Label | HTMLElement, iso: string, container?: HTMLElement) {
  const group = label instanceof HTMLElement ? label : await findDateField(label, container);
  if (!iso) {
    for (const type of ['day', 'month', 'year'] as const) clear(segment(group, type));
    return;
  }
  const [year, month, day] = iso.split('-');
  if (!year || !month || !day) throw new Error(`not an ISO date: ${iso}`);
  typeInto(segment(group, 'year'), year);
  typeInto(segment(group, 'month'), month);
  typeInto(segment(group, 'day'), day);
  await waitFor(() => {
    const shown = (['year', 'month', 'day'] as const).map((t) => segment(group, t).textContent).join('-');
    if (shown !== iso) throw new Error(`date field shows ${shown}, not ${iso}`);
  });
}

/** What the date field shows, as the user reads it (e.g. "07/03/2026"). */
export function shownDate(group: HTMLElement): string {
  const segments = group.querySelectorAll('[data-type]');
  return Array.from(segments, (s) => s.textContent ?? '')
    .join('')
    .replace(/[\u200e\u200f\u2066-\u2069]/g, '');
}
