import { defaultLanguageForRegion, formattingLocale, type Language } from '../../../../common/i18n/locales';
import type { ImmersionKind } from '../../../../common/immersions/request-rules';
import type { RequestStatus } from '../../../../common/immersions/request-workflow';
import { type Actor, requirePermission } from '../../../platform/actor';
import { audit } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import { notFound } from '../../../platform/errors';
import { t } from '../../../platform/i18n';
import { sideOf } from '../requests/access';
import * as requests from '../requests/store';
import { type AgreementDocument, type AgreementFacts, agreementDocument, type OrgFacts } from './document';
import { renderAgreementPdf } from './render';
import { currentSignatures } from './signature-facts';
import * as store from './store';

/**
 * The immersion agreement of a request, for its two parties only: the visitor's organisation, and the host
 * once the visitor's manager sent the request on (RLS hides it before). Anyone else gets the 404 the
 * request itself gives. Both parties print the same facts; only the language differs, the reader's
 * organisation's by default.
 */
export async function agreementFor(
  trx: Tx,
  actor: Actor,
  id: string,
  lang: Language | undefined,
  now: Date,
): Promise<{ document: AgreementDocument; side: 'visitor' | 'host'; country: 'FR' | 'BE' | null }> {
  requirePermission(actor, 'immersion.view');
  const r = await requests.findRequest(trx, id);
  const side = r ? sideOf(actor, r) : null;
  if (!r || !side) throw notFound();
  const people = await requests.people(trx, r.id);
  return { ...(await agreementOf(trx, r, side, { lang, fallback: actor.language, now, people })), side };
}

/**
 * The agreement of a request as one side reads it, in the language asked, else that side's organisation's
 * (`fallback` when its region is unknown): for a signed-in reader and for a signer's link alike. `people`
 * names the visitor and the deciders (read by each caller as its context allows).
 */
export async function agreementOf(
  trx: Tx,
  r: requests.RequestRow,
  side: 'visitor' | 'host',
  opts: { lang: Language | undefined; fallback: Language; now: Date; people: Map<string, string> },
): Promise<{ document: AgreementDocument; country: 'FR' | 'BE' | null }> {
  const { people, now } = opts;
  const orgs = await store.organisations(trx, [r.org_id, r.host_org_id]);
  const visitorOrg = orgs.find((o) => o.id === r.org_id);
  const hostOrg = orgs.find((o) => o.id === r.host_org_id);
  if (!visitorOrg || !hostOrg) throw new Error(`organisations of immersion request ${r.id} not readable`);
  const reader = side === 'visitor' ? visitorOrg : hostOrg;
  const language = opts.lang ?? (reader.region ? defaultLanguageForRegion(reader.region) : opts.fallback);
  const country = reader.country === 'FR' || reader.country === 'BE' ? reader.country : null;

  const codes = [visitorOrg.municipality_code, hostOrg.municipality_code].filter((c): c is string => !!c);
  const places = new Map((await store.territoryNames(trx, codes)).map((p) => [p.code, p]));
  const orgFacts = (o: typeof visitorOrg): OrgFacts => {
    const place = o.municipality_code ? places.get(o.municipality_code) : undefined;
    const town = place ? (language === 'nl' ? place.name_nl : place.name_fr) : null;
    const line = [o.postal_code, town].filter(Boolean).join(' ');
    const address = [o.street, line].filter(Boolean).join(', ');
    return { nameFr: o.name_fr, nameNl: o.name_nl, address: address || null };
  };

  const offer = await store.offer(trx, r.offer_id);
  const programme = r.programme_id ? await store.programme(trx, r.programme_id) : undefined;
  const consents = await requests.listConsents(trx, r.id);
  const signatures = await currentSignatures(trx, r.id, r.agreement_version);
  const sent = r.sent_to_host_at !== null;
  const facts: AgreementFacts = {
    id: r.id,
    status: r.status as RequestStatus,
    kind: r.kind as ImmersionKind,
    theme: r.theme,
    objectives: r.objectives,
    schedule: r.schedule,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    days: r.days,
    visitorOrg: orgFacts(visitorOrg),
    hostOrg: orgFacts(hostOrg),
    hostUnit: offer && (offer.unit_fr || offer.unit_nl) ? { fr: offer.unit_fr, nl: offer.unit_nl } : null,
    hostContact: offer
      ? { name: offer.contact_name, email: offer.contact_email, phone: offer.contact_phone }
      : null,
    offerProgramme: offer ? { fr: offer.programme_fr, nl: offer.programme_nl } : null,
    programme: programme
      ? { acronym: programme.acronym ?? '', nameFr: programme.name_fr, nameNl: programme.name_nl }
      : null,
    visitorName: people.get('visitor') ?? '',
    managerName: people.get('manager') ?? null,
    hostApproverName: people.get('host') ?? null,
    managerApprovedAt: sent ? r.manager_decided_at : null,
    // A manager who returned the request to its author did not decline it: only 'declined' before sending.
    managerDeclinedAt: !sent && r.status === 'declined' ? r.manager_decided_at : null,
    hostDecidedAt: r.host_decided_at,
    confidentialityAcceptedAt: r.confidentiality_accepted_at,
    consents: consents.map((c) => ({ heldOn: c.held_on, activity: c.activity, recordedAt: c.created_at })),
    version: r.agreement_version,
    signatures,
    generatedAt: now,
  };
  const document = agreementDocument(
    facts,
    language,
    (key, values) => t(language, key, values, country),
    formattingLocale(language, country),
  );
  return { document, country };
}

/** The agreement as a PDF file; the download is recorded in the reader's audit chain. */
export async function exportAgreementPdf(
  trx: Tx,
  actor: Actor,
  id: string,
  lang: Language | undefined,
  opts: { now?: Date; compress?: boolean } = {},
): Promise<{ filename: string; pdf: Buffer }> {
  const now = opts.now ?? new Date();
  const { document, side, country } = await agreementFor(trx, actor, id, lang, now);
  const pdf = await renderAgreementPdf(document, {
    creationDate: now,
    country,
    ...(opts.compress === undefined ? {} : { compress: opts.compress }),
  });
  await audit(trx, {
    action: 'export',
    entity: 'immersion_requests',
    entityId: id,
    detail: {
      format: 'pdf',
      side,
      language: document.language,
      status: document.working ? 'working' : 'final',
    },
  });
  return { filename: document.filename, pdf };
}
