import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { agreementEndpoints } from '../../../../common/immersions/agreement-endpoints';
import { newRequestLink, requestLink } from '../../../../common/immersions/links';
import { offerEndpoints } from '../../../../common/immersions/offer-endpoints';
import type { OfferDetail } from '../../../../common/immersions/offer-schemas';
import { requestEndpoints as api } from '../../../../common/immersions/request-endpoints';
import type { PreviewView, RequestView } from '../../../../common/immersions/request-schemas';
import type { AgreementSignaturesView } from '../../../../common/immersions/signature-schemas';
import { practiceEditLink } from '../../../../common/practices/links';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { immersionsModule } from '..';

const SLOW = { timeout: 10_000 };
const OFFER = '00000000-0000-4000-8000-0000000000f1';
const PERIOD = '00000000-0000-4000-8000-0000000000f2';
const REQ = '00000000-0000-4000-8000-0000000000f3';

const offer = {
  id: OFFER,
  status: 'published',
  themes: ['socio_professional_insertion'],
  titleFr: 'Insertion des jeunes',
  titleNl: 'Inschakeling van jongeren',
  descriptionFr: null,
  descriptionNl: null,
  languages: ['fr'],
  kinds: ['short'],
  orgId: '00000000-0000-4000-8000-0000000000f4',
  orgNameFr: 'CCAS de Tourcoing',
  orgNameNl: 'CCAS Tourcoing',
  orgShortName: null,
  country: 'FR',
  unitId: '00000000-0000-4000-8000-0000000000f5',
  unitNameFr: 'Service insertion',
  unitNameNl: null,
  nextPeriod: null,
  updatedAt: '2026-11-01T10:00:00Z',
  programmeFr: null,
  programmeNl: null,
  capacityPerPeriod: 1,
  contactName: null,
  contactEmail: 'accueil@ccas-tourcoing.example',
  contactPhone: null,
  unitEmail: null,
  unitPhone: null,
  periods: [
    // Over: never offered.
    {
      id: '00000000-0000-4000-8000-0000000000f0',
      startsOn: '2020-09-14',
      endsOn: '2020-09-25',
      capacity: null,
      effectiveCapacity: 1,
      remaining: null,
    },
    {
      id: PERIOD,
      startsOn: '2027-03-02',
      endsOn: '2027-03-31',
      capacity: null,
      effectiveCapacity: 1,
      remaining: null,
    },
  ],
  publishedAt: '2026-11-01T10:00:00Z',
  canEdit: false,
  canRequest: true,
  actions: [],
} as unknown as OfferDetail;

const preview: PreviewView = {
  days: 3,
  warnings: {
    yearly: { code: 'above_yearly_max', total: 6, minDays: 2, maxDays: 5 },
    capacity: { capacity: 1, taken: 1, full: true },
    dates: [],
  },
};

afterEach(cleanup);

describe('the immersion request form', () => {
  it('warns in Dutch of the yearly rule and of a full period before sending, and checks the fields first', async () => {
    const calls = renderRoutes({
      routes: immersionsModule.routes!,
      path: newRequestLink.href(undefined, { offer: OFFER }),
      roles: ['referent'],
      language: 'nl',
      answers: byEndpoint(
        [offerEndpoints.get, offer],
        [api.previewRequest, preview],
        [api.createRequest, { id: REQ }],
      ),
    });
    await screen.findByRole('form', { name: 'Een inleefstage aanvragen' }, SLOW);
    // Choosing the period sets the dates to its first day; the server's preview then warns.
    fireEvent.click(screen.getByRole('button', { name: /Periode van het aanbod/ }));
    expect(await screen.findByRole('option', { name: /2027/ })).toBeTruthy();
    expect(screen.queryByRole('option', { name: /2020/ })).toBeNull();
    fireEvent.click(screen.getByRole('option', { name: /2027/ }));
    expect(
      await screen.findByText(/6 dagen korte inleefstage over dit thema dit jaar/, {}, SLOW),
    ).toBeTruthy();
    expect(screen.getByText(/De periode is volzet \(één plaats\)/)).toBeTruthy();
    expect(screen.getByText(/Dit is een waarschuwing/)).toBeTruthy();
    const asked = calls.find((c) => isCall(c, api.previewRequest));
    expect(asked?.body).toMatchObject({
      offerId: OFFER,
      periodId: PERIOD,
      startsOn: '2027-03-02',
      theme: 'socio_professional_insertion',
    });
    // Without objectives, nothing is sent.
    fireEvent.click(screen.getByRole('button', { name: 'Naar de leidinggevende sturen' }));
    await waitFor(() =>
      expect(screen.getByLabelText(/Doelstellingen/).getAttribute('aria-invalid')).toBe('true'),
    );
    expect(calls.some((c) => isCall(c, api.createRequest))).toBe(false);
    fireEvent.change(screen.getByLabelText(/Doelstellingen/), {
      target: { value: 'Zien hoe het team jongeren naar werk begeleidt.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Naar de leidinggevende sturen' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.createRequest))).toBe(true));
    expect(calls.find((c) => isCall(c, api.createRequest))?.body).toMatchObject({
      submit: true,
      kind: 'short',
    });
  });
});

const requestView = (over: Partial<RequestView> = {}): RequestView => ({
  request: {
    id: REQ,
    status: 'awaiting_host',
    kind: 'short',
    theme: 'socio_professional_insertion',
    startsOn: '2027-03-03',
    endsOn: '2027-03-05',
    days: 3,
    offerTitleFr: 'Insertion des jeunes',
    offerTitleNl: null,
    visitorName: 'Lotte Uitwisseling',
    visitorOrgName: 'OCMW Menen',
    hostOrgName: 'CCAS de Tourcoing',
    side: 'host',
    nextActor: 'host',
    reportDueOn: null,
    reportState: 'not_yet',
  },
  offerId: OFFER,
  periodId: PERIOD,
  programme: null,
  hostUnitName: 'Service insertion',
  objectives: 'Zien hoe het team werkt.',
  schedule: null,
  statusReason: null,
  people: {
    visitor: 'Lotte Uitwisseling',
    requestedBy: 'Lotte Uitwisseling',
    manager: 'Bram Diensthoofd',
    host: null,
  },
  managerDecidedAt: '2026-12-01T10:00:00Z',
  hostDecidedAt: null,
  confidentialityAcceptedAt: null,
  signatures: null,
  warnings: preview.warnings,
  actions: [
    {
      action: 'approve_host',
      to: 'agreed',
      tone: 'primary',
      reasonRequired: false,
      blockedBy: ['capacity_available'],
    },
    { action: 'decline_host', to: 'declined', tone: 'danger', reasonRequired: true, blockedBy: [] },
  ],
  consents: [],
  logbook: [],
  report: null,
  practice: null,
  can: {
    recordConsent: false,
    writeLogbook: false,
    writeReport: false,
    edit: false,
    drawPractice: false,
  },
  ...over,
});

describe('the immersion request page', () => {
  it('shows the host the warnings, keeps approval blocked when full, and asks a reason to decline', async () => {
    const calls = renderRoutes({
      routes: immersionsModule.routes!,
      path: requestLink.href({ id: REQ }),
      roles: ['coordinator'],
      language: 'fr',
      answers: byEndpoint([api.request, requestView()], [api.transitionRequest, { ok: true }]),
    });
    expect(await screen.findByText(/au-delà des 5 jours prévus/, {}, SLOW)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Accepter l’immersion' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getAllByText(/La période est complète/).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Refuser' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Refuser' }));
    expect(await within(dialog).findByText('Donnez la raison.')).toBeTruthy();
    expect(calls.some((c) => isCall(c, api.transitionRequest))).toBe(false);
    fireEvent.change(within(dialog).getByLabelText(/Raison/), { target: { value: 'Équipe en congé' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Refuser' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.transitionRequest))).toBe(true));
    expect(calls.find((c) => isCall(c, api.transitionRequest))?.body).toEqual({
      action: 'decline_host',
      reason: 'Équipe en congé',
    });
  });

  it('shows the visitor which notes are shared with the host, and the report that is due', async () => {
    renderRoutes({
      routes: immersionsModule.routes!,
      path: requestLink.href({ id: REQ }),
      roles: ['referent'],
      language: 'nl',
      answers: byEndpoint([
        api.request,
        requestView({
          request: {
            ...requestView().request,
            status: 'completed',
            side: 'visitor',
            nextActor: 'visitor',
            reportDueOn: '2027-03-19',
            reportState: 'due',
          },
          actions: [],
          warnings: { ...preview.warnings, yearly: null, capacity: { capacity: 1, taken: 1, full: false } },
          logbook: [
            {
              id: '00000000-0000-4000-8000-0000000000a1',
              entryOn: '2027-03-03',
              body: 'Groepsatelier.',
              sharedWithHost: true,
            },
            {
              id: '00000000-0000-4000-8000-0000000000a2',
              entryOn: '2027-03-04',
              body: 'Eigen notitie.',
              sharedWithHost: false,
            },
          ],
          can: {
            recordConsent: false,
            writeLogbook: true,
            writeReport: true,
            edit: false,
            drawPractice: false,
          },
        }),
      ]),
    });
    expect(await screen.findByText('Groepsatelier.', {}, SLOW)).toBeTruthy();
    expect(screen.getByText(/gedeeld met de onthaalorganisatie/)).toBeTruthy();
    expect(screen.getByText(/· privé/)).toBeTruthy();
    expect(screen.getByText(/verslag in te dienen uiterlijk op/)).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Verwonderingsverslag' })).toBeTruthy();
  });

  it('lets the visitor draw a good-practice sheet from the submitted report, then links to it', async () => {
    const SHEET = '00000000-0000-4000-8000-0000000000b1';
    const completed = requestView({
      request: { ...requestView().request, status: 'completed', side: 'visitor', reportState: 'submitted' },
      actions: [],
      report: {
        surprised: 'Le collectif.',
        worksDifferently: 'Un guichet unique.',
        toTransfer: 'L’atelier collectif.',
        submittedAt: '2027-03-10T10:00:00Z',
      },
      can: { ...requestView().can, drawPractice: true },
    });
    const calls = renderRoutes({
      routes: [
        ...immersionsModule.routes!,
        { path: practiceEditLink.pattern, element: <p>Formulaire de la fiche</p> },
      ],
      path: requestLink.href({ id: REQ }),
      roles: ['referent'],
      language: 'fr',
      answers: byEndpoint([api.request, completed], [api.drawPractice, { id: SHEET }]),
    });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Tirer une fiche de bonne pratique de ce rapport' }, SLOW),
    );
    expect(await screen.findByText('Formulaire de la fiche', {}, SLOW)).toBeTruthy();
    expect(calls.filter((c) => isCall(c, api.drawPractice)).map((c) => c.path)).toEqual([
      `/api/immersions/requests/${REQ}/practice`,
    ]);
  });

  it('shows the sheet once drawn instead of the button', async () => {
    renderRoutes({
      routes: immersionsModule.routes!,
      path: requestLink.href({ id: REQ }),
      roles: ['referent'],
      language: 'nl',
      answers: byEndpoint([
        api.request,
        requestView({
          request: {
            ...requestView().request,
            status: 'completed',
            side: 'visitor',
            reportState: 'submitted',
          },
          actions: [],
          report: {
            surprised: 'Het collectief.',
            worksDifferently: 'Eén loket.',
            toTransfer: 'Het groepsatelier.',
            submittedAt: '2027-03-10T10:00:00Z',
          },
          practice: { id: '00000000-0000-4000-8000-0000000000b1', reference: 'BP-0007' },
        }),
      ]),
    });
    const link = await screen.findByRole('link', { name: 'Goede-praktijkfiche BP-0007 bekijken' }, SLOW);
    expect(link.getAttribute('href')).toBe('/app/practices/00000000-0000-4000-8000-0000000000b1');
    expect(screen.queryByRole('button', { name: /goede-praktijkfiche uit dit verslag/ })).toBeNull();
  });

  const agreed = (signatures: AgreementSignaturesView) =>
    requestView({
      request: { ...requestView().request, status: 'agreed', side: 'visitor', nextActor: 'signers' },
      actions: [
        {
          action: 'start',
          to: 'in_progress',
          tone: 'primary',
          reasonRequired: false,
          blockedBy: ['agreement_signed'],
        },
      ],
      warnings: { ...preview.warnings, yearly: null, capacity: { capacity: 1, taken: 1, full: false } },
      signatures,
    });
  const none = { sign: false, link: false, inPerson: false };
  const row = (
    role: 'visitor' | 'visitor_org' | 'host',
    over: Partial<AgreementSignaturesView['signatures'][number]> = {},
  ) => ({
    role,
    state: 'not_asked' as const,
    signerName: null,
    email: null,
    method: null,
    requestedAt: null,
    signedAt: null,
    recordedBy: null,
    can: none,
    ...over,
  });

  it('lets the visitor sign the agreement in her own name, taking the undertaking, and says the start waits for it', async () => {
    const calls = renderRoutes({
      routes: immersionsModule.routes!,
      path: requestLink.href({ id: REQ }),
      roles: ['referent'],
      language: 'nl',
      answers: byEndpoint(
        [
          api.request,
          agreed({
            version: 1,
            open: true,
            fullySigned: false,
            canAmend: false,
            earlier: [],
            signatures: [
              row('visitor', { can: { sign: true, link: false, inPerson: false } }),
              row('visitor_org', {
                state: 'signed',
                signerName: 'Bram Diensthoofd',
                method: 'in_person',
                signedAt: '2026-12-02T10:00:00Z',
                recordedBy: 'Bram Diensthoofd',
              }),
              row('host', {
                state: 'link_pending',
                signerName: 'Directrice Fictive',
                requestedAt: '2026-12-02T11:00:00Z',
              }),
            ],
          }),
        ],
        [agreementEndpoints.sign, { ok: true }],
      ),
    });
    expect(await screen.findByText('Handtekeningen van de overeenkomst', {}, SLOW)).toBeTruthy();
    expect(screen.getByText(/Volgende stap: de handtekeningen/)).toBeTruthy();
    expect(screen.getByText(/Op papier ondertekend op .*in aanwezigheid van Bram Diensthoofd/)).toBeTruthy();
    expect(screen.getByText(/Directrice Fictive · Link verstuurd op/)).toBeTruthy();
    expect(
      screen.getByText(
        /Inleefstage starten: De overeenkomst moet eerst door de drie partijen ondertekend zijn/,
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Nu ondertekenen · De bezoeker/ }));
    const dialog = await screen.findByRole('dialog');
    const submit = within(dialog).getByRole('button', { name: 'Nu ondertekenen' });
    expect(submit.hasAttribute('disabled')).toBe(true);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /vertrouwelijkheidsverbintenis aan/ }));
    fireEvent.click(submit);
    await waitFor(() => expect(calls.some((c) => isCall(c, agreementEndpoints.sign))).toBe(true));
    expect(calls.find((c) => isCall(c, agreementEndpoints.sign))?.body).toEqual({
      role: 'visitor',
      method: 'account',
      accept: true,
    });
  });

  it('lets the host’s manager send a signing link, refusing an empty address before sending', async () => {
    const calls = renderRoutes({
      routes: immersionsModule.routes!,
      path: requestLink.href({ id: REQ }),
      roles: ['coordinator'],
      language: 'fr',
      answers: byEndpoint(
        [
          api.request,
          requestView({
            request: { ...requestView().request, status: 'agreed', nextActor: 'signers' },
            actions: [],
            signatures: {
              version: 2,
              open: true,
              fullySigned: false,
              canAmend: true,
              earlier: [
                {
                  version: 1,
                  signatures: [
                    { role: 'visitor', signerName: 'Lotte Uitwisseling', signedAt: '2026-12-01T10:00:00Z' },
                  ],
                },
              ],
              signatures: [
                row('visitor'),
                row('visitor_org'),
                row('host', { can: { sign: true, link: true, inPerson: true } }),
              ],
            },
          }),
        ],
        [agreementEndpoints.sign, { ok: true }],
      ),
    });
    expect(await screen.findByText(/Version 2\. Les trois parties signent/, {}, SLOW)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Modifier la convention' })).toBeTruthy();
    expect(screen.getByText('Version 1 : signée par Lotte Uitwisseling')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer un lien · Pour la structure d’accueil' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Nom de la personne qui signe/), {
      target: { value: 'Directrice Fictive' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Envoyer le lien' }));
    expect(
      await within(dialog).findByText('Indiquez l’adresse e-mail à laquelle envoyer le lien.'),
    ).toBeTruthy();
    expect(calls.some((c) => isCall(c, agreementEndpoints.sign))).toBe(false);
    fireEvent.change(within(dialog).getByLabelText(/Adresse e-mail/), {
      target: { value: 'direction@ccas-tourcoing.example' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Envoyer le lien' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, agreementEndpoints.sign))).toBe(true));
    expect(calls.find((c) => isCall(c, agreementEndpoints.sign))?.body).toEqual({
      role: 'host',
      method: 'link',
      signerName: 'Directrice Fictive',
      email: 'direction@ccas-tourcoing.example',
    });
  });
});
