import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import Type from 'typebox';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IsoDate } from '../../../common/kernel/schemas';
import { findDateField, setDate, shownDate } from '../../testing/date-field';
import { CATALOGS } from '../i18n';
import { DateField, toCalendarDate } from './DateField';
import { useForm } from './form';

const Schema = Type.Object({ startsOn: IsoDate });
let form: ReturnType<typeof useForm<{ startsOn: string }>>;
const seen: string[] = [];

function Harness({ initial, min }: { initial: string; min?: string }) {
  form = useForm(Schema, { startsOn: initial });
  return (
    <DateField
      label="Début"
      value={form.values.startsOn}
      onChange={(v) => {
        seen.push(v);
        form.set('startsOn')(v);
      }}
      error={form.errors.startsOn}
      min={min}
      name="startsOn"
      isRequired
    />
  );
}

// Only react-intl, no react-aria I18nProvider around: the field must take the app's locale itself.
function open(locale: string, initial = '', min?: string) {
  const lang = locale.slice(0, 2) as 'fr' | 'nl' | 'en';
  render(
    <IntlProvider locale={locale} messages={CATALOGS[lang]}>
      <Harness initial={initial} min={min} />
    </IntlProvider>,
  );
}

beforeEach(() => {
  seen.length = 0;
  // The browser speaks American English; the app speaks French or Dutch.
  vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-US']);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('DateField: dates in the UI language, not the browser’s (issue 9)', () => {
  it('shows day/month/year in French on an en-US browser and gives back an ISO string', async () => {
    expect(navigator.language).toBe('en-US');
    open('fr-BE', '2026-03-07');
    const group = await findDateField(/^Début/);
    expect(shownDate(group)).toBe('07/03/2026');
    const types = Array.from(group.querySelectorAll('[data-type]'), (s) => s.getAttribute('data-type'));
    expect(types.filter((t) => t !== 'literal')).toEqual(['day', 'month', 'year']);
    // French placeholders and segment names.
    expect(within(group).getByRole('spinbutton', { name: /jour/ })).toBeTruthy();
    await setDate(group, '2027-01-31');
    expect(form.values.startsOn).toBe('2027-01-31');
    expect(shownDate(group)).toBe('31/01/2027');
    // The form posts the ISO date under the field's name.
    expect(document.querySelector<HTMLInputElement>('input[name="startsOn"]')?.value).toBe('2027-01-31');
  });

  it('shows placeholders in French when empty and gives back "" when emptied', async () => {
    open('fr-FR');
    const group = await findDateField(/^Début/);
    expect(shownDate(group)).toBe('jj/mm/aaaa');
    await setDate(group, '2026-12-24');
    expect(form.values.startsOn).toBe('2026-12-24');
    await setDate(group, '');
    expect(form.values.startsOn).toBe('');
    expect(seen.at(-1)).toBe('');
  });

  it('shows the date as nl-BE writes it in Dutch', async () => {
    open('nl-BE', '2026-03-07');
    const group = await findDateField(/^Début/);
    const nlBE = new Intl.DateTimeFormat('nl-BE', { day: '2-digit', month: '2-digit', year: 'numeric' });
    expect(shownDate(group)).toBe(nlBE.format(new Date(2026, 2, 7)));
    expect(shownDate(group)).not.toBe('03/07/2026');
    expect(within(group).getByRole('spinbutton', { name: /dag/ })).toBeTruthy();
  });

  it('shows the translated error of the shared schema, the same way as a text field', async () => {
    open('fr-BE');
    await findDateField(/^Début/);
    act(() => {
      form.validate();
    });
    const error = await screen.findByText('Ce champ est obligatoire.');
    expect(error.classList.contains('field-error')).toBe(true);
    expect(screen.getByRole('group', { name: /^Début/ }).getAttribute('data-invalid')).not.toBeNull();
  });

  it('says in French that a date before min is refused, and still reports what was typed', async () => {
    open('fr-BE', '', '2026-01-01');
    await setDate(/^Début/, '2025-12-31');
    expect(form.values.startsOn).toBe('2025-12-31');
    // react-aria's own message would follow the en-US browser ("Value must be…").
    expect(document.querySelector('.field-error')?.textContent).toBe(
      'Indiquez une date à partir du 01/01/2026.',
    );
  });

  it('opens a calendar with French labels and picks a day', async () => {
    open('fr-BE', '2026-03-07');
    const button = screen.getByRole('button', { name: /Calendrier/ });
    fireEvent.click(button);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading').textContent).toMatch(/mars 2026/);
    expect(dialog.querySelector('.calendar-nav[slot="next"]')?.getAttribute('aria-label')).toBe('Suivant');
    fireEvent.click(within(dialog).getByRole('button', { name: /19 mars 2026/ }));
    expect(form.values.startsOn).toBe('2026-03-19');
  });

  it('reads only real ISO dates', () => {
    expect(toCalendarDate('2026-02-28')?.toString()).toBe('2026-02-28');
    expect(toCalendarDate('2026-02-30')).toBeNull();
    expect(toCalendarDate('28/02/2026')).toBeNull();
    expect(toCalendarDate('')).toBeNull();
  });
});
