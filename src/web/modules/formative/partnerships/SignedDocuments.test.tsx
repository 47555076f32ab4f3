import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formativeEndpoints as api } from '../../../../common/formative/endpoints';
import { partnershipLink } from '../../../../common/formative/links';
import type { PartnershipView } from '../../../../common/formative/schemas';
import { apiError, byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { formativeModule } from '..';
import { id, P, SLOW, view } from './fixtures.testing';

const DOC = {
  id: id(40),
  filename: 'Convention signée.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 48_000,
  sha256: 'a'.repeat(64),
  createdAt: '2025-12-31T10:00:00Z',
};

const withDocs = (me: Partial<PartnershipView['me']>): PartnershipView => ({
  ...view(me),
  documents: [
    { kind: 'convention', document: DOC },
    { kind: 'funding_order', document: null },
  ],
});

function open(v: PartnershipView, roles: string[], language: 'fr' | 'nl' | 'en' = 'fr', attach?: unknown) {
  return renderRoutes({
    routes: formativeModule.routes!,
    path: partnershipLink.href({ id: P }, { tab: 'parties' }),
    roles,
    language,
    answers: byEndpoint(
      [api.view, v],
      [api.attachDocument, attach ?? { kind: 'funding_order', document: DOC }],
    ),
  });
}

afterEach(cleanup);

describe('the partnership’s signed documents', () => {
  it('lets the partner download the convention, read-only, and points to the programme’s milestones', async () => {
    open(withDocs({ role: 'trainee', canRecord: true }), ['referent']);
    const link = await screen.findByRole('link', { name: 'Convention signée.pdf' }, SLOW);
    expect(link.getAttribute('href')).toBe(`/api/programmes/${id(1)}/documents/${DOC.id}/file`);
    expect(link.hasAttribute('download')).toBe(true);
    expect(screen.getByText('Aucun document joint.')).toBeTruthy();
    expect(screen.queryByLabelText(/Joindre un fichier/)).toBeNull();
    expect(screen.queryByRole('button', { name: /Détacher/ })).toBeNull();
    expect(
      screen
        .getByRole('link', { name: 'Voir les jalons et les documents du programme' })
        .getAttribute('href'),
    ).toBe(`/app/programmes/${id(1)}`);
  });

  it('lets the lead’s coordinator attach the funding order and detach the convention', async () => {
    const calls = open(withDocs({ role: 'lead_staff', canRecord: false, canAttach: true }), ['coordinator']);
    const input = await screen.findByLabelText('Joindre un fichier : Arrêté de financement', {}, SLOW);
    // A type the programme refuses is stopped before sending, with the programme's own message.
    fireEvent.change(input, { target: { files: [new File(['<html>'], 'page.html')] } });
    expect(await screen.findByText(/Ce type de fichier n'est pas accepté/)).toBeTruthy();
    expect(calls.some((c) => isCall(c, api.attachDocument))).toBe(false);
    const pdf = new File(['%PDF-1.7 arrêté'], 'arrete.pdf', { type: 'application/pdf' });
    fireEvent.change(input, { target: { files: [pdf] } });
    await waitFor(() => expect(calls.some((c) => isCall(c, api.attachDocument))).toBe(true));
    const sent = calls.find((c) => isCall(c, api.attachDocument))!;
    expect(sent.path).toBe(`/api/formative/${P}/documents/funding_order`);
    expect((sent.body as FormData).get('file')).toBeInstanceOf(File);
    fireEvent.click(screen.getByRole('button', { name: 'Détacher du partenariat : Convention signée.pdf' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.detachDocument))).toBe(true));
    expect(calls.find((c) => isCall(c, api.detachDocument))!.path).toBe(
      `/api/formative/${P}/documents/convention`,
    );
  });

  it('shows the server’s refusal in the reader’s language (Dutch)', async () => {
    open(
      withDocs({ role: 'lead_staff', canRecord: false, canAttach: true }),
      ['coordinator'],
      'nl',
      apiError(400, 'network.programmes.errors.document_type', 'Dit bestandstype wordt niet aanvaard.'),
    );
    const input = await screen.findByLabelText(
      'Bestand bijvoegen: Ondertekende partnerschapsovereenkomst',
      {},
      SLOW,
    );
    fireEvent.change(input, { target: { files: [new File(['%PDF-nep'], 'nep.pdf')] } });
    expect(await screen.findByText('Dit bestandstype wordt niet aanvaard.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Overeenkomst en financieringsbesluit' })).toBeTruthy();
  });
});
