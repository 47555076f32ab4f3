import { organisationLanguage } from '../../../../common/people/referral-rules';
import {
  type AgreementDocument,
  type AgreementLanguage,
  agreementDocument,
  type Country,
  documentLanguages,
  type LocalName,
  type OrgFacts,
} from '../../../../common/placements/agreement-document';
import { agreementTexts } from '../../../../common/placements/agreement-free-text';
import type { SignatureRole } from '../../../../common/placements/agreement-rules';
import type { AgreementStatus } from '../../../../common/placements/agreement-workflow';
import type { Actor } from '../../../platform/actor';
import { audit, auditPersonRead } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import { t } from '../../../platform/i18n';
import { type PlacementAccess, type PlacementRow, placementForActor } from '../agreements/access';
import { conventionFacts } from '../agreements/convention-view';
import { renderAgreementPdf } from './render';
import * as store from './store';

/**
 * The agreement as a document for this reader: the home centre prints the person's name from its own
 * record; the host prints what its grant shows (through app.shared_person, an audited read), the
 * participant code when the identity is not shared. Members' names come only from the reader's own
 * organisation (RLS); the other side's are taken from the signatures or left to that side to give.
 */
export async function agreementDocumentFor(
  trx: Tx,
  actor: Actor,
  id: string,
  now: Date,
): Promise<{ access: PlacementAccess; document: AgreementDocument }> {
  const access = await placementForActor(trx, actor, id, 'placement.view');
  return { access, document: await documentForSide(trx, access.row, access.side, now) };
}

/**
 * One party's copy, read in a transaction acting for that party (an actor's, or a signature link's or a
 * job's acting for the organisation, with no user): the same copy the party downloads.
 */
export async function documentForSide(
  trx: Tx,
  row: PlacementRow,
  side: 'home' | 'host',
  now: Date,
): Promise<AgreementDocument> {
  const orgs = await store.organisations(trx, [row.org_id, row.host_org_id]);
  const home = orgs.find((o) => o.id === row.org_id);
  const host = orgs.find((o) => o.id === row.host_org_id);
  if (!home || !host) throw new Error(`organisations of placement ${row.id} not readable`);
  const codes = [row.municipality_code, home.municipality_code, host.municipality_code].filter(
    (c): c is string => !!c,
  );
  const territories = new Map(
    (await store.territoryNames(trx, [...new Set(codes)])).map((r) => [
      r.code,
      { fr: r.name_fr, nl: r.name_nl },
    ]),
  );
  const place = (code: string | null): LocalName | null => (code ? (territories.get(code) ?? null) : null);
  const programme = row.programme_id ? await store.programme(trx, row.programme_id) : undefined;
  const names = await store.staffNames(trx, row.id);
  const signatures = await store.signatures(trx, row.id);
  const offer = row.offer_id ? await store.offerTexts(trx, row.offer_id) : undefined;

  const orgFacts = (o: typeof home): OrgFacts => ({
    nameFr: o.name_fr,
    nameNl: o.name_nl,
    country: o.country as Country,
    street: o.street,
    postalCode: o.postal_code,
    municipality: place(o.municipality_code),
    businessId: o.business_id ? `${(o.business_id_type ?? '').toUpperCase()} ${o.business_id}`.trim() : null,
  });

  return agreementDocument(
    {
      id: row.id,
      status: row.status as AgreementStatus,
      version: row.version,
      home: orgFacts(home),
      host: orgFacts(host),
      person: await personFacts(trx, side, row.person_id),
      signatory: row.signatory === 'legal_representative' ? 'legal_representative' : 'person',
      representativeName: row.representative_name,
      siteName: row.site_name,
      siteMunicipality: place(row.municipality_code),
      municipalityCode: row.municipality_code,
      programme: programme
        ? {
            fr: programme.acronym ? `${programme.acronym} – ${programme.name_fr}` : programme.name_fr,
            nl: programme.acronym ? `${programme.acronym} – ${programme.name_nl}` : programme.name_nl,
          }
        : null,
      tasks: row.tasks,
      schedule: row.schedule,
      texts: agreementTexts(
        { tasks: row.tasks, schedule: row.schedule, language: row.language as AgreementLanguage },
        offer
          ? {
              tasksFr: offer.tasks_fr,
              tasksNl: offer.tasks_nl,
              schedule: offer.schedule,
              hostLanguage: organisationLanguage(host.region),
            }
          : null,
      ),
      hoursPerWeek: row.hours_per_week === null ? null : Number(row.hours_per_week),
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      referentName: names.referent,
      tutor: {
        assigned: row.tutor_user_id !== null,
        name: row.tutor_user_id ? names.tutor : null,
      },
      accidentInsuranceRef: row.accident_insurance_ref,
      liabilityInsuranceRef: row.liability_insurance_ref,
      convention: conventionFacts(row, side),
      sharedFields: row.shared_fields,
      readerSide: side,
      basis: row.consent_id ? 'consent' : 'override',
      signatures: signatures.map((s) => ({
        role: s.role as SignatureRole,
        version: s.version,
        signerName: s.signer_name,
        method: s.method === 'link' || s.method === 'in_person' ? s.method : null,
        requestedAt: s.requested_at,
        signedAt: s.signed_at,
      })),
      generatedAt: now,
    },
    documentLanguages(row.language as AgreementLanguage, host.region),
    (language, key, values, country) => t(language, key, values, country ?? null),
  );
}

async function personFacts(trx: Tx, side: 'home' | 'host', personId: string) {
  if (side === 'home') {
    const p = await store.homePerson(trx, personId);
    return {
      name: p ? `${p.first_name} ${p.last_name}` : null,
      birthDate: p?.birth_date ?? null,
      participantCode: p?.participant_code ?? null,
    };
  }
  const shared = await store.sharedPerson(trx, personId);
  return {
    name: shared?.firstName && shared.lastName ? `${shared.firstName} ${shared.lastName}` : null,
    birthDate: shared?.birthDate ?? null,
    participantCode: shared?.participantCode ?? null,
  };
}

/**
 * The agreement as a PDF file. The download is recorded in the audit log (in the reader's chain); the
 * person it names is a read in the home centre's chain: audited here for the home centre's own record,
 * by app.shared_person for the host.
 */
export async function exportAgreementPdf(
  trx: Tx,
  actor: Actor,
  id: string,
  opts: { now?: Date; compress?: boolean } = {},
): Promise<{ filename: string; pdf: Buffer }> {
  const now = opts.now ?? new Date();
  const { access, document } = await agreementDocumentFor(trx, actor, id, now);
  const pdf = await renderAgreementPdf(document, {
    creationDate: now,
    ...(opts.compress === undefined ? {} : { compress: opts.compress }),
  });
  if (access.side === 'home')
    await auditPersonRead(trx, {
      personIds: [access.row.person_id],
      what: 'agreement_pdf',
      detail: { placementId: access.row.id, side: access.side },
    });
  await audit(trx, {
    action: 'export',
    entity: 'placements',
    entityId: access.row.id,
    detail: { format: 'pdf', side: access.side, version: access.row.version, personId: access.row.person_id },
  });
  return { filename: document.filename, pdf };
}
