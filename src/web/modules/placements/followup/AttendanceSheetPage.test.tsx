import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AttendanceSheetPage } from './AttendanceSheetPage';
import { type Answer, serve, week } from './harness.testing';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function open(onPut: (body: unknown) => Answer = () => week()) {
  return serve(
    '/app/placements/p1/attendance',
    [{ path: '/app/placements/:id/attendance', element: <AttendanceSheetPage /> }],
    ['tutor'],
    (method, _url, body) => (method === 'PUT' ? onPut(body) : week()),
  );
}

const day = (name: RegExp) => within(screen.getByRole('group', { name }));
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la semaine' }));

async function choose(group: RegExp, option: string) {
  fireEvent.click(day(group).getByRole('button', { name: /Statut/ }));
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

describe('the tutor’s attendance sheet', () => {
  it('fills and saves a week: planned days start as present, the exceptions are corrected', async () => {
    const calls = open();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Feuille de présence – Atelier du Pile' }),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Semaine du 16 nov. 2026' })).toBeTruthy();
    // Friday is still to come: shown, not editable.
    expect(day(/vendredi 20 novembre/).queryByRole('textbox')).toBeNull();
    fireEvent.change(day(/mardi 17 novembre/).getByRole('textbox', { name: 'Heures effectuées' }), {
      target: { value: '6,5' },
    });
    await choose(/mercredi 18 novembre/, 'Absence justifiée');
    fireEvent.change(day(/mercredi 18 novembre/).getByRole('textbox', { name: 'Remarque' }), {
      target: { value: 'Certificat médical' },
    });
    save();
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')).toBeTruthy());
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.url).toBe('/api/placements/p1/attendance?week=2026-11-16');
    expect(put?.body).toEqual({
      days: [
        { day: '2026-11-16', status: 'present', plannedHours: 7, hours: 7 },
        { day: '2026-11-17', status: 'present', plannedHours: 7, hours: 6.5 },
        {
          day: '2026-11-18',
          status: 'justified_absence',
          plannedHours: 7,
          hours: null,
          note: 'Certificat médical',
        },
        { day: '2026-11-19', status: 'present', plannedHours: 7, hours: 7 },
      ],
    });
    expect(await screen.findByText('Semaine enregistrée.')).toBeTruthy();
  });

  it('shows each error on its day and field, before sending and from the server', async () => {
    const calls = open(() => ({
      status: 400,
      body: {
        error: {
          code: 'errors.validation',
          message: 'Certaines informations ne sont pas valides.',
          fields: [
            {
              path: 'days.3.day',
              code: 'followup.errors.future',
              message: 'Ce jour n’est pas encore passé.',
            },
          ],
        },
      },
    }));
    await screen.findByRole('heading', { level: 1 });
    const monday = /lundi 16 novembre/;
    fireEvent.change(day(monday).getByRole('textbox', { name: 'Heures effectuées' }), {
      target: { value: '' },
    });
    fireEvent.change(day(/mardi 17 novembre/).getByRole('textbox', { name: 'Heures effectuées' }), {
      target: { value: 'sept' },
    });
    save();
    expect(await day(monday).findByText('Indiquez les heures effectuées.')).toBeTruthy();
    expect(day(/mardi 17 novembre/).getByText('Saisissez un nombre (par exemple 6,5).')).toBeTruthy();
    expect(day(monday).getByRole('textbox', { name: 'Heures effectuées' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    // Corrected; the server then refuses Thursday (its clock is the one that counts).
    fireEvent.change(day(monday).getByRole('textbox', { name: 'Heures effectuées' }), {
      target: { value: '7' },
    });
    fireEvent.change(day(/mardi 17 novembre/).getByRole('textbox', { name: 'Heures effectuées' }), {
      target: { value: '7' },
    });
    save();
    expect(await day(/jeudi 19 novembre/).findByText('Ce jour n’est pas encore passé.')).toBeTruthy();
    expect(day(monday).queryByText('Indiquez les heures effectuées.')).toBeNull();
    expect(screen.queryByText('Semaine enregistrée.')).toBeNull();
  });

  it('moves from week to week and has no accessibility violation', async () => {
    const calls = open();
    await screen.findByRole('heading', { level: 1 });
    fireEvent.click(screen.getByRole('button', { name: 'Semaine précédente' }));
    await waitFor(() =>
      expect(calls.some((c) => c.url === '/api/placements/p1/attendance?week=2026-11-09')).toBe(true),
    );
    // The WCAG rules the e2e suite applies; happy-dom has no layout, so contrast is left to the browser.
    const results = await axe.run(document.body, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });

  it('reads a week without changing it once the placement is over', async () => {
    serve(
      '/app/placements/p1/attendance',
      [{ path: '/app/placements/:id/attendance', element: <AttendanceSheetPage /> }],
      ['tutor'],
      () => week({ canEdit: false, status: 'cancelled' }),
    );
    expect(await screen.findByText(/la feuille se consulte sans modification/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Enregistrer la semaine' })).toBeNull();
  });
});
