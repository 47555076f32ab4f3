import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { civilDay } from '../src/common/kernel/clock';
import { addDays } from '../src/common/placements/dates';
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

const PROFESSIONAL = 'maatschappelijk-werker@ocmw-menen.example';
const MANAGER = 'diensthoofd@ocmw-menen.example';
const HOST = 'immersions@ccas-tourcoing.example';

async function mainText(page: Page) {
  return (await page.locator('main').textContent()) ?? '';
}

/** Presses an action of a page and waits for what it leads to. */
async function act(page: Page, action: string, expected: string) {
  await page.getByRole('button', { name: action, exact: true }).click();
  await expect.poll(() => mainText(page)).toContain(expected);
}

/** Signs in one's own name from the signatures card: the row's button, the box ticked, the dialog sent. */
async function signHere(page: Page, button: string, submit: string) {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('checkbox').focus();
  await page.keyboard.press('Space');
  await dialog.getByRole('button', { name: submit, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** The Tuesday on or after a day: three days from Tuesday to Thursday are three working days. */
function tuesdayFrom(iso: string) {
  const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return addDays(iso, (2 - dow + 7) % 7);
}

describe('staff immersions across the border (Action 2)', () => {
  it('an OCMW Menen professional finds a CCAS Tourcoing offer in Dutch and asks for 3 days; her manager and the host approve; she, her centre (by a link mailed to its signatory) and the host sign the agreement; the host records an observer consent', async () => {
    const nl = await newContext(browser, 'nl-BE');
    const pro = await nl.newPage();
    await login(pro, PROFESSIONAL);
    await openNav(pro, 'Inleefstages');
    await expect.poll(() => mainText(pro)).toContain('Inleefaanbod');
    // A Dutch word finds the French centre's offer (its texts exist in both languages).
    await pro.getByLabel('Aanbod zoeken (thema, woord, dienst…)').fill('inschakeling');
    await pro.getByRole('button', { name: 'Zoeken', exact: true }).click();
    const offer = pro.getByRole('link', {
      name: 'Het socioprofessionele inschakelingstraject, van eerste gesprek tot werk',
    });
    await offer.click();
    await expect.poll(() => mainText(pro)).toContain('CCAS Tourcoing');
    await expectAccessible(pro, 'immersion offer in Dutch');
    await screenshots(pro, 'immersion-offer-nl');

    // Three days in the offer's last period, which the demo leaves free.
    const offerId = new URL(pro.url()).pathname.split('/').pop()!;
    const detail = await (await pro.request.get(`/api/immersion-offers/${offerId}`)).json();
    const periods = detail.periods as Array<{ startsOn: string; endsOn: string }>;
    const last = periods[periods.length - 1]!;
    // The later of the period's first day and today (ISO days compare as text).
    const start = tuesdayFrom([last.startsOn, civilDay(new Date())].sort()[1]!);
    const end = addDays(start, 2);

    await pro.getByRole('link', { name: 'Een inleefstage aanvragen' }).click();
    await expect.poll(() => mainText(pro)).toContain('Vorm en data');
    await pro.getByRole('button', { name: /Thema/ }).click();
    await pro.getByRole('option', { name: 'Socioprofessionele inschakeling' }).click();
    await fillDate(pro, 'Begin', start);
    await fillDate(pro, 'Einde', end);
    await pro
      .getByLabel(/^Doelstellingen/)
      .fill('Zien hoe het team van Tourcoing werkgevers betrekt bij de inschakeling van leefloners.');
    await expectAccessible(pro, 'immersion request form');
    await pro.getByRole('button', { name: 'Naar de leidinggevende sturen' }).click();
    await pro.waitForURL(/\/app\/immersions\/requests\/[0-9a-f-]{36}$/);
    const requestPath = new URL(pro.url()).pathname;
    await expect.poll(() => mainText(pro)).toContain('Bij de leidinggevende');
    // Both centres take part in the demo's current programme: the immersion counts there.
    expect(await mainText(pro)).toContain('SAM-E suite');

    // Her manager approves; the request goes to the host.
    const managerCtx = await newContext(browser, 'nl-BE');
    const manager = await managerCtx.newPage();
    await login(manager, MANAGER);
    await manager.goto(requestPath);
    await act(manager, 'Goedkeuren en naar de onthaalorganisatie sturen', 'Bij de onthaalorganisatie');

    // The host, in French, accepts the visitor and signs for its centre in its own name.
    const fr = await newContext(browser, 'fr-FR');
    const host = await fr.newPage();
    await login(host, HOST);
    await host.goto(requestPath);
    await expect.poll(() => mainText(host)).toContain('Chez l’hôte');
    await expectAccessible(host, 'immersion request, host side');
    await act(host, 'Accepter l’immersion', 'Signatures de la convention');
    await signHere(host, 'Signer maintenant · Pour la structure d’accueil', 'Signer maintenant');
    await expect.poll(() => mainText(host)).toContain('Signée dans samen le');
    await screenshots(host, 'immersion-signatures-host-fr');

    // The manager has a signing link mailed to whoever signs for OCMW Menen (a fictional chair).
    await manager.reload();
    await manager
      .getByRole('button', { name: 'Link versturen · Voor de organisatie van de bezoeker' })
      .click();
    const ask = manager.getByRole('dialog');
    await ask.getByLabel(/^Naam van wie ondertekent/).fill('Voorzitter Verzonnen');
    await ask.getByLabel(/^E-mailadres/).fill('voorzitter@ocmw-menen.example');
    await ask.getByRole('button', { name: 'Link versturen', exact: true }).click();
    await expect.poll(() => mainText(manager)).toContain('Link verstuurd naar voorzitter@ocmw-menen.example');
    await managerCtx.close();
    const mail = await receivedMail('voorzitter@ocmw-menen.example', /\/immersion-sign#token=/);
    const link = /https?:\/\/\S+\/immersion-sign#token=\S+/.exec(mail)?.[0];
    expect(link).toBeTruthy();
    const chairCtx = await newContext(browser, 'fr-BE');
    const chair = await chairCtx.newPage();
    await chair.goto(new URL(link!).pathname + new URL(link!).hash);
    // The page speaks the signer's side's language (Dutch for Menen), whatever the browser's.
    await expect
      .poll(() => chair.locator('body').textContent())
      .toContain('Een inleefovereenkomst ondertekenen');
    expect(await chair.locator('body').textContent()).toContain('Zien hoe het team van Tourcoing');
    await expectAccessible(chair, 'immersion signing link');
    await screenshots(chair, 'immersion-sign-link-nl');
    await chair.getByRole('checkbox').focus();
    await chair.keyboard.press('Space');
    await chair.getByRole('button', { name: 'De overeenkomst ondertekenen' }).click();
    await expect
      .poll(() => chair.locator('body').textContent())
      .toContain('uw handtekening is geregistreerd');
    await chairCtx.close();

    // The visitor signs last, which is her confidentiality undertaking.
    await pro.reload();
    await signHere(
      pro,
      'Nu ondertekenen · De bezoeker (met de vertrouwelijkheidsverbintenis)',
      'Nu ondertekenen',
    );
    await expect.poll(() => mainText(pro)).toContain('Aanvaard door Lotte Uitwisseling');
    expect(await mainText(pro)).toContain('Ondertekend door de drie partijen');
    await screenshots(pro, 'immersion-request-agreed-nl');

    // The host confirms that the persons met agree to an observer, for one interview.
    await host.reload();
    await host.getByRole('button', { name: 'Confirmer un accord' }).click();
    const consent = host.getByRole('dialog');
    await fillDate(consent, 'Date', start);
    await consent.getByLabel(/^Entretien ou activité/).fill('Entretien d’accueil de la permanence insertion');
    await consent.getByRole('button', { name: 'Confirmer', exact: true }).click();
    await expect.poll(() => mainText(host)).toContain('Entretien d’accueil de la permanence insertion');
    await fr.close();
    await nl.close();
  });

  it('she writes the logbook and the report of the immersion ending on the last working day and draws a practice sheet; her manager publishes it and CPAS Mouscron records that it adopted it', async () => {
    const nl = await newContext(browser, 'nl-BE');
    const pro = await nl.newPage();
    await login(pro, PROFESSIONAL);
    const mine = await (await pro.request.get('/api/immersions/requests?scope=mine')).json();
    const current = (mine.items as Array<{ id: string; status: string; endsOn: string }>).find(
      (i) => i.status === 'in_progress',
    );
    expect(current, 'the demo immersion ending today').toBeTruthy();
    await pro.goto(`/app/immersions/requests/${current!.id}`);
    await expect.poll(() => mainText(pro)).toContain('Logboek');

    await pro.getByRole('button', { name: 'Een notitie toevoegen' }).click();
    const note = pro.getByRole('dialog');
    // Its last day (today, or Friday when the demo was seeded on a weekend).
    await fillDate(note, 'Datum', current!.endsOn);
    await note.getByLabel(/^Notitie/).fill('Werkgeversdag bijgewoond: acht werkgevers, twaalf kandidaten.');
    await note.getByRole('checkbox', { name: 'Deze notitie delen met de onthaalorganisatie' }).focus();
    await pro.keyboard.press('Space');
    await note.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => mainText(pro)).toContain('acht werkgevers, twaalf kandidaten');

    await act(pro, 'Inleefstage afronden', 'Afgerond');
    await pro.getByLabel(/^Wat mij verraste/).fill('De werkgevers komen zelf naar het CCAS.');
    await pro.getByLabel(/^Wat anders werkt/).fill('Een vaste werkgeversdag per maand.');
    await pro.getByLabel(/^Wat we bij ons kunnen overnemen/).fill('Een maandelijkse werkgeversdag in Menen.');
    await act(pro, 'Verslag indienen (de onthaalorganisatie leest het)', 'Ingediend op');
    await screenshots(pro, 'immersion-report-nl');

    await pro.getByRole('button', { name: 'Een goede-praktijkfiche uit dit verslag halen' }).click();
    await pro.waitForURL(/\/app\/practices\/[0-9a-f-]{36}\/edit$/);
    const sheetPath = new URL(pro.url()).pathname.replace(/\/edit$/, '');
    await expect.poll(() => mainText(pro)).toContain('Een maandelijkse werkgeversdag in Menen.');
    await nl.close();

    // Her manager publishes it to the network.
    const managerCtx = await newContext(browser, 'nl-BE');
    const manager = await managerCtx.newPage();
    await login(manager, MANAGER);
    await manager.goto(sheetPath);
    await act(manager, 'Publiceren in het netwerk', 'Gepubliceerd in het netwerk');
    await managerCtx.close();

    // CPAS Mouscron, in French, records that it adopted the practice.
    const fr = await newContext(browser, 'fr-BE');
    const mouscron = await fr.newPage();
    await login(mouscron, 'coordination@cpas-mouscron.example');
    await mouscron.goto(sheetPath);
    await mouscron.getByRole('button', { name: 'Signaler notre reprise' }).click();
    const takeUp = mouscron.getByRole('dialog');
    await takeUp.getByRole('button', { name: /Étape/ }).click();
    await mouscron.getByRole('option', { name: 'Adoptée' }).click();
    await fillDate(takeUp, 'Depuis le', civilDay(new Date()));
    await takeUp.getByLabel(/^Ce qui le montre/).fill('Une journée employeurs par mois depuis ce mois-ci.');
    await takeUp.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect.poll(() => mainText(mouscron)).toContain('Une journée employeurs par mois');
    await expectAccessible(mouscron, 'practice sheet with a take-up');
    await screenshots(mouscron, 'practice-adopted-fr');
    await fr.close();
  });

  it('the Service Action Migrants tutor records the Binche trainee’s progress on a module, in French', async () => {
    const fr = await newContext(browser, 'fr-BE');
    const tutor = await fr.newPage();
    await login(tutor, 'tutrice@cpas-charleroi.example');
    await openNav(tutor, 'Immersion formative');
    await tutor
      .getByRole('link', { name: /CPAS Binche/ })
      .first()
      .click();
    await expect.poll(() => mainText(tutor)).toContain('Plan de formation');
    await tutor.getByRole('button', { name: 'Enregistrer la progression : Insertion sociale' }).click();
    const dialog = tutor.getByRole('dialog');
    await dialog.getByLabel(/^Acquis/).fill('70');
    await dialog
      .getByLabel(/^Commentaire/)
      .fill('Mène seule les entretiens d’orientation depuis trois semaines.');
    await dialog.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect.poll(() => mainText(tutor)).toContain('Mène seule les entretiens d’orientation');
    await expectAccessible(tutor, 'formative learning plan');
    await screenshots(tutor, 'formative-plan-fr');
    await fr.close();
  });
});
