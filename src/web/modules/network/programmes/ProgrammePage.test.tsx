import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { programmesApi } from '../../../../common/network/endpoints';
import type { ProgrammeDetail } from '../../../../common/network/programme-schemas';
import type { WebModule } from '../../../app/module';
import { byEndpoint, renderRoutes } from '../../../testing/render-routes';
import { networkModule } from '..';
import { programme } from './fixtures.testing';

const SLOW = { timeout: 10_000 };

const open = (
  detail: ProgrammeDetail,
  language: 'fr' | 'nl' | 'en',
  opts: { roles?: string[]; modules?: WebModule[] } = {},
) =>
  renderRoutes({
    routes: networkModule.routes!,
    path: '/app/programmes/p1',
    language,
    roles: opts.roles ?? ['coordinator'],
    modules: opts.modules,
    answers: byEndpoint([programmesApi.get, detail]),
  });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('programme page', () => {
  it('shows the French description, partners grouped by role, euros and the derived totals', async () => {
    open(programme(false), 'fr');
    expect(await screen.findByRole('heading', { level: 1, name: 'SAM Eurométropole' }, SLOW)).toBeTruthy();
    expect(screen.getByText('Action 1 – chantiers.')).toBeTruthy();
    expect(screen.getByText('Lire la version néerlandaise')).toBeTruthy();
    for (const h of ['Chef de file', 'Partenaires', 'Partenaires associés'])
      expect(screen.getByRole('heading', { level: 3, name: h })).toBeTruthy();
    expect(screen.getAllByText(/^1\s142\s943,65\s€$/).length).toBeGreaterThan(0);
    // 1,100,000 of partner budgets against 1,142,943.65 declared.
    expect(screen.getByText(/s'écartent de 42\s943,65\s€ du budget total déclaré/)).toBeTruthy();
    expect(screen.getByText("1 partenaire n'a pas de budget.")).toBeTruthy();
    expect(screen.getByText('Stages')).toBeTruthy();
    expect(screen.getByText('de 2 à 6 mois')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Modifier' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Modifier les partenaires' })).toBeNull();
  });

  it('offers editing when allowed, and reads Dutch names in Dutch', async () => {
    open(programme(true), 'nl');
    expect(await screen.findByRole('heading', { level: 1, name: 'SAM Eurometropool' }, SLOW)).toBeTruthy();
    expect(screen.getByText('Actie 1 – integratieprojecten.')).toBeTruthy();
    expect(screen.getByText('OCMW Kortrijk')).toBeTruthy();
    expect(screen.getByText('2 tot 6 maanden')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Bewerken' }).getAttribute('href')).toBe(
      '/app/programmes/p1/edit',
    );
    expect(screen.getByRole('link', { name: 'Partners wijzigen' }).getAttribute('href')).toBe(
      '/app/programmes/p1/partners',
    );
  });

  it('shows actions, perimeter, themes, website, milestones and every role, in the reader’s language', async () => {
    open(programme(true), 'en');
    expect(await screen.findByRole('heading', { level: 2, name: 'Actions' }, SLOW)).toBeTruthy();
    // English title where there is one, the French one otherwise (marked as French for screen readers).
    expect(screen.getByText('Cross-border work-integration placements')).toBeTruthy();
    expect(screen.getByText('Immersions de professionnels').getAttribute('lang')).toBe('fr');
    expect(screen.getByText('Receives by default: placements')).toBeTruthy();
    expect(screen.getByText('2 municipalities: Courtrai, Lille')).toBeTruthy();
    expect(screen.getByText('Employment')).toBeTruthy();
    const site = screen.getByRole('link', { name: 'https://www.sameurometropole.eu' });
    expect(site.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByText('Début du projet')).toBeTruthy();
    expect(screen.getByText('Convention FEDER signée.')).toBeTruthy();
    expect(screen.getByText('Associated partner, Co-financer')).toBeTruthy();
    expect(screen.getAllByRole('link', { name: 'Edit the structure' })[0]!.getAttribute('href')).toBe(
      '/app/programmes/p1/structure',
    );
  });

  it('tells a non-partner that milestones are for the partners, and offers no editing', async () => {
    open({ ...programme(false), milestones: [], seesMilestones: false }, 'nl');
    expect(
      await screen.findByText('De mijlpalen zijn zichtbaar voor de partners van het programma.', {}, SLOW),
    ).toBeTruthy();
    expect(screen.getByText('Grensoverschrijdende integratieprojecten')).toBeTruthy();
    expect(screen.getByText('2 gemeenten: Kortrijk, Rijsel')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Structuur wijzigen' })).toBeNull();
  });

  it('shows the links other modules add, to whom they say and with the permission they need', async () => {
    const elsewhere: WebModule = {
      programmeLinks: [
        {
          key: 'lead-only',
          order: 1,
          labelId: 'network.programmes.partners.title',
          permission: 'programme.update',
          href: (id) => `/app/programmes/${id}/elsewhere`,
          when: (p, activeOrgId) => p.leadOrgId === activeOrgId,
        },
        {
          key: 'other-lead',
          order: 2,
          labelId: 'network.programmes.description.title',
          href: (id) => `/app/programmes/${id}/other`,
          when: (p, activeOrgId) => p.leadOrgId !== activeOrgId,
        },
        {
          key: 'admins',
          order: 3,
          labelId: 'network.programmes.totals.title',
          permission: 'territory.import',
          href: (id) => `/app/programmes/${id}/admins`,
        },
      ],
    };
    // The test session acts for o1, the programme's lead.
    open(programme(false), 'en', { modules: [elsewhere] });
    const shown = await screen.findByRole('link', { name: 'Partners' }, SLOW);
    expect(shown.getAttribute('href')).toBe('/app/programmes/p1/elsewhere');
    expect(screen.queryByRole('link', { name: 'Description' })).toBeNull();
    expect(screen.queryByRole('link', { name: /Budget: declared/ })).toBeNull();
    cleanup();
    open(programme(false), 'en', { modules: [elsewhere], roles: ['referent'] });
    await screen.findByRole('heading', { level: 1, name: 'SAM Eurométropole' }, SLOW);
    expect(screen.queryByRole('link', { name: 'Partners' })).toBeNull();
  });
});
