import type {
  ClinicalNoteInput,
  ClinicalNoteList,
  Created,
} from '../../../../common/accompaniment/teams-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import { audit } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import { conflict, notFound, validationFailed } from '../../../platform/errors';
import { fieldCipher } from '../../../platform/keys/field-cipher';
import type { Secrets } from '../../../platform/secrets';
import { loadRequest } from './requests';
import * as store from './store';

/**
 * The team's clinical notes: encrypted at field level (AES-256-GCM with the team organisation's data key,
 * ADR 0031, as a person's national number), written and read only by the clinical roles (accompaniment.clinical: psychologist,
 * paramedical) of the team's organisation. The database refuses everyone else too (migration 0055:
 * app.current_user_clinical), and the ciphertext never reaches the audit log, a list or an export.
 */

const FIELD = 'accompaniment_clinical_notes.body' as const;

async function clinicalRequest(trx: Tx, actor: Actor, requestId: string) {
  requirePermission(actor, 'accompaniment.clinical');
  const { row, side } = await loadRequest(trx, actor, requestId);
  // The requesting organisation's psychologist is not the team's: the notes are not theirs to know of.
  if (side !== 'team') throw notFound('accompaniment.teams.requests.errors.not_found');
  return row;
}

export async function listClinicalNotes(
  trx: Tx,
  actor: Actor,
  secrets: Secrets,
  requestId: string,
): Promise<ClinicalNoteList> {
  await clinicalRequest(trx, actor, requestId);
  const rows = await store.clinicalNotes(trx, requestId);
  // The team's organisation is the current one (clinicalRequest): its key is the only one reachable.
  const cipher = rows.length > 0 ? await fieldCipher(trx, secrets) : null;
  if (rows.length > 0)
    await audit(trx, {
      action: 'read',
      entity: 'accompaniment_clinical_notes',
      entityId: requestId,
      detail: { ids: rows.map((r) => r.id), count: rows.length },
    });
  return {
    items: rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      body: cipher ? cipher.open(FIELD, r.body_enc) : '',
      writtenBy: r.writer ?? '',
      createdAt: new Date(r.created_at).toISOString(),
    })),
  };
}

export async function addClinicalNote(
  trx: Tx,
  actor: Actor,
  secrets: Secrets,
  requestId: string,
  input: ClinicalNoteInput,
): Promise<Created> {
  const row = await clinicalRequest(trx, actor, requestId);
  if (row.status !== 'accepted') throw conflict('accompaniment.teams.interventions.errors.not_accepted');
  const body = input.body.trim();
  if (body.length < 2) throw validationFailed([{ path: 'body', code: 'validation.required' }]);
  const personId = input.personId ?? null;
  if (personId && !(await store.requestPersonIds(trx, requestId)).includes(personId))
    throw validationFailed([
      { path: 'personId', code: 'accompaniment.teams.interventions.errors.person_not_in_request' },
    ]);
  const cipher = await fieldCipher(trx, secrets);
  if (cipher.orgId !== row.team_org_id) throw notFound('accompaniment.teams.requests.errors.not_found');
  const created = await store.insertClinicalNote(trx, {
    request_id: requestId,
    org_id: row.team_org_id,
    person_id: personId,
    body_enc: cipher.seal(FIELD, body),
    written_by: actor.userId,
  });
  return { id: created.id };
}
