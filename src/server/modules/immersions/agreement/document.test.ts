import { describe, expect, it } from 'vitest';
import { formattingLocale, type Language } from '../../../../common/i18n/locales';
import { t } from '../../../platform/i18n';
import { pageCount, pdfInfo, pdfRuns, pdfText } from '../../placements/pdf/fixtures.testing';
import { type AgreementFacts, agreementDocument, type Item } from './document';
import { renderAgreementPdf } from './render';

const facts = (over: Partial<AgreementFacts> = {}): AgreementFacts => ({
  id: '3f2a9c1b-0000-4000-8000-000000000001',
  status: 'completed',
  kind: 'short',
  theme: 'socio_professional_insertion',
  objectives: 'Zien hoe het team jongeren naar werk begeleidt.',
  schedule: 'Dinsdag tot donderdag, 9u–16u30.',
  startsOn: '2026-10-27',
  endsOn: '2026-10-29',
  days: 3,
  visitorOrg: { nameFr: 'CPAS de Menin', nameNl: 'OCMW Menen', address: 'Kerkstraat 1, 8930 Menen' },
  hostOrg: { nameFr: 'CCAS de Tourcoing', nameNl: 'CCAS Tourcoing', address: null },
  hostUnit: { fr: 'Service insertion', nl: null },
  hostContact: { name: 'Accueil immersions', email: 'accueil@ccas-tourcoing.example', phone: null },
  offerProgramme: { fr: 'Ateliers collectifs et permanence d’accueil', nl: null },
  programme: { acronym: 'SAM-E', nameFr: 'SAM Eurométropole', nameNl: 'SAM Eurometropool' },
  visitorName: 'Ine Verzonnen',
  managerName: 'Pieter Diensthoofd',
  hostApproverName: 'Claire Accueil',
  managerApprovedAt: '2026-10-01T09:00:00Z',
  managerDeclinedAt: null,
  hostDecidedAt: '2026-10-03T14:30:00Z',
  confidentialityAcceptedAt: '2026-10-05T08:00:00Z',
  consents: [
    {
      heldOn: '2026-10-27',
      activity: 'Atelier collectif « CV et entretien »',
      recordedAt: '2026-10-27T15:00:00Z',
    },
  ],
  version: 2,
  signatures: [
    {
      role: 'visitor',
      signerName: 'Ine Verzonnen',
      method: 'account',
      signedAt: '2026-10-05T08:00:00Z',
      witness: null,
    },
    {
      role: 'visitor_org',
      signerName: 'Pieter Diensthoofd',
      method: 'in_person',
      signedAt: '2026-10-06T09:00:00Z',
      witness: 'Pieter Diensthoofd',
    },
    {
      role: 'host',
      signerName: 'Directrice Fictive',
      method: 'link',
      signedAt: '2026-10-07T10:00:00Z',
      witness: null,
    },
  ],
  generatedAt: new Date('2026-12-01T10:00:00Z'),
  ...over,
});

const build = (f: AgreementFacts, language: Language = 'fr') =>
  agreementDocument(
    f,
    language,
    (key, values) => t(language, key, values, 'BE'),
    formattingLocale(language, 'BE'),
  );
const items = (doc: ReturnType<typeof build>, id: string) => doc.blocks.find((b) => b.id === id)?.items ?? [];
const field = (doc: ReturnType<typeof build>, block: string, id: string) => {
  const item = items(doc, block).find((i) => i.kind === 'field' && i.id === id);
  return item?.kind === 'field' ? item.value : undefined;
};
const approval = (doc: ReturnType<typeof build>, id: string) =>
  items(doc, 'approvals').find(
    (i): i is Extract<Item, { kind: 'approval' }> => i.kind === 'approval' && i.id === id,
  );

describe('immersion agreement document', () => {
  it('says what an agreed immersion is, in French with typographic apostrophes', () => {
    const doc = build(facts());
    expect(doc.title).toBe('Convention d’immersion');
    expect(doc.working).toBe(false);
    expect(doc.state).toBe(
      `Signée par les trois parties (version 2) – ${t('fr', 'immersions.requests.status.completed')}.`,
    );
    expect(doc.filename).toBe('convention-immersion-3F2A9C1B.pdf');
    expect(field(doc, 'parties', 'visitor_org')).toBe('CPAS de Menin\nKerkstraat 1, 8930 Menen');
    expect(field(doc, 'parties', 'visitor')).toBe('Ine Verzonnen');
    expect(field(doc, 'parties', 'host_unit')).toBe('Service insertion');
    expect(field(doc, 'parties', 'host_contact')).toBe('Accueil immersions – accueil@ccas-tourcoing.example');
    expect(field(doc, 'immersion', 'objectives')).toBe('Zien hoe het team jongeren naar werk begeleidt.');
    expect(field(doc, 'immersion', 'dates')).toBe('Du 27 octobre 2026 au 29 octobre 2026');
    expect(field(doc, 'immersion', 'days')).toBe('3 jours');
    expect(field(doc, 'immersion', 'programme')).toBe('SAM-E – SAM Eurométropole');
    const articles = items(doc, 'articles').filter((i) => i.kind === 'subheading');
    expect(articles).toHaveLength(6);
    expect(JSON.stringify(items(doc, 'articles'))).toMatch(/secret professionnel.*ne copie/);
    expect(JSON.stringify(doc.blocks)).not.toMatch(/'/);
    expect(JSON.stringify(items(doc, 'undertaking'))).toContain(
      'Accepté par Ine Verzonnen le 5 octobre 2026.',
    );
    expect(approval(doc, 'manager')).toMatchObject({
      name: 'Pieter Diensthoofd',
      state: 'Approuvée le 1 octobre 2026',
    });
    expect(approval(doc, 'host')).toMatchObject({
      name: 'Claire Accueil',
      state: 'Approuvée le 3 octobre 2026',
    });
  });

  it('prints each signer of the current version, how and when they signed, with a line to sign on paper', () => {
    const doc = build(facts(), 'fr');
    const signature = (id: string) =>
      items(doc, 'signatures').find(
        (i): i is Extract<Item, { kind: 'approval' }> => i.kind === 'approval' && i.id === id,
      );
    expect(signature('visitor')).toMatchObject({
      label: 'Le visiteur (engagement de confidentialité compris)',
      name: 'Ine Verzonnen',
      state: 'Signée dans samen le 5 octobre 2026',
      line: true,
    });
    expect(signature('visitor_org')?.state).toBe(
      'Signée sur papier le 6 octobre 2026, en présence de Pieter Diensthoofd',
    );
    expect(signature('host')?.state).toBe('Signée par lien personnel le 7 octobre 2026');
    expect(JSON.stringify(items(doc, 'signatures'))).toContain('Version 2 de la convention.');
    // Approvals carry no line to sign: the signatures do.
    expect(approval(doc, 'manager')?.line).toBe(false);
  });

  it('keeps an agreed but unsigned agreement a working document, naming who has not signed yet', () => {
    const doc = build(
      facts({
        status: 'agreed',
        version: 1,
        signatures: [
          {
            role: 'visitor',
            signerName: 'Ine Verzonnen',
            method: 'account',
            signedAt: '2026-10-05T08:00:00Z',
            witness: null,
          },
          { role: 'host', signerName: 'Directrice Fictive', method: null, signedAt: null, witness: null },
        ],
      }),
      'nl',
    );
    expect(doc.working).toBe(true);
    expect(doc.state).toBe(
      'Werkdocument: door beide partijen overeengekomen, wacht op de handtekeningen (versie 1).',
    );
    const states = items(doc, 'signatures').flatMap((i) => (i.kind === 'approval' ? [[i.id, i.state]] : []));
    expect(states).toEqual([
      ['visitor', 'Ondertekend in samen op 5 oktober 2026'],
      ['visitor_org', 'Handtekening nog niet gevraagd'],
      ['host', 'Ondertekeningslink verstuurd, nog niet ondertekend'],
    ]);
    // Before both sides approved there is nothing to sign yet.
    expect(build(facts({ status: 'awaiting_host' })).blocks.map((b) => b.id)).not.toContain('signatures');
  });

  it('lists the host’s observer consents by date and activity, never a person', () => {
    const doc = build(facts(), 'nl');
    const consents = items(doc, 'consents').filter((i) => i.kind === 'field');
    expect(consents).toEqual([
      {
        kind: 'field',
        id: 'consent_1',
        label: '27 oktober 2026',
        value:
          'Atelier collectif « CV et entretien »\nBevestigd door de onthaalorganisatie in samen op 27 oktober 2026.',
      },
    ]);
    expect(build(facts({ consents: [] }), 'en').blocks.find((b) => b.id === 'consents')?.items[1]).toEqual({
      kind: 'paragraph',
      text: 'No agreement confirmed by the host yet.',
    });
  });

  it('marks a request not yet agreed as a working document, with what is still pending', () => {
    const doc = build(
      facts({
        status: 'awaiting_host',
        hostDecidedAt: null,
        hostApproverName: null,
        confidentialityAcceptedAt: null,
        signatures: [],
        consents: [],
        hostContact: null,
        offerProgramme: null,
        hostUnit: null,
      }),
      'nl',
    );
    expect(doc.working).toBe(true);
    expect(doc.state).toMatch(/^Werkdocument: nog niet door beide partijen overeengekomen/);
    expect(doc.title).toBe('Inleefovereenkomst');
    expect(JSON.stringify(items(doc, 'undertaking'))).toContain('Nog niet aanvaard.');
    expect(approval(doc, 'host')).toMatchObject({ name: null, state: 'Nog niet goedgekeurd' });
    expect(field(doc, 'parties', 'host_contact')).toBe('Niet opgegeven');
    expect(field(doc, 'parties', 'host_unit')).toBeUndefined();
    expect(field(doc, 'immersion', 'offer_programme')).toBeUndefined();
  });

  it('says a declined request concluded no agreement, and who declined it when', () => {
    const byHost = build(facts({ status: 'declined' }), 'en');
    expect(byHost.working).toBe(true);
    expect(byHost.state).toBe('No agreement was concluded: the request was declined.');
    expect(approval(byHost, 'host')?.state).toBe('Declined on 3 October 2026');
    const byManager = build(
      facts({
        status: 'declined',
        managerApprovedAt: null,
        managerDeclinedAt: '2026-10-02T09:00:00Z',
        hostDecidedAt: null,
      }),
      'en',
    );
    expect(approval(byManager, 'manager')?.state).toBe('Declined on 2 October 2026');
    expect(build(facts({ status: 'cancelled' }), 'fr').state).toBe(
      'Convention annulée : elle ne s’applique plus.',
    );
  });

  it('renders an A4 PDF in DejaVu with every heading, the objectives, and the approvals on one page', async () => {
    const pdf = await renderAgreementPdf(build(facts({ visitorName: 'Łucja Wiśniewska' }), 'fr'), {
      creationDate: new Date('2026-12-01T10:00:00Z'),
      compress: false,
      country: 'BE',
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toContain('/Lang (fr-BE)');
    expect(pdfInfo(pdf, 'Title')).toBe('Convention d’immersion – 3F2A9C1B');
    const text = pdfText(pdf);
    expect(text).toContain('Zien hoe het team jongeren naar werk begeleidt.');
    expect(text).toContain('Łucja Wiśniewska');
    expect(text).toContain('Article 4 – Confidentialité et secret professionnel');
    expect(text).toContain(`Page 1 sur ${pageCount(pdf)}`);
    expect(text).not.toContain('?');
    // The approvals heading, both labels and their states share one page.
    const runs = pdfRuns(pdf);
    const pageOf = (s: string) => runs.find((r) => r.text.startsWith(s))?.page;
    expect(pageOf('Approbations')).toBeDefined();
    expect(pageOf('Pour l’organisation du visiteur')).toBe(pageOf('Approbations'));
    expect(pageOf('Pour la structure d’accueil')).toBe(pageOf('Approbations'));
  });
});
