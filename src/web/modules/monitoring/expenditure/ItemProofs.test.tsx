import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { expenditureEndpoints as api } from '../../../../common/monitoring/expenditure-endpoints';
import { expenditureProofEndpoints as proofsApi } from '../../../../common/monitoring/expenditure-proof-endpoints';
import type { DeclarationView } from '../../../../common/monitoring/expenditure-schemas';
import { declarationLink } from '../../../../common/monitoring/links';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { monitoringModule } from '..';

const SLOW = { timeout: 10_000 };
const D = '00000000-0000-4000-8000-0000000000d1';
const I1 = '00000000-0000-4000-8000-0000000000e1';
const I2 = '00000000-0000-4000-8000-0000000000e2';
const P1 = '00000000-0000-4000-8000-0000000000f1';

const item = (id: string, description: string): DeclarationView['items'][number] => ({
  id,
  category: 'travel',
  actionId: null,
  description,
  supplier: null,
  invoiceNumber: null,
  invoiceDate: null,
  paidOn: null,
  amount: '386.40',
  proofRef: null,
  review: { status: 'pending', correctedAmount: null, reason: null, reviewedAt: null },
});

const view = (status: 'draft' | 'submitted', mine: boolean): DeclarationView => ({
  declaration: {
    id: D,
    programmeId: 'p1',
    orgId: 'k',
    orgNameFr: 'CPAS de Courtrai',
    orgNameNl: 'OCMW Kortrijk',
    orgShortName: null,
    period: '2025',
    status,
    submittedAt: status === 'draft' ? null : '2025-07-01T10:00:00.000Z',
    reviewedAt: null,
    reopenReason: null,
    accepted: '0.00',
    declared: '772.80',
  },
  items: [item(I1, 'Treinreizen'), item(I2, 'Tolk')],
  office: null,
  actions: [],
  canEdit: status === 'draft' && mine,
  canReview: status === 'submitted' && !mine,
  canReopen: status === 'submitted' && !mine,
});

const proof = {
  id: P1,
  itemId: I1,
  filename: 'factuur-nmbs.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 1200,
  sha256: 'a'.repeat(64),
  createdAt: '2025-06-02T10:00:00.000Z',
};

const open = (v: DeclarationView) =>
  renderRoutes({
    routes: monitoringModule.routes!,
    path: declarationLink.href({ id: D }),
    roles: ['coordinator'],
    language: 'en',
    answers: byEndpoint(
      [api.declaration, v],
      [proofsApi.list, { proofs: [proof] }],
      [proofsApi.upload, { ...proof, id: '00000000-0000-4000-8000-0000000000f2', filename: 'ticket.png' }],
      [proofsApi.remove, { ok: true }],
    ),
  });

afterEach(cleanup);

describe('proof files of expenditure items', () => {
  it('lets the declaring partner attach a file per item, refusing a web page before sending, and remove one', async () => {
    const calls = open(view('draft', true));
    expect(await screen.findByRole('button', { name: 'Download factuur-nmbs.pdf' }, SLOW)).toBeTruthy();
    expect(screen.getByText('1 file')).toBeTruthy();
    const input = screen.getByLabelText('Attach a proof file to Tolk (€386.40)') as HTMLInputElement;
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File(['<html>'], 'page.html')] } });
    });
    expect(await screen.findByText(/^This type of file is not accepted/)).toBeTruthy();
    expect(calls.some((c) => isCall(c, proofsApi.upload))).toBe(false);
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([new Uint8Array(20)], 'ticket.png')] } });
    });
    await waitFor(() => expect(calls.some((c) => isCall(c, proofsApi.upload))).toBe(true));
    const sent = calls.find((c) => isCall(c, proofsApi.upload))!;
    expect(sent.path).toBe(`/api/expenditure/${D}/items/${I2}/proofs`);
    expect((sent.body as FormData).get('file')).toBeInstanceOf(File);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Remove factuur-nmbs.pdf' }));
    });
    await waitFor(() => expect(calls.some((c) => isCall(c, proofsApi.remove))).toBe(true));
  });

  it('shows the lead the files to download when reviewing, without attaching or removing', async () => {
    open(view('submitted', false));
    const table = await screen.findByRole('table', {}, SLOW);
    expect(
      await within(table).findByRole('button', { name: 'Download factuur-nmbs.pdf' }, SLOW),
    ).toBeTruthy();
    expect(screen.queryByLabelText(/Attach a proof file/)).toBeNull();
    expect(screen.queryByRole('button', { name: /^Remove / })).toBeNull();
  });
});
