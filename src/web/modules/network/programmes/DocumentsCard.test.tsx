import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { programmesApi } from '../../../../common/network/endpoints';
import type { ProgrammeDetail } from '../../../../common/network/programme-schemas';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { networkModule } from '..';
import { programme } from './fixtures.testing';

const SLOW = { timeout: 10_000 };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const open = (detail: ProgrammeDetail) =>
  renderRoutes({
    routes: networkModule.routes!,
    path: '/app/programmes/p1',
    language: 'en',
    roles: ['coordinator'],
    answers: byEndpoint(
      [programmesApi.get, detail],
      [programmesApi.uploadDocument, detail.documents[0]],
      [programmesApi.deleteDocument, detail],
    ),
  });

const pick = (name: string, size: number) => {
  const input = screen.getByLabelText('File to attach') as HTMLInputElement;
  const file = new File([new Uint8Array(size)], name);
  fireEvent.change(input, { target: { files: [file] } });
};
const press = async (name: string) => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
};

describe('programme documents', () => {
  it('offers each document as a download, never a page, and lets the lead attach and delete', async () => {
    const calls = open(programme(true));
    const link = await screen.findByRole('link', { name: 'convention-partenariat.pdf' }, SLOW);
    expect(link.getAttribute('href')).toBe(
      '/api/programmes/p1/documents/ddddddd1-0000-4000-8000-000000000001/file',
    );
    expect(link.hasAttribute('download')).toBe(true);
    expect(screen.getByText(/^47\s?kB/)).toBeTruthy();
    // Checked in the browser first: a web page is refused before anything is sent.
    pick('page.html', 10);
    await press('Attach the document');
    expect(screen.getByText(/^This type of file is not accepted/)).toBeTruthy();
    pick('convention.pdf', 10);
    await press('Attach the document');
    const sent = calls.filter((c) => isCall(c, programmesApi.uploadDocument));
    expect(sent).toHaveLength(1);
    expect((sent[0]!.body as FormData).get('file')).toBeInstanceOf(File);
    await press('Delete convention-partenariat.pdf');
    expect(calls.filter((c) => isCall(c, programmesApi.deleteDocument))).toHaveLength(1);
  });

  it('shows partners the list without upload, and others that documents are for partners', async () => {
    open(programme(false));
    await screen.findByRole('link', { name: 'convention-partenariat.pdf' }, SLOW);
    expect(screen.queryByLabelText('File to attach')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete convention-partenariat.pdf' })).toBeNull();
    cleanup();
    open({ ...programme(false), documents: [], milestones: [], seesMilestones: false });
    expect(
      await screen.findByText("Documents are visible to the programme's partners.", {}, SLOW),
    ).toBeTruthy();
  });
});
