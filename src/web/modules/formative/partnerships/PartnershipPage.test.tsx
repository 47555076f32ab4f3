import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formativeEndpoints as api } from '../../../../common/formative/endpoints';
import { partnershipLink } from '../../../../common/formative/links';
import type { PartnershipView, PlanItemView } from '../../../../common/formative/schemas';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { formativeModule } from '..';

const SLOW = { timeout: 10_000 };
const P = '00000000-0000-4000-8000-0000000000f1';
const id = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;

const item = (n: number, nameFr: string, over: Partial<PlanItemView> = {}): PlanItemView => ({
  id: id(10 + n),
  moduleId: id(20 + n),
  code: `m${n}`,
  nameFr,
  nameNl: `${nameFr} (NL)`,
  plannedHours: 220,
  doneHours: 110,
  hoursPercent: 50,
  level: null,
  percent: null,
  comment: null,
  progressAt: null,
  progressByName: null,
  ...over,
});

const view = (over: Partial<PartnershipView['me']> = {}): PartnershipView => ({
  partnership: {
    id: P,
    side: 'lead',
    programme: {
      id: id(1),
      acronym: 'Charleroi–Binche suite',
      nameFr: 'Suite (fictif)',
      nameNl: 'Vervolg (fictief)',
    },
    lead: { id: id(2), shortName: 'CPAS Charleroi', nameFr: 'CPAS de Charleroi', nameNl: 'OCMW Charleroi' },
    partner: { id: id(3), shortName: 'CPAS Binche', nameFr: 'CPAS de Binche', nameNl: 'OCMW Binche' },
    unit: { id: id(4), nameFr: 'Service Action Migrants', nameNl: 'Service Action Migrants' },
    traineeName: 'Élise Formation',
    tutorName: 'Inaya Tutrice',
    immersionStartsOn: '2026-05-30',
    immersionEndsOn: '2027-05-29',
    applicationStartsOn: '2027-05-30',
    applicationEndsOn: '2028-05-28',
  },
  convention: { conventionOn: '2025-12-31', fundingOrderOn: null, hiredOn: null },
  tutorUserId: id(5),
  milestones: [{ code: 'convention', occursOn: '2025-12-31' }],
  plan: [
    item(1, 'Insertion sociale', {
      level: 'autonomous',
      percent: 60,
      comment: 'Anime seule l’atelier.',
      progressAt: '2026-11-20T15:00:00Z',
      progressByName: 'Inaya Tutrice',
    }),
    item(2, 'Bénévolat d’activation sociale', { plannedHours: 160, doneHours: 16.5, hoursPercent: 10 }),
  ],
  totals: { plannedHours: 380, doneHours: 126.5, hoursPercent: 33 },
  sessions: [],
  reviews: [],
  projects: [],
  me: { role: 'tutor', canEdit: false, canRecord: true, canWriteProjects: false, ...over },
});

function open(v: PartnershipView, language: 'fr' | 'nl' = 'fr') {
  return renderRoutes({
    routes: formativeModule.routes!,
    path: partnershipLink.href({ id: P }),
    roles: ['tutor'],
    language,
    answers: byEndpoint([api.view, v], [api.progress, { ok: true }], [api.signReview, { ok: true }]),
  });
}

afterEach(cleanup);

describe('formative partnership page', () => {
  it('lets the tutor record progress on a module in French, refusing a bad percentage before sending', async () => {
    const calls = open(view());
    expect(await screen.findByRole('heading', { level: 1 }, SLOW)).toBeTruthy();
    expect(screen.getByLabelText('Heures réalisées pour Insertion sociale').getAttribute('value')).toBe('50');
    expect(screen.getByText('Niveau : Autonomie · acquis : 60 %')).toBeTruthy();
    fireEvent.click(
      screen.getByRole('button', { name: 'Enregistrer la progression : Bénévolat d’activation sociale' }),
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /Niveau/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Pratique accompagnée' }));
    fireEvent.change(within(dialog).getByLabelText(/Acquis/), { target: { value: '140' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByText(/entre 0 et 100/)).toBeTruthy();
    expect(calls.some((c) => isCall(c, api.progress))).toBe(false);
    fireEvent.change(within(dialog).getByLabelText(/Acquis/), { target: { value: '35' } });
    fireEvent.change(within(dialog).getByLabelText(/Commentaire/), {
      target: { value: 'Suit deux bénévoles avec la tutrice.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.progress))).toBe(true));
    const call = calls.find((c) => isCall(c, api.progress))!;
    expect(call.path).toBe(`/api/formative/${P}/plan/${id(12)}/progress`);
    expect(call.body).toEqual({
      level: 'practising',
      percent: 35,
      comment: 'Suit deux bénévoles avec la tutrice.',
    });
  });

  it('lets the trainee sign a review the tutor signed, and shows a review signed by both as frozen', async () => {
    const signed = { heldOn: '2026-11-28', strengths: 'Autonome', improvements: null, nextSteps: null };
    const v = {
      ...view({ role: 'trainee' }),
      reviews: [
        {
          kind: 'mid_year' as const,
          ...signed,
          traineeSignedAt: '2026-11-28T16:00:00Z',
          tutorSignedAt: '2026-11-28T16:30:00Z',
        },
        {
          kind: 'end_of_year' as const,
          ...signed,
          traineeSignedAt: null,
          tutorSignedAt: '2026-11-29T10:00:00Z',
        },
      ],
    };
    const calls = renderRoutes({
      routes: formativeModule.routes!,
      path: partnershipLink.href({ id: P }, { tab: 'reviews' }),
      roles: ['referent'],
      answers: byEndpoint([api.view, v], [api.signReview, { ok: true }]),
    });
    expect(await screen.findByText('Signée par les deux : figée', {}, SLOW)).toBeTruthy();
    // Nothing to write or sign on a signed review (only the final one is still to write); the end-of-year
    // one awaits the trainee's signature.
    expect(
      screen.getAllByRole('button', { name: /Rédiger/ }).map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Rédiger : Bilan final de l’année d’application']);
    expect(screen.queryByRole('button', { name: 'Signer : Évaluation à mi-parcours' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Signer : Évaluation de fin d’immersion' }));
    await waitFor(() => expect(calls.some((c) => isCall(c, api.signReview))).toBe(true));
    expect(calls.find((c) => isCall(c, api.signReview))!.path).toBe(
      `/api/formative/${P}/reviews/end_of_year/sign`,
    );
  });

  it('offers no recording to whoever is neither the trainee nor the tutor, and speaks Dutch', async () => {
    open(view({ role: 'lead_staff', canRecord: false }), 'nl');
    expect(await screen.findByText(/Niveau: Zelfstandig · verworven: 60 %/, {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Vooruitgang registreren/ })).toBeNull();
  });
});
