import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formativeEndpoints as api } from '../../../../common/formative/endpoints';
import { modulesLink, partnershipsLink } from '../../../../common/formative/links';
import type { ModuleList, ModuleView } from '../../../../common/formative/module-schemas';
import { apiError, byEndpoint, type Call, isCall, renderRoutes } from '../../../testing/render-routes';
import { formativeModule } from '..';

const SLOW = { timeout: 10_000 };
const id = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const SAM = id(1);
const OTHER = id(2);

const mod = (n: number, code: string, nameFr: string, over: Partial<ModuleView> = {}): ModuleView => ({
  id: id(10 + n),
  unitId: SAM,
  code,
  nameFr,
  nameNl: `${nameFr} (NL)`,
  descriptionFr: null,
  descriptionNl: null,
  position: n,
  retired: false,
  inUse: true,
  ...over,
});

const LIST: ModuleList = {
  units: [
    { id: OTHER, nameFr: 'Médiation de dettes', nameNl: 'Schuldbemiddeling' },
    { id: SAM, nameFr: 'Service Action Migrants', nameNl: 'Service Action Migrants' },
  ],
  modules: [
    mod(1, 'insertion-sociale', 'Insertion sociale', { descriptionFr: 'Ateliers collectifs.' }),
    mod(2, 'insertion-socio-professionnelle', 'Insertion socio-professionnelle'),
    mod(3, 'benevolat-activation-sociale', 'Bénévolat d’activation sociale'),
    mod(4, 'permanence', 'Permanence sociale', { inUse: false }),
  ],
};

function open(opts: { roles?: string[]; language?: 'fr' | 'nl'; unit?: string; remove?: unknown } = {}) {
  return renderRoutes({
    routes: formativeModule.routes!,
    path: modulesLink.href({}, { unit: opts.unit ?? SAM }),
    roles: opts.roles ?? ['coordinator'],
    language: opts.language,
    // The order's path also matches the edit's pattern: it is answered first.
    answers: byEndpoint(
      [api.modules, LIST],
      [api.orderModules, { ok: true }],
      [api.retireModule, { ok: true }],
      [api.createModule, { id: id(50) }],
      [api.deleteModule, opts.remove ?? { ok: true }],
    ),
  });
}

const sent = (calls: Call[], method: string, path: string) =>
  calls.find((c) => c.method === method && c.path === path);

afterEach(cleanup);

describe('the host’s training modules', () => {
  it('lists the unit’s modules in order; moves one down and retires one', async () => {
    const calls = open();
    expect(await screen.findByRole('heading', { level: 1, name: 'Modules de formation' }, SLOW)).toBeTruthy();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('strong')?.textContent)).toEqual([
      'Insertion sociale',
      'Insertion socio-professionnelle',
      'Bénévolat d’activation sociale',
      'Permanence sociale',
    ]);
    expect(screen.getByText('Ateliers collectifs.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Monter : Insertion sociale' }).hasAttribute('disabled')).toBe(
      true,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Descendre : Insertion sociale' }));
    await waitFor(() => expect(sent(calls, 'PUT', '/api/formative/modules/order')).toBeTruthy());
    expect(sent(calls, 'PUT', '/api/formative/modules/order')!.body).toEqual({
      unitId: SAM,
      ids: [id(12), id(11), id(13), id(14)],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Retirer de l’offre : Permanence sociale' }));
    await waitFor(() => expect(sent(calls, 'PUT', `/api/formative/modules/${id(14)}/retired`)).toBeTruthy());
    expect(sent(calls, 'PUT', `/api/formative/modules/${id(14)}/retired`)!.body).toEqual({ retired: true });
    // A module a plan uses cannot be deleted; the unused one can.
    expect(screen.queryByRole('button', { name: 'Supprimer : Insertion sociale' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Supprimer : Permanence sociale' })).toBeTruthy();
  });

  it('checks a new module with the shared schema before sending it to the unit shown', async () => {
    const calls = open();
    fireEvent.click(await screen.findByRole('button', { name: 'Nouveau module' }, SLOW));
    const dialog = await screen.findByRole('dialog');
    const field = (label: RegExp, value: string) =>
      fireEvent.change(within(dialog).getByLabelText(label), { target: { value } });
    field(/^Code/, 'Accueil Migrants');
    field(/^Nom en français/, 'Accueil\u0007');
    field(/^Nom en néerlandais/, ' a ');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Créer le module' }));
    expect(await within(dialog).findByText("Le format n'est pas valide.")).toBeTruthy();
    expect(within(dialog).getByText(/caractères de contrôle invisibles/)).toBeTruthy();
    expect(within(dialog).getByText('Utilisez au moins 2 caractères.')).toBeTruthy();
    expect(calls.some((c) => isCall(c, api.createModule))).toBe(false);
    field(/^Code/, 'accueil-migrants');
    field(/^Nom en français/, 'Accueil des primo-arrivants');
    field(/^Nom en néerlandais/, 'Onthaal van nieuwkomers');
    field(/^Description en français/, 'Premier accueil.\nOrientation vers les services.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Créer le module' }));
    await waitFor(() => expect(sent(calls, 'POST', '/api/formative/modules')).toBeTruthy());
    expect(sent(calls, 'POST', '/api/formative/modules')!.body).toEqual({
      unitId: SAM,
      code: 'accueil-migrants',
      nameFr: 'Accueil des primo-arrivants',
      nameNl: 'Onthaal van nieuwkomers',
      descriptionFr: 'Premier accueil.\nOrientation vers les services.',
      descriptionNl: null,
    });
  });

  it('shows the server’s refusal to delete a module a plan uses, in the dialog', async () => {
    const calls = open({
      remove: apiError(
        409,
        'formative.modules.errors.in_use',
        'Ce module est utilisé dans un plan de formation.',
      ),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Supprimer : Permanence sociale' }, SLOW));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Le module « Permanence sociale » sera supprimé/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Supprimer le module' }));
    expect(await within(dialog).findByText('Ce module est utilisé dans un plan de formation.')).toBeTruthy();
    expect(sent(calls, 'DELETE', `/api/formative/modules/${id(14)}`)).toBeTruthy();
  });

  it('shows another unit from the address, in Dutch', async () => {
    open({ language: 'nl', unit: OTHER });
    expect(await screen.findByText('Deze dienst biedt nog geen modules aan.', {}, SLOW)).toBeTruthy();
    expect(screen.getByRole('button', { name: /Dienst/ }).textContent).toContain('Schuldbemiddeling');
  });

  it('refuses the page to whoever may not manage the modules (a tutor), without asking the API', async () => {
    const calls = open({ roles: ['tutor'] });
    expect(await screen.findByRole('heading', { level: 2 }, SLOW)).toBeTruthy();
    expect(calls.some((c) => isCall(c, api.modules))).toBe(false);
    expect(screen.queryByRole('button', { name: 'Nouveau module' })).toBeNull();
  });

  it('is reached from the partnerships page by those who may manage the modules only', async () => {
    const list = (canManageModules: boolean) =>
      renderRoutes({
        routes: formativeModule.routes!,
        path: partnershipsLink.href(),
        roles: ['coordinator'],
        answers: byEndpoint([api.list, { items: [], canCreate: false, canManageModules }]),
      });
    list(true);
    const link = await screen.findByRole('link', { name: 'Modules de formation' }, SLOW);
    expect(link.getAttribute('href')).toBe('/app/formative/modules');
    cleanup();
    list(false);
    expect(await screen.findByText(/ne participe à aucun partenariat/, {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Modules de formation' })).toBeNull();
  });
});
