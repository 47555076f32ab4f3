import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { urlOf } from '../../../../common/kernel/endpoint';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { setDate } from '../../../testing/date-field';
import { apiError } from '../../../testing/render-routes';
import { OFFER, PERSON, PLACEMENT, PROGRAMME, placement, TUTOR } from './fixtures.testing';
import { created, next, offerProgramme, openWizard } from './wizard-harness.testing';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const e = placementsEndpoints;

/** The programme's placement duration, as its list item carries it. */
let limits = { min: 2, max: 6 };
/** The host's programmes: by default the offer's, open on the offer's dates. */
let programmeItems: () => object[] = () => [offerProgramme(limits)];

const open = (create: (body: unknown) => unknown, roles = ['referent']) =>
  openWizard(create, { roles, programmes: () => programmeItems() });

describe('agreement wizard', () => {
  it('warns with the chosen programme’s own duration limits', async () => {
    limits = { min: 6, max: 12 };
    try {
      open(() => placement());
      // The offer runs from 4 January to 31 May: fine for 2–6 months, too short for this programme.
      expect(await screen.findByText(/Ce stage dure moins de 6 mois/)).toBeTruthy();
    } finally {
      limits = { min: 2, max: 6 };
    }
  });

  it('walks the four steps from an offer and posts the agreement the referent chose', async () => {
    const calls = open(() => placement());
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Nouvelle convention de stage pour Lucie Fictivelle',
      }),
    ).toBeTruthy();
    // The step indicator says where the user is.
    expect(
      screen.getByText('Étape 1 sur 4 : Conditions', { selector: '[aria-current="step"]' }),
    ).toBeTruthy();
    // The offer's terms are the starting point; the referent adjusts hours and picks the tutor.
    expect((screen.getByRole('textbox', { name: /Site/ }) as HTMLInputElement).value).toBe('Atelier vélo');
    fireEvent.change(screen.getByRole('textbox', { name: 'Heures par semaine' }), {
      target: { value: '24,5' },
    });
    fireEvent.click(screen.getByRole('button', { name: /Tuteur/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Tess Tuteur' }));
    next();

    expect(
      await screen.findByText('Étape 2 sur 4 : Ce que verra la structure d’accueil', { selector: 'h2' }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: /Coordonnées/ }));
    expect(
      await screen.findByText(/Ce partage s’appuie sur le consentement donné le 1 oct\. 2026/),
    ).toBeTruthy();
    next();

    expect(await screen.findByText('Étape 3 sur 4 : Qui signe', { selector: 'h2' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Signe pour la personne/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Son représentant légal' }));
    next();
    // The representative must be named before going on.
    expect(await screen.findByText('Ce champ est obligatoire.')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: /Nom du représentant légal/ }), {
      target: { value: 'Marc Fictivelle' },
    });
    next();

    expect(await screen.findByText('Étape 4 sur 4 : Vérifier et créer', { selector: 'h2' })).toBeTruthy();
    expect(screen.getByText('Représentant légal : Marc Fictivelle')).toBeTruthy();
    expect(screen.getByText('24,5 h par semaine')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Créer la convention en brouillon' }));
    await waitFor(() =>
      expect(created(calls)[0]?.body).toEqual({
        personId: PERSON,
        offerId: OFFER,
        siteName: 'Atelier vélo',
        municipalityCode: 'FR-59512',
        tasks: 'Réparer des vélos',
        schedule: 'Lundi–jeudi',
        hoursPerWeek: 24.5,
        startsOn: '2027-01-04',
        endsOn: '2027-05-31',
        tutorUserId: TUTOR,
        programmeId: PROGRAMME,
        sharedFields: ['identity', 'contact'],
        signatory: 'legal_representative',
        representativeName: 'Marc Fictivelle',
        language: 'fr',
      }),
    );
    // Created: the placement page opens, on the agreement the server answered with.
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Convention : Lucie Fictivelle chez Atelier du Pile',
      }),
    ).toBeTruthy();
    expect(calls.some((c) => c.path === urlOf(e.placement, { params: { id: PLACEMENT } }))).toBe(true);
  });

  it('puts the server’s field errors on their fields, back on the step that holds them', async () => {
    open(() =>
      apiError(400, 'errors.validation', 'Certaines données ne sont pas valables.', [
        {
          path: 'startsOn',
          code: 'placements.agreements.errors.start_past',
          message: 'La date de début est passée.',
        },
      ]),
    );
    await screen.findByRole('heading', { level: 1, name: /Nouvelle convention/ });
    next();
    await screen.findByText(/Étape 2 sur 4/, { selector: 'h2' });
    next();
    await screen.findByText(/Étape 3 sur 4/, { selector: 'h2' });
    next();
    fireEvent.click(await screen.findByRole('button', { name: 'Créer la convention en brouillon' }));
    // In the alert at the top, and on the field itself.
    expect(await screen.findAllByText('La date de début est passée.')).toHaveLength(2);
    expect(screen.getByText('La date de début est passée.', { selector: '.field-error' })).toBeTruthy();
    expect(screen.getByText(/Étape 1 sur 4/, { selector: 'h2' })).toBeTruthy();
    expect(screen.getByRole('group', { name: /Début/ }).hasAttribute('data-invalid')).toBe(true);
  });

  it('on a refusal for want of consent, shows why and lets a coordinator override with a reason', async () => {
    let refused = false;
    const calls = open(() => {
      if (refused) return placement();
      refused = true;
      return apiError(
        409,
        'placements.agreements.errors.consent_missing',
        'Aucun consentement valable ne permet ce partage.',
      );
    }, ['coordinator']);
    await screen.findByRole('heading', { level: 1, name: /Nouvelle convention/ });
    for (const n of [2, 3, 4]) {
      next();
      await screen.findByText(new RegExp(`Étape ${n} sur 4`), { selector: 'h2' });
    }
    fireEvent.click(screen.getByRole('button', { name: 'Créer la convention en brouillon' }));
    expect(await screen.findByText('Aucun consentement valable ne permet ce partage.')).toBeTruthy();
    expect(screen.getByText(/Étape 2 sur 4/, { selector: 'h2' })).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: /Motif du partage sans consentement/ }), {
      target: { value: 'Démarrage urgent du chantier' },
    });
    next();
    await screen.findByText(/Étape 3 sur 4/, { selector: 'h2' });
    next();
    fireEvent.click(await screen.findByRole('button', { name: 'Créer la convention en brouillon' }));
    await waitFor(() =>
      expect(created(calls).at(-1)?.body).toMatchObject({
        overrideReason: 'Démarrage urgent du chantier',
      }),
    );
  });
});

describe('agreement wizard: checks at the right time (issue 9)', () => {
  const toReview = async () => {
    for (const n of [2, 3, 4]) {
      next();
      await screen.findByText(new RegExp(`Étape ${n} sur 4`), { selector: 'h2' });
    }
  };

  it('never preselects an ended programme, proposes the only open one, and offers only those open on the dates', async () => {
    const CURRENT = '4d5e6f7a-8b9c-4d0e-8f1a-2b3c4d5e6f7a';
    programmeItems = () => [
      // The offer's programme, as SAM-E: 1 July 2010 – 31 December 2014.
      { ...offerProgramme(), acronym: 'SAM-E', startsOn: '2010-07-01', endsOn: '2014-12-31' },
      {
        ...offerProgramme(),
        id: CURRENT,
        acronym: 'CUR',
        nameFr: 'Programme en cours',
        startsOn: '2026-01-01',
      },
      // Ends before the placement does.
      {
        ...offerProgramme(),
        id: '5e6f7a8b-9c0d-4e1f-9a2b-3c4d5e6f7a8b',
        acronym: 'SHORT',
        nameFr: 'Programme trop court',
        endsOn: '2027-03-31',
      },
    ];
    try {
      const calls = open(() => placement());
      await screen.findByRole('heading', { level: 1, name: /Nouvelle convention/ });
      const select = () => screen.getByRole('button', { name: /Programme/ });
      // The offer's ended programme is dropped and the only one open on the dates proposed instead.
      await waitFor(() => expect(select().textContent).toContain('CUR · Programme en cours'));
      fireEvent.click(select());
      const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
      expect(options).toEqual(['Aucun', 'CUR · Programme en cours']);
      fireEvent.click(screen.getByRole('option', { name: 'Aucun' }));
      await toReview();
      fireEvent.click(screen.getByRole('button', { name: 'Créer la convention en brouillon' }));
      // "No programme" is said, or the server would take the offer's.
      await waitFor(() => expect(created(calls)[0]?.body).toMatchObject({ programmeId: null }));
    } finally {
      programmeItems = () => [offerProgramme()];
    }
  });

  it('says on the terms step that the start is past, the duration too short or the programme closed', async () => {
    const calls = open(() => placement());
    await screen.findByRole('heading', { level: 1, name: /Nouvelle convention/ });
    // The offer's programme, open on the offer's dates, is preselected.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /Programme/ }).textContent).toContain('SAM'),
    );
    await setDate(/Début/, '2020-01-06');
    await setDate(/^Fin/, '2020-01-31');
    next();
    expect(
      await screen.findByText(/La date de début est déjà passée/, { selector: '.field-error' }),
    ).toBeTruthy();
    expect(screen.getByText(/Ce stage dure moins de 2 mois/, { selector: '.field-error' })).toBeTruthy();
    // The offer's programme is not open in 2020: said on the programme.
    expect(
      screen.getByText(/Ce programme n’est pas ouvert sur toutes les dates du stage/, {
        selector: '.field-error',
      }),
    ).toBeTruthy();
    expect(screen.getByText(/Étape 1 sur 4/, { selector: 'h2' })).toBeTruthy();
    expect(created(calls)).toEqual([]);
  });

  it('asks for the insurance references with the terms and posts them', async () => {
    const calls = open(() => placement());
    await screen.findByRole('heading', { level: 1, name: /Nouvelle convention/ });
    expect(screen.getByText(/nécessaires avant l’envoi pour signature/)).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: /assurance accidents/ }), {
      target: { value: 'ETHIAS-AT-1' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /assurance responsabilité civile/ }), {
      target: { value: 'ETHIAS-RC-2' },
    });
    await toReview();
    expect(screen.getByText('ETHIAS-RC-2')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Créer la convention en brouillon' }));
    await waitFor(() =>
      expect(created(calls)[0]?.body).toMatchObject({
        accidentInsuranceRef: 'ETHIAS-AT-1',
        liabilityInsuranceRef: 'ETHIAS-RC-2',
        programmeId: PROGRAMME,
      }),
    );
  });
});
