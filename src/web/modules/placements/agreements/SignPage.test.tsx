import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { territoriesApi } from '../../../../common/network/endpoints';
import type { SignatureLinkView } from '../../../../common/placements/agreement-schemas';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { signLink } from '../../../../common/placements/links';
import { apiError, byEndpoint, type Call, isCall, renderRoutes } from '../../../testing/render-routes';
import { placementsModule } from '..';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.location.hash = '';
});

const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz012345';

const view: SignatureLinkView = {
  role: 'person',
  signerName: 'Jan Fictief',
  language: 'nl',
  personName: 'Jan Fictief',
  homeOrgName: 'OCMW Kortrijk',
  hostOrgName: 'Atelier du Pile',
  siteName: 'Atelier vélo',
  municipalityCode: 'FR-59512',
  tasks: 'Fietsen herstellen',
  schedule: 'Maandag–donderdag',
  hoursPerWeek: 26,
  startsOn: '2027-01-04',
  endsOn: '2027-05-31',
  document: {
    reference: 'AB12CD34',
    title: 'Overeenkomst voor een grensoverschrijdende werkplekstage',
    blocks: [
      ['parties', 'De partijen'],
      ['person', 'De begeleide persoon'],
      ['purpose', 'Voorwerp'],
      ['terms', 'Plaats, taken en begeleiding'],
      ['schedule', 'Periode en uurrooster'],
      ['benefit', 'Geen vergoeding, behoud van inkomen'],
      ['stays_abroad', 'Verblijf in het buitenland'],
      ['insurance', 'Verzekeringen en ongevallen'],
      ['obligations', 'Verbintenissen van de partijen'],
      ['data', 'Gegevensbescherming'],
      ['interruption', 'Wijziging, schorsing en vroegtijdige beëindiging'],
    ].map(([id, title], i) => ({
      id: id as string,
      heading: `Artikel ${i + 1} – ${title}`,
      items:
        id === 'benefit'
          ? [
              { kind: 'paragraph' as const, text: 'De stage wordt niet vergoed.', notice: false },
              { kind: 'field' as const, id: 'leefloon', label: 'Leefloon', value: 'Behouden' },
            ]
          : [],
    })),
  },
  blocked: [],
};

const e = placementsEndpoints;

/** The public page as the module mounts it (no session needed), the token in the address's fragment. */
function open(lookup: () => unknown) {
  return renderRoutes({
    routes: placementsModule.publicRoutes ?? [],
    path: signLink.href(),
    answers: byEndpoint(
      [e.signatureLookup, lookup],
      [e.sign, new Response(null, { status: 204 })],
      [e.signaturePdf, new Response('%PDF-1.7', { headers: { 'content-type': 'application/pdf' } })],
      [territoriesApi.get, { code: 'FR-59512', nameFr: 'Roubaix', nameNl: 'Robaais' }],
    ),
  });
}
const lookedUp = (c: Call) => isCall(c, e.signatureLookup);
const signed = (c: Call) => isCall(c, e.sign);
const pdfAsked = (c: Call) => isCall(c, e.signaturePdf);

describe('public signature page', () => {
  it('shows the terms in the agreement’s language and signs once accepted', async () => {
    window.location.hash = `#token=${TOKEN}`;
    const calls = open(() => view);
    // The UI is French, the agreement Dutch: the signer reads it in Dutch.
    expect(await screen.findByRole('heading', { name: 'De stageovereenkomst ondertekenen' })).toBeTruthy();
    expect(screen.getByText('Fietsen herstellen')).toBeTruthy();
    expect(await screen.findByText('Robaais')).toBeTruthy();
    const sign = screen.getByRole('button', { name: 'Ondertekenen' });
    expect(sign.hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: /Ik heb de overeenkomst gelezen/ }));
    fireEvent.click(sign);
    expect(await screen.findByText('Dank u: uw handtekening is geregistreerd.')).toBeTruthy();
    expect(calls.find(lookedUp)?.body).toEqual({ token: TOKEN });
    expect(calls.find(signed)?.body).toEqual({ token: TOKEN, accept: true });
  });

  it('shows every article of the agreement and its PDF before signing (issue 9, item 6)', async () => {
    window.location.hash = `#token=${TOKEN}`;
    // jsdom has no object URLs: the file is saved through one.
    const saved = vi.fn(() => 'blob:agreement');
    Object.assign(URL, { createObjectURL: saved, revokeObjectURL: () => {} });
    const calls = open(() => view);
    expect(await screen.findByRole('heading', { name: 'De volledige overeenkomst' })).toBeTruthy();
    for (const b of view.document.blocks)
      expect(screen.getByRole('heading', { name: b.heading as string })).toBeTruthy();
    expect(screen.getByText('De stage wordt niet vergoed.')).toBeTruthy();
    expect(screen.getByText('Leefloon')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'De overeenkomst downloaden (pdf)' }));
    await waitFor(() => expect(calls.some(pdfAsked)).toBe(true));
    // By POST with the token in the body, never in a URL.
    const asked = calls.find(pdfAsked);
    expect(asked?.body).toEqual({ token: TOKEN });
    expect(asked?.url).not.toContain(TOKEN);
    await waitFor(() => expect(saved).toHaveBeenCalled());
    expect(
      screen.queryByText('De pdf kon niet gedownload worden. Probeer het zo meteen opnieuw.'),
    ).toBeNull();
  });

  it('warns before anything is signed when the agreement can no longer be signed', async () => {
    window.location.hash = `#token=${TOKEN}`;
    const calls = open(() => ({ ...view, blocked: ['start_not_past'] }));
    expect(await screen.findByText('Deze overeenkomst kan nu niet ondertekend worden')).toBeTruthy();
    expect(screen.getByText(/De begindatum is al voorbij/)).toBeTruthy();
    expect(
      screen.getByRole('checkbox', { name: /Ik heb de overeenkomst gelezen/ }).hasAttribute('disabled'),
    ).toBe(true);
    expect(screen.getByRole('button', { name: 'Ondertekenen' }).hasAttribute('disabled')).toBe(true);
    expect(calls.some(signed)).toBe(false);
  });

  it('says clearly when a link no longer works', async () => {
    window.location.hash = `#token=${TOKEN}`;
    const calls = open(() =>
      apiError(
        404,
        'placements.agreements.errors.link_invalid',
        'Ce lien de signature ne fonctionne plus : déjà utilisé ou expiré.',
      ),
    );
    expect(await screen.findByText('Ce lien de signature n’est pas utilisable')).toBeTruthy();
    // Said once: the server's reason replaces the general hint (issue 9, item 18: it was said twice).
    expect(
      screen.getAllByText('Ce lien de signature ne fonctionne plus : déjà utilisé ou expiré.'),
    ).toHaveLength(1);
    expect(screen.queryByText(/Il est peut-être incomplet/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Signer' })).toBeNull();
    await waitFor(() => expect(calls.some(signed)).toBe(false));
  });

  it('does not even ask the server without a token', async () => {
    const calls = open(() => view);
    expect(await screen.findByText('Ce lien de signature n’est pas utilisable')).toBeTruthy();
    expect(calls.some((c) => lookedUp(c) || signed(c))).toBe(false);
  });
});
