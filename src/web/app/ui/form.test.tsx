import { act, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import Type from 'typebox';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { CATALOGS } from '../i18n';
import { TextField } from './fields';
import { clean, useForm } from './form';

const Schema = Type.Object({
  email: Type.String({ format: 'email' }),
  name: Type.String({ minLength: 2 }),
});

let form: ReturnType<typeof useForm<{ email: string; name: string }>>;
function Harness() {
  form = useForm(Schema, { email: 'nope', name: '' });
  return (
    <>
      <TextField
        label="E-mail"
        value={form.values.email}
        onChange={form.set('email')}
        error={form.errors.email}
      />
      <TextField label="Name" value={form.values.name} onChange={form.set('name')} error={form.errors.name} />
    </>
  );
}

const wrap = (lang: 'fr' | 'nl', ui: ReactNode) => (
  <IntlProvider locale={lang} messages={CATALOGS[lang]}>
    {ui}
  </IntlProvider>
);

describe('forms validate with the API schema and speak the user language', () => {
  it('shows the same translated messages the server would, on the right fields (French)', () => {
    render(wrap('fr', <Harness />));
    act(() => {
      expect(form.validate()).toBe(false);
    });
    expect(screen.getByText('Saisissez une adresse e-mail valide.')).toBeTruthy();
    expect(screen.getByText('Ce champ est obligatoire.')).toBeTruthy();
    expect(screen.getByLabelText('E-mail').getAttribute('aria-invalid')).toBe('true');
  });

  it('in Dutch, and clears errors once the input is valid', () => {
    render(wrap('nl', <Harness />));
    act(() => {
      form.validate();
    });
    expect(screen.getByText('Vul een geldig e-mailadres in.')).toBeTruthy();
    act(() => {
      form.set('email')('jef@ocmw.example');
      form.set('name')('Jef');
    });
    act(() => {
      expect(form.validate()).toBe(true);
    });
    expect(screen.queryByText('Vul een geldig e-mailadres in.')).toBeNull();
  });

  it('places field errors answered by the API on their fields', () => {
    render(wrap('fr', <Harness />));
    act(() => {
      form.fromApiError(
        new ApiError(400, 'errors.validation', 'x', [
          { path: 'name', code: 'errors.duplicate', message: 'Déjà pris.' },
        ]),
      );
    });
    expect(screen.getByText('Déjà pris.')).toBeTruthy();
  });
});

describe('what a form sends', () => {
  it('trims text and leaves out blanks, but sends a password exactly as typed', () => {
    expect(clean({ name: '  Ana ', note: '', password: ' a b ', newPassword: 'x ' })).toEqual({
      name: 'Ana',
      password: ' a b ',
      newPassword: 'x ',
    });
  });
});
