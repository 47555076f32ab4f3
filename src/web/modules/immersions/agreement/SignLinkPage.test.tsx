import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { agreementEndpoints as e } from '../../../../common/immersions/agreement-endpoints';
import { immersionSignLink } from '../../../../common/immersions/request-links';
import type { SignatureLinkView } from '../../../../common/immersions/signature-schemas';
import { apiError, byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { immersionsModule } from '..';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.location.hash = '';
});

const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz012345';
const view: SignatureLinkView = {
  role: 'visitor_org',
  signerName: 'Voorzitter Verzonnen',
  language: 'nl',
  version: 2,
  title: 'Inleefovereenkomst',
  blocks: [
    {
      id: 'immersion',
      heading: 'De inleefstage',
      items: [
        {
          kind: 'field',
          id: 'objectives',
          label: 'Doelstellingen',
          value: 'Het werkgeversnetwerk leren kennen.',
        },
      ],
    },
    {
      id: 'signatures',
      heading: 'Handtekeningen',
      items: [
        {
          kind: 'approval',
          id: 'host',
          label: 'Voor de onthaalorganisatie',
          name: 'Maëlle Accueil',
          state: 'Ondertekend in samen op 6 december 2026',
        },
      ],
    },
  ],
};

function open(lookup: () => unknown) {
  return renderRoutes({
    routes: immersionsModule.publicRoutes ?? [],
    path: immersionSignLink.href(),
    answers: byEndpoint([e.signatureLookup, lookup], [e.signByLink, new Response(null, { status: 204 })]),
  });
}

describe('the public page of an immersion signing link', () => {
  it('shows the whole agreement in the signer’s side’s language and signs once the box is ticked', async () => {
    window.location.hash = `#token=${TOKEN}`;
    const calls = open(() => view);
    expect(await screen.findByRole('heading', { name: 'Een inleefovereenkomst ondertekenen' })).toBeTruthy();
    expect(
      screen.getByText(
        /Voorzitter Verzonnen, u wordt uitgenodigd .*versie 2.*Voor de organisatie van de bezoeker/,
      ),
    ).toBeTruthy();
    expect(screen.getByText('Het werkgeversnetwerk leren kennen.')).toBeTruthy();
    expect(screen.getByText(/Maëlle Accueil/)).toBeTruthy();
    // The token travels in the body only.
    const lookup = calls.find((c) => isCall(c, e.signatureLookup))!;
    expect(lookup.url).not.toContain(TOKEN);
    expect(lookup.body).toEqual({ token: TOKEN });
    const submit = screen.getByRole('button', { name: 'De overeenkomst ondertekenen' });
    expect(submit.hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(submit);
    expect(await screen.findByText('Dank u: uw handtekening is geregistreerd.')).toBeTruthy();
    await waitFor(() =>
      expect(calls.filter((c) => isCall(c, e.signByLink)).map((c) => c.body)).toEqual([
        { token: TOKEN, accept: true },
      ]),
    );
  });

  it('says why a link cannot be used, and never asks without a token', async () => {
    window.location.hash = `#token=${TOKEN}`;
    open(() =>
      apiError(404, 'immersions.signatures.errors.link_invalid', 'Deze ondertekeningslink werkt niet meer.'),
    );
    expect(await screen.findByText('Deze ondertekeningslink werkt niet meer.')).toBeTruthy();
    cleanup();
    window.location.hash = '';
    const calls = open(() => view);
    expect(await screen.findByText(/Le lien est incomplet/)).toBeTruthy();
    expect(calls.some((c) => isCall(c, e.signatureLookup))).toBe(false);
  });
});
