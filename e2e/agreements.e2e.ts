import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { civilDay } from '../src/common/kernel/clock';
import { addDays, addMonths } from '../src/common/placements/dates';
import { expectAccessible, fillDate, launch, login, newContext, receivedMail } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

// The Brussels day, as the app's clock: in UTC the hour after midnight there is still yesterday.
const today = () => civilDay(new Date());

/** A fresh fictional person with a placement consent towards the Roubaix host, through the API as the referent. */
async function personWithConsent(page: Page): Promise<string> {
  const session = await (await page.request.get('/api/auth/session')).json();
  const headers = { 'x-csrf-token': session.csrfToken as string };
  const orgs = await (await page.request.get('/api/organisations?q=Atelier%20Solidaire')).json();
  const host = (orgs.items as Array<{ id: string; nameFr: string }>).find((o) => /Canal/.test(o.nameFr));
  expect(host, 'the demo host of Roubaix').toBeTruthy();
  const suffix = Math.random().toString(36).slice(2, 7);
  const created = await page.request.post('/api/people', {
    headers,
    data: {
      firstName: 'Émile',
      lastName: `Passerelle-${suffix}`,
      birthDate: '1990-02-17',
      email: `emile.${suffix}@fictif.example`,
      municipalityCode: 'BE-57096',
      languages: { fr: 'C2', nl: 'A2' },
      preferredLanguage: 'fr',
      benefit: 'ris',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const personId = (await created.json()).person.id as string;
  const consent = await page.request.post(`/api/people/${personId}/consents`, {
    headers,
    data: {
      purpose: 'placement',
      dataCategories: ['identity', 'languages', 'mobility'],
      recipientOrgIds: [host!.id],
      givenBy: 'person',
      givenOn: today(),
    },
  });
  expect(consent.status(), await consent.text()).toBe(201);
  return personId;
}

async function mainText(page: Page) {
  return (await page.locator('main').textContent()) ?? '';
}

/** Presses an action of the placement page and waits for the status it leads to. */
async function act(page: Page, action: string, status: string) {
  await page.getByRole('button', { name: action, exact: true }).click();
  await expect.poll(() => mainText(page)).toContain(status);
}

describe('placement agreement across the border', () => {
  it('is prepared in Mouscron, signed by the three parties, validated in Roubaix, and the tutor records attendance', async () => {
    // 1. The Mouscron referent prepares the agreement from the Roubaix offer ranked for the person.
    const home = await newContext(browser, 'fr-BE');
    const referent = await home.newPage();
    await login(referent, 'referent@cpas-mouscron.example');
    const personId = await personWithConsent(referent);
    await referent.goto(`/app/people/${personId}/offers`);
    await expect.poll(() => mainText(referent)).toContain('Offres réalisables');
    await referent
      .getByRole('link', { name: /Préparer une convention pour l’offre Entretien des parcs/ })
      .first()
      .click();
    await referent.waitForURL(/\/agreements\/new/);
    await expect.poll(() => mainText(referent)).toContain('Étape 1 sur 4');
    const start = today();
    await fillDate(referent, 'Début', start);
    await fillDate(referent, 'Fin', addDays(addMonths(start, 3), -1));
    await referent.getByLabel('Horaire').fill('Lundi à vendredi, 8 h 30 – 16 h');
    await referent.getByLabel('Heures par semaine').fill('30');
    await referent.getByRole('button', { name: / Tuteur$/ }).click();
    await referent.getByRole('option', { name: 'Noa Tuteur' }).click();
    await expectAccessible(referent, 'agreement wizard, terms');
    await referent.getByRole('button', { name: 'Étape suivante' }).click();

    await expect.poll(() => mainText(referent)).toContain('Étape 2 sur 4');
    for (const group of ['Identité', 'Langues']) {
      const box = referent.getByRole('checkbox', { name: new RegExp(`^${group}`) });
      if (!(await box.isChecked())) {
        await box.focus();
        await referent.keyboard.press('Space');
      }
    }
    await expect.poll(() => mainText(referent)).toContain('Ce partage s’appuie sur le consentement');
    await referent.getByRole('button', { name: 'Étape suivante' }).click();
    await expect.poll(() => mainText(referent)).toContain('Étape 3 sur 4');
    await referent.getByRole('button', { name: 'Étape suivante' }).click();
    await expect.poll(() => mainText(referent)).toContain('Étape 4 sur 4');
    await referent.getByRole('button', { name: 'Créer la convention en brouillon' }).click();
    await referent.waitForURL(/\/app\/placements\/[0-9a-f-]{36}$/);
    const placementPath = new URL(referent.url()).pathname;
    await expect.poll(() => mainText(referent)).toContain('Brouillon');
    await expectAccessible(referent, 'draft agreement');

    // Insurance references are administrative: recorded without new signatures.
    await referent.getByRole('button', { name: 'Modifier les conditions' }).click();
    await referent.getByLabel(/Référence de l’assurance accidents/).fill('ETHIAS-AT-2026-0042');
    await referent.getByLabel(/Référence de l’assurance responsabilité civile/).fill('ETHIAS-RC-2026-0042');
    await referent.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect.poll(() => mainText(referent)).toContain('ETHIAS-RC-2026-0042');

    // 2. Signatures: the person by an e-mailed single-use link, the referent in person.
    // Sending invites every signatory at once (issue 9, item 3); the defaults are kept here.
    await referent.getByRole('button', { name: 'Envoyer pour signature', exact: true }).click();
    await referent.getByRole('dialog').getByRole('button', { name: 'Envoyer les invitations' }).click();
    await expect.poll(() => mainText(referent)).toContain('En attente de signatures');
    await referent
      .getByRole('button', { name: 'Envoyer un lien de signature · Personne accompagnée' })
      .click();
    const linkDialog = referent.getByRole('dialog');
    await linkDialog.getByLabel('Adresse e-mail').fill('emile.signature@fictif.example');
    await linkDialog.getByRole('button', { name: 'Envoyer le lien' }).click();
    await expect.poll(() => mainText(referent)).toContain('emile.signature@fictif.example');
    await referent
      .getByRole('button', { name: 'Enregistrer une signature en personne · Référent du centre d’origine' })
      .click();
    const inPerson = referent.getByRole('dialog');
    await inPerson.getByRole('checkbox').focus();
    await referent.keyboard.press('Space');
    await inPerson.getByRole('button', { name: 'Enregistrer la signature' }).click();
    await expect.poll(() => mainText(referent)).toMatch(/Signée par .+ \(En présence\)/);
    await expectAccessible(referent, 'agreement awaiting signatures');

    // The organisation admin sees the mail in the outbox, but not the link: only the signer receives it.
    const admin = await newContext(browser, 'fr-BE');
    const adminPage = await admin.newPage();
    await login(adminPage, 'admin@cpas-mouscron.example');
    await adminPage.goto('/app/admin/outbox');
    await adminPage
      .getByRole('link', { name: /une convention de stage à signer/ })
      .first()
      .click();
    await expect.poll(() => mainText(adminPage)).toContain('[lien envoyé au seul destinataire]');
    expect(await mainText(adminPage)).not.toContain('#token=');
    // The demo has no SMTP: the mail the signer receives is in the server's mail folder.
    const received = await receivedMail('emile.signature@fictif.example', /\/sign#token=/);
    const link = /https?:\/\/\S+\/sign#token=\S+/.exec(received)?.[0];
    expect(link).toBeTruthy();

    const signer = await newContext(browser, 'fr-BE');
    const signerPage = await signer.newPage();
    await signerPage.goto(`/sign${new URL(link!).hash}`);
    await expect.poll(() => mainText(signerPage)).toContain('Signer la convention de stage');
    await expectAccessible(signerPage, 'public signature page');
    await signerPage.getByRole('checkbox', { name: /J’ai lu la convention/ }).focus();
    await signerPage.keyboard.press('Space');
    await signerPage.getByRole('button', { name: 'Signer', exact: true }).click();
    await expect.poll(() => mainText(signerPage)).toContain('votre signature est enregistrée');
    // Single use: the same link no longer opens the agreement.
    await signerPage.goto('/');
    await signerPage.goto(`/sign${new URL(link!).hash}`);
    await expect.poll(() => mainText(signerPage)).toContain('n’est pas utilisable');
    await signer.close();

    // 3. The host's director signs in person for the host.
    const hostCtx = await newContext(browser, 'fr-FR');
    const director = await hostCtx.newPage();
    await login(director, 'direction@atelier-roubaix.example');
    await director.goto(placementPath);
    await expect.poll(() => mainText(director)).toContain('En attente de signatures');
    await director
      .getByRole('button', {
        name: 'Enregistrer une signature en personne · Représentant de l’organisation d’accueil',
      })
      .click();
    const hostDialog = director.getByRole('dialog');
    await hostDialog.getByLabel('Nom du signataire').fill('Ariane Direction');
    await hostDialog.getByRole('checkbox').focus();
    await director.keyboard.press('Space');
    await hostDialog.getByRole('button', { name: 'Enregistrer la signature' }).click();
    await expect.poll(() => mainText(director)).toContain('Signée par Ariane Direction');

    // 4. Review by the home centre, validation by the host, start.
    await referent.reload();
    await act(referent, 'Soumettre à la vérification', 'Vérification par le centre d’origine');
    await adminPage.goto(placementPath);
    await act(adminPage, 'Approuver (centre d’origine)', 'Validation par l’organisation d’accueil');
    await director.reload();
    await act(director, 'Valider (organisation d’accueil)', 'Validée');
    await expectAccessible(director, 'validated agreement, host side');
    await referent.reload();
    await act(referent, 'Démarrer la mise en situation', 'En cours');
    await admin.close();
    await hostCtx.close();
    await home.close();

    // 5. The tutor in Roubaix records the week's attendance.
    const tutorCtx = await newContext(browser, 'fr-FR');
    const tutor = await tutorCtx.newPage();
    await login(tutor, 'tuteur@atelier-roubaix.example');
    await tutor.goto(`${placementPath}/attendance`);
    await expect.poll(() => mainText(tutor)).toContain('Feuille de présence');
    // Only today is open this week (the placement starts today).
    await tutor
      .getByRole('button', { name: /Statut/ })
      .first()
      .click();
    await tutor.getByRole('option', { name: 'Présent·e' }).click();
    await tutor.getByLabel('Heures effectuées').first().fill('6');
    await expectAccessible(tutor, 'attendance sheet');
    await tutor.getByRole('button', { name: 'Enregistrer la semaine' }).click();
    await expect.poll(() => mainText(tutor)).toContain('Semaine enregistrée');
    await tutorCtx.close();

    // 6. OCMW Kortrijk, in Dutch, is no party: the agreement does not exist for it.
    const nl = await newContext(browser, 'nl-BE');
    const kortrijk = await nl.newPage();
    await login(kortrijk, 'trajectbegeleider@ocmw-kortrijk.example');
    await kortrijk.goto(placementPath);
    await expect.poll(() => mainText(kortrijk)).toContain('Deze overeenkomst bestaat niet');
    expect(await mainText(kortrijk)).not.toContain('Passerelle');
    await nl.close();
  });

  it('an OCMW Kortrijk referent prepares one in Dutch, and its PDF is in Dutch with French alongside', async () => {
    const ctx = await newContext(browser, 'nl-BE');
    const page = await ctx.newPage();
    await login(page, 'trajectbegeleider@ocmw-kortrijk.example');
    const found = await (await page.request.get('/api/people?q=Vanhoutegem')).json();
    const pieter = found.items[0].id as string;
    await page.goto(`/app/people/${pieter}/offers`);
    await page
      .getByRole('link', {
        name: 'Overeenkomst voorbereiden voor het aanbod Kringwinkel: sorteren en opknappen van voorwerpen',
      })
      .click();
    await expect.poll(() => mainText(page)).toContain('Stap 1 van 4');
    await expectAccessible(page, 'wizard in Dutch');
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await expect.poll(() => mainText(page)).toContain('Stap 2 van 4');
    const identity = page.getByRole('checkbox', { name: /^Identiteit/ });
    if (!(await identity.isChecked())) {
      await identity.focus();
      await page.keyboard.press('Space');
    }
    await expect.poll(() => mainText(page)).toContain('Dit delen steunt op de toestemming');
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await expect.poll(() => mainText(page)).toContain('Stap 4 van 4');
    await page.getByRole('button', { name: 'Ontwerpovereenkomst aanmaken' }).click();
    await page.waitForURL(/\/app\/placements\/[0-9a-f-]{36}$/);
    await expect.poll(() => mainText(page)).toContain('Ontwerp');
    await expectAccessible(page, 'draft agreement in Dutch');

    const pdf = await page.request.get(
      `${new URL(page.url()).pathname.replace('/app/', '/api/')}/agreement.pdf`,
    );
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-disposition']).toMatch(/overeenkomst-/);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await ctx.close();
  });
});
