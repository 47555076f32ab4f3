import type { Language } from '../../../../common/i18n/locales';
import type { SubjectExport } from '../../../../common/people/subject-rights-endpoints';
import { type Actor, requirePermission } from '../../../platform/actor';
import { audit } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { notFound } from '../../../platform/errors';
import { t } from '../../../platform/i18n';

export interface SubjectPerson {
  id: string;
  participantCode: string;
  firstName: string;
  lastName: string;
  preferredLanguage: Language;
  orgName: string;
  orgCountry: 'FR' | 'BE';
}

/** A person of the actor's organisation (RLS: another organisation's is a 404), with the permission. */
export async function subjectPerson(trx: Tx, actor: Actor, id: string): Promise<SubjectPerson> {
  requirePermission(actor, 'person.subject_rights');
  const p = await trx
    .selectFrom('persons as p')
    .innerJoin('organisations as o', 'o.id', 'p.org_id')
    .select([
      'p.id',
      'p.participant_code',
      'p.first_name',
      'p.last_name',
      'p.preferred_language',
      'o.name_fr',
      'o.name_nl',
      'o.country',
    ])
    .where('p.id', '=', id)
    .where('p.org_id', '=', actor.orgId)
    .executeTakeFirst();
  if (!p) throw notFound();
  return {
    id: p.id,
    participantCode: p.participant_code,
    firstName: p.first_name,
    lastName: p.last_name,
    preferredLanguage: p.preferred_language as Language,
    orgName: p.country === 'BE' && p.preferred_language === 'nl' ? p.name_nl : p.name_fr,
    orgCountry: p.country as 'FR' | 'BE',
  };
}

/**
 * Everything samen holds about a person, from every module (GDPR art. 15, ADR 0032), section titles in
 * `language`. One audit entry names the person, the format and the sections' sizes, never their content.
 */
export async function collectSubjectData(
  trx: Tx,
  deps: Pick<Deps, 'modules' | 'clock' | 'secrets'>,
  actor: Actor,
  person: SubjectPerson,
  language: Language,
  format: 'json' | 'pdf',
): Promise<SubjectExport> {
  const sections: SubjectExport['sections'] = [];
  for (const m of deps.modules)
    for (const provider of m.subjectData ?? [])
      for (const s of await provider.collect(trx, actor, person.id, deps.secrets))
        sections.push({
          ...s,
          title: t(language, `people.subject_rights.section.${s.key}`, {}, person.orgCountry),
        });
  await audit(trx, {
    action: 'export',
    entity: 'persons',
    entityId: person.id,
    detail: {
      what: 'subject_data',
      format,
      language,
      rows: Object.fromEntries(sections.map((s) => [s.key, s.rows.length])),
    },
  });
  return {
    personId: person.id,
    participantCode: person.participantCode,
    organisation: person.orgName,
    generatedAt: deps.clock.now().toISOString(),
    sections,
  };
}
