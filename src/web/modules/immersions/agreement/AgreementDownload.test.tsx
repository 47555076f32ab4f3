import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { agreementEndpoints as api } from '../../../../common/immersions/agreement-endpoints';
import { apiError, byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { AgreementDownload } from './AgreementDownload';

const REQ = '00000000-0000-4000-8000-0000000000f3';
const pdf = () =>
  new Response('%PDF-1.3', {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': 'attachment; filename="inleefovereenkomst-00000000.pdf"',
    },
  });

describe('immersion agreement download', () => {
  beforeEach(() => {
    URL.createObjectURL = vi.fn(() => 'blob:agreement');
    URL.revokeObjectURL = vi.fn();
  });
  afterEach(cleanup);

  it('downloads the agreement in the reader’s language by default', async () => {
    const calls = renderRoutes({
      routes: [{ path: '/app/x', element: <AgreementDownload requestId={REQ} /> }],
      path: '/app/x',
      language: 'nl',
      answers: byEndpoint([api.agreementPdf, pdf]),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'De overeenkomst downloaden (pdf)' }));
    await waitFor(() => expect(URL.createObjectURL).toHaveBeenCalled());
    const call = calls.find((c) => isCall(c, api.agreementPdf));
    expect(call?.path).toBe(`/api/immersions/requests/${REQ}/agreement.pdf`);
    expect(call?.query.get('lang')).toBe('nl');
    expect(screen.getByText('Taal van de overeenkomst')).toBeTruthy();
  });

  it('shows the refusal as an error on the page', async () => {
    renderRoutes({
      routes: [{ path: '/app/x', element: <AgreementDownload requestId={REQ} /> }],
      path: '/app/x',
      language: 'en',
      answers: byEndpoint([api.agreementPdf, () => apiError(404, 'errors.not_found', 'Not found.')]),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Download the agreement (PDF)' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(URL.createObjectURL).not.toHaveBeenCalled();
  });
});
