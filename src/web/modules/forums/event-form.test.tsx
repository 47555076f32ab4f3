import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { forumsApi as api } from '../../../common/forums/endpoints';
import { eventNewLink } from '../../../common/forums/links';
import { organisationsApi, programmesApi } from '../../../common/network/endpoints';
import { findDateField, setDate } from '../../testing/date-field';
import { byEndpoint, isCall, renderRoutes } from '../../testing/render-routes';
import { forumsModule } from '.';

const SLOW = { timeout: 10_000 };
afterEach(cleanup);

/** Types into a time field's hour and minute segments as a keyboard does. */
async function setTime(label: RegExp, hh: string, mm: string) {
  const group = await findDateField(label);
  for (const [type, text] of [
    ['hour', hh],
    ['minute', mm],
  ] as const) {
    const el = group.querySelector<HTMLElement>(`[data-type="${type}"]`)!;
    act(() => el.focus());
    for (const data of text)
      fireEvent(
        el,
        new InputEvent('beforeinput', { inputType: 'insertText', data, bubbles: true, cancelable: true }),
      );
  }
  return group;
}

describe('the event form’s dates', () => {
  it('takes a start and an end day and time in Brussels time, for an event over two days', async () => {
    const calls = renderRoutes({
      routes: forumsModule.routes!,
      path: eventNewLink.href(),
      roles: ['volunteer_coordinator'],
      answers: byEndpoint(
        [organisationsApi.list, { items: [], total: 0, page: 1, pageSize: 100 }],
        [programmesApi.list, { items: [], total: 0, page: 1, pageSize: 100 }],
        [api.create, { id: '00000000-0000-4000-8000-000000000009' }],
      ),
    });
    await screen.findByRole('heading', { name: 'Nouvel événement', level: 1 }, SLOW);
    // No format for the person to guess: the times are hour and minute fields.
    expect(document.body.textContent).not.toContain('HH:MM');
    fireEvent.change(screen.getByRole('textbox', { name: /Titre en français/ }), {
      target: { value: 'Université d’été transfrontalière' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /Titre en néerlandais/ }), {
      target: { value: 'Grensoverschrijdende zomeruniversiteit' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /^Adresse/ }), { target: { value: 'Lille' } });
    await setDate(/^Date de début/, '2027-07-01');
    // The end day followed the start; it is moved to the next day.
    await setDate(/^Date de fin/, '2027-07-02');
    await setTime(/^Heure de début/, '09', '30');
    await setTime(/^Heure de fin/, '16', '00');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.create))).toBe(true), SLOW);
    const body = calls.find((c) => isCall(c, api.create))!.body as { startsAt: string; endsAt: string };
    // Summer time in Brussels: UTC+2.
    expect(body.startsAt).toBe('2027-07-01T07:30:00.000Z');
    expect(body.endsAt).toBe('2027-07-02T14:00:00.000Z');
  });

  it('refuses an end before the start with a translated message, sending nothing', async () => {
    const calls = renderRoutes({
      routes: forumsModule.routes!,
      path: eventNewLink.href(),
      roles: ['volunteer_coordinator'],
      answers: byEndpoint(
        [organisationsApi.list, { items: [], total: 0, page: 1, pageSize: 100 }],
        [programmesApi.list, { items: [], total: 0, page: 1, pageSize: 100 }],
      ),
    });
    await screen.findByRole('heading', { name: 'Nouvel événement', level: 1 }, SLOW);
    fireEvent.change(screen.getByRole('textbox', { name: /Titre en français/ }), {
      target: { value: 'Forum' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /Titre en néerlandais/ }), {
      target: { value: 'Forum' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /^Adresse/ }), { target: { value: 'Lille' } });
    await setDate(/^Date de début/, '2027-03-02');
    await setTime(/^Heure de début/, '14', '00');
    await setTime(/^Heure de fin/, '10', '00');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('La fin doit suivre le début.')).toBeTruthy();
    expect(calls.some((c) => isCall(c, api.create))).toBe(false);
  });
});
