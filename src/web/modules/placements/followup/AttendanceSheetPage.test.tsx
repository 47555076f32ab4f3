import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { urlOf } from '../../../../common/kernel/endpoint';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { followupLink } from '../../../../common/placements/links';
import {
  type Answer,
  apiError,
  byEndpoint,
  type Call,
  isCall,
  renderRoutes,
} from '../../../testing/render-routes';
import { placementsModule } from '..';
import { week } from './fixtures.testing';

// Pages load after the session and the data: a busy machine may take more than the default second.
const SLOW = { timeout: 10_000 };
const { attendanceWeek, saveAttendanceWeek } = placementsEndpoints;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The tutor opens placement p1's sheet (the current week) through the module's routes. */
function open(onPut: (body: unknown) => Answer = () => week(), view = week()) {
  return renderRoutes({
    routes: placementsModule.routes!,
    path: followupLink.href({ id: 'p1' }),
    roles: ['tutor'],
    region: 'FR-HDF',
    answers: byEndpoint([saveAttendanceWeek, (c: Call) => onPut(c.body)], [attendanceWeek, view]),
  });
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
      await screen.findByRole('heading', { level: 1, name: 'Feuille de présence – Atelier du Pile' }, SLOW),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Semaine du 16 nov. 2026' })).toBeTruthy();
    // The sheet names whom it is about (identity granted to the host).
    expect(screen.getByText('Stagiaire : Nora Fictive')).toBeTruthy();
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
    await waitFor(() => expect(calls.find((c) => isCall(c, saveAttendanceWeek))).toBeTruthy());
    const put = calls.find((c) => isCall(c, saveAttendanceWeek));
    // The week shown is the week saved, though the address named none.
    expect(put?.url).toBe(urlOf(saveAttendanceWeek, { params: { id: 'p1' }, query: { week: '2026-11-16' } }));
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
    const calls = open(() =>
      apiError(400, 'errors.validation', 'Certaines informations ne sont pas valides.', [
        {
          path: 'days.3.day',
          code: 'placements.followup.errors.future',
          message: 'Ce jour n’est pas encore passé.',
        },
      ]),
    );
    await screen.findByRole('heading', { level: 1 }, SLOW);
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
    expect(calls.some((c) => isCall(c, saveAttendanceWeek))).toBe(false);
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
    await screen.findByRole('heading', { level: 1 }, SLOW);
    // The current week first (no week asked), then the previous one, read from the address.
    expect(calls.find((c) => isCall(c, attendanceWeek))?.query.has('week')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Semaine précédente' }));
    await waitFor(() =>
      expect(calls.some((c) => isCall(c, attendanceWeek) && c.query.get('week') === '2026-11-09')).toBe(true),
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

  it('opens the week the address names', async () => {
    const calls = renderRoutes({
      routes: placementsModule.routes!,
      path: followupLink.href({ id: 'p1' }, { week: '2026-11-09' }),
      roles: ['tutor'],
      region: 'FR-HDF',
      answers: byEndpoint([attendanceWeek, week()]),
    });
    await screen.findByRole('heading', { level: 1 }, SLOW);
    expect(calls.filter((c) => isCall(c, attendanceWeek)).map((c) => c.query.get('week'))).toEqual([
      '2026-11-09',
    ]);
  });

  it('names no one but the participant code when the host was not granted the identity', async () => {
    open(undefined, week({ person: { name: null, participantCode: 'AB12-CD34-EF56-GH78' } }));
    expect(
      await screen.findByText('Stagiaire : code participant AB12-CD34-EF56-GH78', {}, SLOW),
    ).toBeTruthy();
    expect(screen.queryByText(/Nora/)).toBeNull();
  });

  it('reads a week without changing it once the placement is over', async () => {
    open(undefined, week({ canEdit: false, status: 'cancelled' }));
    expect(await screen.findByText(/la feuille se consulte sans modification/, {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Enregistrer la semaine' })).toBeNull();
  });
});
