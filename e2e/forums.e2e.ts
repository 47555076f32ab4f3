import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  fillDate,
  launch,
  login,
  newContext,
  openNav,
  receivedMail,
  screenshots,
} from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const mainText = async (page: Page) => (await page.locator('main').textContent()) ?? '';

/** A wall-clock day and time in Brussels, `hours` from now (the form speaks Brussels time). */
function brussels(hours: number) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() + hours * 3600_000));
  const p = (t: string) => parts.find((x) => x.type === t)!.value;
  return { day: `${p('year')}-${p('month')}-${p('day')}`, hour: p('hour') };
}

/** Types a time of day into a time field (app/ui/TimeField.tsx: hour and minute segments). */
async function fillTime(page: Page, label: string, hour: string, minute = '00') {
  const group = page.getByRole('group', { name: label, exact: true });
  await group.locator('[data-type="hour"]').pressSequentially(hour);
  await group.locator('[data-type="minute"]').pressSequentially(minute);
}

/** Ticks a checkbox (react-aria: the input itself is visually hidden) as a keyboard user does. */
async function tick(box: Locator) {
  if (await box.isChecked()) return;
  await box.focus();
  await box.page().keyboard.press('Space');
  await expect.poll(() => box.isChecked()).toBe(true);
}

/** A person without an account registers on the event's public page. */
async function register(
  locale: string,
  eventUrl: string,
  who: { name: string; email: string; organisation: string },
  labels: { name: string; email: string; organisation: string; submit: RegExp; done: RegExp },
) {
  const ctx = await newContext(browser, locale);
  const page = await ctx.newPage();
  await page.goto(eventUrl);
  await page.getByRole('textbox', { name: labels.name, exact: true }).fill(who.name);
  await page.getByRole('textbox', { name: labels.email, exact: true }).fill(who.email);
  await page.getByRole('textbox', { name: labels.organisation, exact: true }).fill(who.organisation);
  await page.getByRole('button', { name: labels.submit }).click();
  await expect.poll(() => mainText(page)).toMatch(labels.done);
  return { ctx, page };
}

const fr = {
  name: 'Nom',
  email: 'Adresse e-mail',
  organisation: 'Organisation',
  submit: /^M’inscrire$/,
  done: /Merci ! Votre demande est enregistrée/,
};
const nl = {
  name: 'Naam',
  email: 'E-mailadres',
  organisation: 'Organisatie',
  submit: /^Inschrijven$/,
  done: /Bedankt! Uw aanvraag is geregistreerd/,
};

describe('Action 4: a bilingual forum, from registration to a cross-border initiative', () => {
  it('the Lille volunteer coordinator runs a forum; a cancellation promotes the waiting list; a proposal becomes a cross-border initiative with a volunteer', async () => {
    const ctx = await newContext(browser, 'fr-BE');
    const page = await ctx.newPage();
    await login(page, 'benevolat@ccas-lille.example');

    // The coordinator creates a bilingual forum for two persons, starting in two hours (check-in opens).
    await openNav(page, 'Événements');
    await page.getByRole('link', { name: 'Nouvel événement' }).click();
    await page
      .getByRole('textbox', { name: 'Titre en français', exact: true })
      .fill('Forum e2e : bénévoles et voisinage');
    await page
      .getByRole('textbox', { name: 'Titre en néerlandais', exact: true })
      .fill('Forum e2e: vrijwilligers en buurt');
    const start = brussels(2);
    const end = brussels(4);
    await fillDate(page, 'Date de début', start.day);
    await fillTime(page, 'Heure de début', start.hour);
    await fillDate(page, 'Date de fin', end.day);
    await fillTime(page, 'Heure de fin', end.hour);
    await page
      .getByRole('textbox', { name: 'Adresse', exact: true })
      .fill('Maison de quartier, 1 rue de l’Exemple, 59000 Lille');
    await tick(page.getByRole('checkbox', { name: 'Français' }));
    await tick(page.getByRole('checkbox', { name: 'Néerlandais' }));
    await page.getByRole('spinbutton', { name: 'Nombre de places', exact: true }).fill('2');
    await tick(page.getByRole('checkbox', { name: 'Bénévoles' }));
    await tick(page.getByRole('checkbox', { name: 'CPAS Mouscron', exact: true }));
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('button', { name: 'Publier' }).click();
    await expect.poll(() => mainText(page)).toContain('Publié');
    const href = await page.getByRole('link', { name: 'Page publique' }).getAttribute('href');
    const eventUrl = new URL(href ?? '', page.url()).href;

    // Two persons register, one in Dutch; the forum is then full and a third goes on the waiting list.
    const a = await register(
      'fr-BE',
      eventUrl,
      {
        name: 'Alix Fictif',
        email: 'alix.fictif@asso.example',
        organisation: 'Association du Voisinage (fictive)',
      },
      fr,
    );
    const b = await register(
      'nl-BE',
      eventUrl,
      {
        name: 'Bram Verzonnen',
        email: 'bram.verzonnen@vzw.example',
        organisation: 'Buurtwerk vzw (fictief)',
      },
      nl,
    );
    await expectAccessible(b.page, 'public event page in Dutch');
    await screenshots(b.page, 'forum-public-nl');
    expect(await receivedMail('bram.verzonnen@vzw.example', /Uw inschrijving/)).toMatch(/bevestigd/);
    const c = await register(
      'fr-BE',
      eventUrl,
      {
        name: 'Camille Inventé',
        email: 'camille.invente@asso.example',
        organisation: 'Les Voisins solidaires (fictif)',
      },
      { ...fr, submit: /M’inscrire en liste d’attente/ },
    );
    expect(await receivedMail('camille.invente@asso.example', /liste d’attente/)).toMatch(/complet/);

    // Alix cancels from the link in her confirmation: Camille gets the place, by mail.
    const confirmation = await receivedMail('alix.fictif@asso.example', /est confirmée/);
    const cancelUrl = confirmation.match(/https?:\/\/\S+\/cancel#token=\S+/)?.[0];
    expect(cancelUrl).toBeDefined();
    await a.page.goto(cancelUrl!);
    await a.page.getByRole('button', { name: 'Annuler mon inscription' }).click();
    await expect.poll(() => mainText(a.page)).toMatch(/est annulée/);
    expect(await receivedMail('camille.invente@asso.example', /une place s’est libérée/i)).toMatch(
      /maintenant confirmée/,
    );
    for (const x of [a, b, c]) await x.ctx.close();

    // Check-in: the coordinator finds Bram on her phone and marks him present.
    await page.reload();
    await page.getByRole('link', { name: 'Accueil des participants' }).first().click();
    await expect.poll(() => mainText(page)).toContain('0 présents sur 2 attendus');
    await page.getByLabel('Rechercher (nom, e-mail, organisation)').fill('bram');
    await page.getByRole('button', { name: 'Présent : Bram Verzonnen' }).click();
    await expect.poll(() => mainText(page)).toContain('1 présents sur 2 attendus');
    await expectAccessible(page, 'check-in page');
    await screenshots(page, 'forum-check-in');
    await page.getByRole('link', { name: 'Retour à l’événement' }).click();

    // A proposal from the forum becomes an initiative with CPAS Mouscron: cross-border.
    await page
      .getByRole('textbox', { name: 'Proposition', exact: true })
      .fill('Accompagnement solidaire aux guichets');
    await page.getByRole('button', { name: 'Enregistrer la proposition' }).click();
    await page.getByRole('link', { name: 'En faire une initiative' }).click();
    await expect.poll(() => mainText(page)).toContain('Initiative issue de la proposition');
    await page
      .getByRole('textbox', { name: 'Titre en néerlandais', exact: true })
      .fill('Solidaire begeleiding aan de loketten');
    await tick(page.getByRole('checkbox', { name: 'CPAS Mouscron (BE)', exact: true }));
    await page.getByRole('combobox', { name: 'Ajouter une commune' }).fill('Mousc');
    await page
      .getByRole('option', { name: /Mouscron/ })
      .first()
      .click();
    await expect.poll(() => mainText(page)).toContain('Retirer Mouscron');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => mainText(page)).toContain('Transfrontalière');
    await page.getByRole('button', { name: 'Passer en préparation' }).click();
    await expect.poll(() => mainText(page)).toContain('En préparation');
    const initiativeUrl = page.url();

    // Léa, a Lille volunteer, is assigned to it for three hours.
    await openNav(page, 'Bénévoles');
    await page
      .getByRole('link', { name: /Léa Fictive-Desmet/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Nouvelle mission' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /Objet de la mission/ }).click();
    await page.getByRole('option', { name: 'Une initiative solidaire' }).click();
    await dialog.getByRole('button', { name: /Initiative\s*$/ }).click();
    await page.getByRole('option', { name: /Accompagnement solidaire aux guichets/ }).click();
    await fillDate(dialog, 'Date', start.day);
    await dialog.getByRole('textbox', { name: 'Heures', exact: true }).fill('3');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => mainText(page)).toContain('Accompagnement solidaire aux guichets');

    await page.goto(initiativeUrl);
    await expect.poll(() => mainText(page)).toContain('Léa Fictive-Desmet');
    await expectAccessible(page, 'initiative page');
    await screenshots(page, 'initiative');
    await ctx.close();
  });
});
