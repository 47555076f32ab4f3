import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, fillDate, launch, login, newContext, receivedMail, screenshots } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const mainText = async (page: Page) => (await page.locator('main').textContent()) ?? '';

/** Picks an option of a select (app/ui/fields.tsx) whose button is named after its label. */
async function choose(scope: Page | Locator, label: RegExp, option: string | RegExp) {
  await scope.getByRole('button', { name: label }).click();
  const page = 'page' in scope ? scope.page() : scope;
  await page
    .getByRole('option', { name: option, ...(typeof option === 'string' ? { exact: true } : {}) })
    .click();
}

/** Types a time of day into a time field (app/ui/TimeField.tsx: hour and minute segments). */
async function fillTime(page: Page, label: string, hour: string, minute = '00') {
  const group = page.getByRole('group', { name: label, exact: true });
  await group.locator('[data-type="hour"]').pressSequentially(hour);
  await group.locator('[data-type="minute"]').pressSequentially(minute);
}

/** The Brussels day and hour `hours` from now (the form speaks Brussels time). */
function brussels(hours: number) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() + hours * 3600_000));
  const p = (t: string) => parts.find((x) => x.type === t)!.value;
  return { day: `${p('year')}-${p('month')}-${p('day')}`, hour: p('hour') };
}

/**
 * AB Réfugiés (issue 14): the Dutch-speaking Wereldhuis professional books a Tigrinya interpreter by phone
 * from the Flemish social interpreting service and confirms it with the interpreter the service named; the
 * external interpreter opens the mailed link and sees that booking only; an outreach contact is logged
 * (a pseudonym that is an e-mail is refused) and linked to a consenting person's record.
 */
describe('interpreting and outreach', () => {
  const interpreterEmail = `tolk.${Date.now()}@sociaaltolken.example`;

  it('books a Tigrinya phone interpreter and opens the link as the external interpreter', async () => {
    const ctx = await newContext(browser, 'nl-BE');
    const page = await ctx.newPage();
    await login(page, 'begeleider@wereldhuis.example');
    await page.goto('/app/accompaniment');
    await page.getByRole('link', { name: 'Tolken', exact: true }).click();
    await page.getByRole('link', { name: 'Een tolk boeken' }).click();
    await page.locator('h1', { hasText: 'Een tolk boeken' }).waitFor();

    await choose(page, /Taal/, /^Tigrinya \(tir\)$/);
    await page.getByRole('textbox', { name: 'Te bellen nummer' }).fill('+32 56 12 34 56');
    // Within the next hour or so: the link opens from 24 h before the start.
    const slot = brussels(1);
    await fillDate(page, 'Dag', slot.day);
    await fillTime(page, 'Begin (Brusselse tijd)', slot.hour, '00');
    await fillTime(page, 'Einde (Brusselse tijd)', slot.hour, '50');
    await choose(page, /Voorkeur geslacht tolk/, 'Een vrouwelijke tolk');
    await page
      .getByRole('textbox', { name: 'Wat de tolk moet weten' })
      .fill('Gesprek over huisvesting na erkenning.');
    await page
      .getByRole('textbox', { name: 'Externe dienst' })
      .fill('Agentschap Integratie en Inburgering – Sociaal Tolken');
    await page.getByRole('textbox', { name: 'Kostenplaats' }).fill('AB-REF-VLG');
    await screenshots(page, 'interpreting-form-nl');
    await page.getByRole('button', { name: 'Boeking versturen' }).click();
    await expect.poll(() => mainText(page)).toMatch(/Aangevraagd/);

    // The service named its interpreter: the booker confirms with the name and the address.
    await page.getByRole('textbox', { name: 'Tolk', exact: true }).fill('Hiwet Tolk-Fictief');
    await page.getByRole('textbox', { name: 'E-mailadres van de tolk' }).fill(interpreterEmail);
    await page.getByRole('button', { name: 'Bevestigen', exact: true }).click();
    await expect.poll(() => mainText(page)).toMatch(/Bevestigd/);
    await expect.poll(() => mainText(page)).toMatch(/Er wordt een link|werd naar de tolk gestuurd/);
    await expectAccessible(page, 'the booking page');
    await screenshots(page, 'interpreting-booking-nl');
    await ctx.close();

    // The external interpreter: no account, the link from the mail, that booking only.
    const mail = await receivedMail(interpreterEmail, /#token=/);
    const link = /(https?:\/\/\S+\/interpreting\/[0-9a-f-]+\?lang=nl#token=[A-Za-z0-9_-]+)/.exec(mail)?.[1];
    expect(link, mail).toBeTruthy();
    expect(mail).not.toContain('+32 56 12 34 56');
    const outside = await newContext(browser, 'nl-BE');
    const tolk = await outside.newPage();
    await tolk.goto(new URL(link!).pathname + new URL(link!).search + new URL(link!).hash);
    await expect.poll(() => mainText(tolk)).toMatch(/Tolkopdracht/);
    await expect.poll(() => mainText(tolk)).toMatch(/Tigrinya/);
    const text = await mainText(tolk);
    expect(text).toContain('+32 56 12 34 56');
    expect(text).toContain('Gesprek over huisvesting');
    expect(text).not.toContain('AB-REF-VLG');
    await expectAccessible(tolk, 'the external interpreter page');
    await screenshots(tolk, 'interpreting-external-nl');
    // The same page in French, by ?lang; a wrong token shows the refusal, nothing else.
    await tolk.goto(`${new URL(link!).pathname}?lang=fr${new URL(link!).hash}`);
    await expect.poll(() => mainText(tolk)).toMatch(/Mission d’interprétariat/);
    await tolk.goto(`${new URL(link!).pathname}?lang=nl#token=${'x'.repeat(43)}`);
    await expect.poll(() => mainText(tolk)).toMatch(/geeft nu geen toegang/);
    await outside.close();
  });

  it('logs an outreach contact and links it to a consenting person', async () => {
    const ctx = await newContext(browser, 'nl-BE');
    const page = await ctx.newPage();
    await login(page, 'begeleider@wereldhuis.example');
    await page.goto('/app/accompaniment');
    await page.getByRole('link', { name: 'Contacten outreachend werken', exact: true }).click();
    await page.getByRole('link', { name: 'Een contact noteren' }).click();
    await page.getByRole('textbox', { name: 'Plaats', exact: true }).fill('Station Kortrijk');
    const pseudonym = page.getByRole('textbox', { name: /^Pseudoniem of bijnaam/ });
    await pseudonym.fill('ahmad@exemple.example');
    await expect.poll(() => mainText(page)).toMatch(/Een pseudoniem mag geen e-mailadres zijn/);
    await pseudonym.fill('Ahmad');
    await choose(page, /Leeftijdsgroep/, '26 tot 35');
    await choose(page, /Taal/, /^Dari \(prs\)$/);
    await page.getByRole('checkbox', { name: 'Onderdak' }).check({ force: true });
    await page.getByRole('textbox', { name: /^Doorverwijzing/ }).fill('Wereldhuis onthaal');
    await screenshots(page, 'outreach-form-nl');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => mainText(page)).toMatch(/Niet gekoppeld aan een dossier/);

    // Ahmad consented at the Wereldhuis: link this contact to his record.
    await page.getByRole('searchbox', { name: /Een persoon zoeken/ }).fill('Exemple-Karimi');
    await page.getByRole('button', { name: 'Aan dit dossier koppelen' }).first().click();
    await expect.poll(() => mainText(page)).toMatch(/Gekoppeld aan het dossier van Ahmad Exemple-Karimi/);
    await expectAccessible(page, 'the outreach contact page');
    await screenshots(page, 'outreach-linked-nl');
    await page.getByRole('link', { name: 'Contacten outreachend werken' }).first().click();
    await expect.poll(() => mainText(page)).toMatch(/personen? bereikt/);
    await screenshots(page, 'outreach-list-nl');
    await ctx.close();
  });
});
