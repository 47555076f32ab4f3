import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { civilDay } from '../src/common/kernel/clock';
import { expectAccessible, fillDate, launch, login, newContext, screenshots } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const mainText = async (page: Page) => (await page.locator('main').textContent()) ?? '';

/**
 * A family of two fictional persons at La Vie Active with their consents to share identity and languages
 * with CRéSaM for an accompaniment, written through the API as the La Vie Active worker.
 */
async function familyWithConsents(page: Page, lastName: string): Promise<string[]> {
  const session = await (await page.request.get('/api/auth/session')).json();
  const headers = { 'x-csrf-token': session.csrfToken as string };
  const teams = await (await page.request.get('/api/accompaniment/teams')).json();
  const walloon = (teams.items as Array<{ org: { id: string; country: string }; nameFr: string }>).find((t) =>
    /CRéSaM/.test(t.nameFr),
  );
  expect(walloon, 'the demo Walloon team').toBeTruthy();
  const ids: string[] = [];
  for (const [firstName, birthDate] of [
    ['Hiwet', '1991-05-03'],
    ['Selam', '2016-09-21'],
  ] as const) {
    const created = await page.request.post('/api/people', {
      headers,
      data: { firstName, lastName, birthDate, municipalityCode: 'FR-62041', preferredLanguage: 'fr' },
    });
    expect(created.status(), await created.text()).toBe(201);
    const id = (await created.json()).person.id as string;
    const consent = await page.request.post(`/api/people/${id}/consents`, {
      headers,
      data: {
        purpose: 'accompaniment',
        dataCategories: ['identity', 'languages'],
        recipientOrgIds: [walloon!.org.id],
        givenBy: 'person',
        givenOn: civilDay(new Date()),
      },
    });
    expect(consent.status(), await consent.text()).toBe(201);
    ids.push(id);
  }
  return ids;
}

/** A Brussels wall-clock day `days` from now. */
const dayFromNow = (days: number) => civilDay(new Date(Date.now() + days * 86_400_000));

describe('a La Vie Active worker refers a family to the Walloon mobile team', () => {
  let requestUrl = '';
  const lastName = `Exemple-Berhane-${Math.random().toString(36).slice(2, 6)}`;

  it('sends the request from the person page, in French, with each consent shown', async () => {
    const ctx = await newContext(browser, 'fr-BE');
    const page = await ctx.newPage();
    await login(page, 'accompagnement@lavieactive.example');
    const [mother] = await familyWithConsents(page, lastName);
    await page.goto(`/app/people/${mother}`);
    await page.getByRole('link', { name: 'Demander l’intervention d’une équipe mobile' }).click();
    await page
      .getByRole('heading', { name: 'Demander l’intervention d’une équipe mobile', level: 1 })
      .waitFor();
    await expect.poll(() => mainText(page)).toContain(`Hiwet ${lastName}`);
    await page
      .getByRole('button', { name: /Équipe mobile/ })
      .first()
      .click();
    await page.getByRole('option', { name: /Équipe mobile wallonne/ }).click();
    // The child, from the worker's own caseload.
    await page.getByLabel('Ajouter une personne de vos dossiers').fill(lastName);
    await page.getByRole('button', { name: 'Chercher', exact: true }).click();
    await page.getByRole('button', { name: `Ajouter Selam ${lastName}` }).click();
    await page.getByText('Soutien psychologique').click();
    await page.getByText('Interprétariat', { exact: true }).click();
    await page
      .getByLabel('Message à l’équipe (sans donnée de santé)')
      .fill('Famille arrivée récemment, besoin d’un soutien en tigrinya.');
    await expect.poll(async () => (await mainText(page)).match(/Consentement du/g)?.length ?? 0).toBe(2);
    await screenshots(page, 'accompaniment-request-form');
    await page.getByRole('button', { name: 'Envoyer la demande' }).click();
    await page.waitForURL(/\/app\/accompaniment\/requests\/[0-9a-f-]{36}$/);
    await expect.poll(() => mainText(page)).toContain('Envoyée');
    expect(await mainText(page)).toContain(`Selam ${lastName}`);
    requestUrl = new URL(page.url()).pathname;
    await expectAccessible(page, 'request page (requester)');
    await ctx.close();
  });

  it('lets the CRéSaM coordinator accept it and plan an intervention', async () => {
    const ctx = await newContext(browser, 'fr-BE');
    const page = await ctx.newPage();
    await login(page, 'coordination@cresam.example');
    await page.goto('/app/accompaniment/requests');
    await page.getByRole('heading', { name: 'Demandes d’accompagnement', level: 1 }).waitFor();
    await page.locator(`a[href="${requestUrl}"]`).click();
    // The team sees only what the consents grant: names and languages.
    await expect.poll(() => mainText(page)).toContain(`Hiwet ${lastName}`);
    // The requester's message, sealed with La Vie Active's key, opened for the team (ADR 0037).
    expect(await mainText(page)).toContain('Famille arrivée récemment, besoin d’un soutien en tigrinya.');
    await page.getByRole('button', { name: 'Accepter', exact: true }).click();
    await expect.poll(() => mainText(page)).toContain('Planifier ou enregistrer une intervention');
    await fillDate(page, 'Date', dayFromNow(7));
    const time = page.getByRole('group', { name: 'Heure', exact: true });
    await time.locator('[data-type="hour"]').pressSequentially('10');
    await time.locator('[data-type="minute"]').pressSequentially('00');
    await page.getByRole('textbox', { name: /^Lieu/ }).fill('Arras, locaux de La Vie Active');
    await page.getByRole('button', { name: /Pays du lieu/ }).click();
    await page.getByRole('option', { name: 'France', exact: true }).click();
    await page.getByLabel('Résultat', { exact: true }).fill('Premier contact prévu avec interprète.');
    await page.getByRole('button', { name: 'Enregistrer l’intervention' }).click();
    await expect.poll(() => mainText(page)).toContain('Transfrontalière');
    expect(await mainText(page)).toContain('Prévue');
    // No clinical notes for the coordinator.
    expect(await mainText(page)).not.toContain('Notes cliniques');
    await screenshots(page, 'accompaniment-request-team');
    await expectAccessible(page, 'request page (team)');
    await ctx.close();
  });

  it('lets the CRéSaM psychologist write a clinical note the coordinator cannot see', async () => {
    const ctx = await newContext(browser, 'fr-BE');
    const page = await ctx.newPage();
    await login(page, 'psychologue@cresam.example');
    await page.goto(requestUrl);
    await page.getByRole('heading', { name: 'Notes cliniques de l’équipe' }).waitFor();
    await page
      .getByLabel('Nouvelle note clinique')
      .fill('Note fictive : sommeil perturbé, revoir avec interprète.');
    await page.getByRole('button', { name: 'Enregistrer la note' }).click();
    await expect.poll(() => mainText(page)).toContain('Note fictive : sommeil perturbé');
    await screenshots(page, 'accompaniment-clinical-notes');
    await ctx.close();

    const coord = await newContext(browser, 'fr-BE');
    const cpage = await coord.newPage();
    await login(cpage, 'coordination@cresam.example');
    await cpage.goto(requestUrl);
    await expect.poll(() => mainText(cpage)).toContain('Transfrontalière');
    expect(await mainText(cpage)).not.toContain('Note fictive');
    const notes = await cpage.request.get(`/api${requestUrl.replace('/app', '')}/clinical-notes`);
    expect(notes.status()).toBe(403);
    await coord.close();
  });

  it('shows La Vie Active the team’s outcome, never the clinical note', async () => {
    const ctx = await newContext(browser, 'fr-BE');
    const page = await ctx.newPage();
    await login(page, 'accompagnement@lavieactive.example');
    await page.goto(requestUrl);
    await expect.poll(() => mainText(page)).toContain('Premier contact prévu avec interprète.');
    expect(await mainText(page)).toContain('Famille arrivée récemment');
    expect(await mainText(page)).not.toContain('Note fictive');
    await ctx.close();
  });
});
