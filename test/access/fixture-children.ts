import { sql } from 'kysely';
import type { referralFixtures } from '../../src/server/modules/people/referrals/fixtures.testing';
import type { TestApp } from '../support/app';
import { first, type Probe } from './fixture-shared';

/** What the child records hang on: the two organisations, a member of each, the parents' maps. */
export interface ChildContext {
  db: TestApp['db']['engine']['db'];
  orgA: string;
  orgB: string;
  a: { userId: string; orgId: string };
  b: { userId: string; orgId: string };
  own: Map<string, string | undefined>;
  other: Map<string, string | undefined>;
  /** Consents are written through the people module's fixtures. */
  f: ReturnType<typeof referralFixtures>;
  ownPerson: string;
  otherPerson: string;
  ownEvent: string | undefined;
  ownTeam: { id: string | undefined };
  otherTeam: { memberId: string | undefined };
}

/**
 * The access matrix's child records (issue 16): the secondary ids of `/api/<parent>/:id/<children>/:childId`
 * added to the maps, and the probes the one-id-per-key maps cannot express.
 */
export async function childRecords(ctx: ChildContext): Promise<{ probes: Probe[] }> {
  const { db, orgA, orgB, a, b, own, other, f, ownPerson, otherPerson, ownEvent, ownTeam, otherTeam } = ctx;
  // Secondary ids: a child record under its parent above (`/api/<parent>/:id/<children>/:childId`). The
  // "other" child is one of the other parent's, so both ids are another organisation's.
  const third = await first(
    db,
    sql`select id from organisations where id not in (${orgA}, ${orgB}) order by name_fr limit 1`,
  );
  const bytes = (text: string) => Buffer.from(`%PDF-1.4 ${text}`);
  const itemOf = (declarationId: string | undefined) =>
    first(
      db,
      sql`select id from expenditure_items where declaration_id = ${declarationId} order by id limit 1`,
    );
  // The other declaration is submitted, and its proofs read-only (expenditure_proof_guard): its proof is
  // written as if uploaded while it was a draft, the guard's trigger set aside for that one insert.
  const proof = (itemId: string | undefined, filename: string) =>
    db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      return first(
        trx,
        sql`insert into expenditure_proofs (item_id, declaration_id, org_id, lead_org_id, filename, media_type,
          size_bytes, sha256, content)
          select i.id, i.declaration_id, i.org_id, i.lead_org_id, ${filename}, 'application/pdf',
            octet_length(${bytes(filename)}::bytea), encode(sha256(${bytes(filename)}::bytea), 'hex'), ${bytes(filename)}
          from expenditure_items i where i.id = ${itemId} returning id`,
      );
    });
  // Sealed texts are written as the application writes them, with the owner's key (migrations 0077, 0080).
  const stay = async (placementId: string | undefined, reason: string, m: ChildContext['a']) =>
    first(
      db,
      sql`insert into placement_stays_abroad (org_id, host_org_id, placement_id, starts_on, ends_on, reason,
        recorded_by) select org_id, host_org_id, id, starts_on, starts_on + 2,
          ${await f.seal(m, 'placement_stays_abroad.reason', reason)}, ${m.userId}
        from placements where id = ${placementId} returning id`,
    );
  const objective = async (pathwayId: string | undefined, title: string, m: ChildContext['a']) => {
    const id = await first(
      db,
      sql`insert into pathway_objectives (org_id, pathway_id, title)
        select org_id, id, ${await f.seal(m, 'pathway_objectives.title', title)}
        from pathways where id = ${pathwayId} returning id`,
    );
    const action = await first(
      db,
      sql`insert into pathway_actions (org_id, objective_id, title)
        select org_id, id, ${await f.seal(m, 'pathway_actions.title', `${title} action`)}
        from pathway_objectives where id = ${id} returning id`,
    );
    return { id, action };
  };
  const attachment = (sheetId: string | undefined, filename: string) =>
    first(
      db,
      sql`insert into practice_attachments (sheet_id, org_id, filename, media_type, size_bytes, sha256, content)
        select id, org_id, ${filename}, 'application/pdf', octet_length(${bytes(filename)}::bytea),
          encode(sha256(${bytes(filename)}::bytea), 'hex'), ${bytes(filename)}
        from practice_sheets where id = ${sheetId} returning id`,
    );
  const training = (volunteerId: string | undefined, title: string) =>
    first(
      db,
      sql`insert into volunteer_trainings (volunteer_id, org_id, title, followed_on)
        select id, org_id, ${title}, current_date - 10 from volunteers where id = ${volunteerId} returning id`,
    );
  const formativeItem = (table: 'formative_plan_items' | 'formative_sessions' | 'formative_projects') =>
    first(
      db,
      sql`select id from ${sql.table(table)} where partnership_id = ${other.get('formative/:id')} order by id limit 1`,
    );
  // A service link A is no party to, of the other service (links are network-readable: no secret in them).
  const otherLink = await first(
    db,
    sql`select id from service_links where ${other.get('services/:id')} in (service_id, partner_service_id)
      and ${orgA} not in (org_id, partner_org_id) limit 1`,
  );
  // A take-up of a published sheet by an organisation other than A, of a sheet not A's: the take-up is
  // network-readable, its evidence file only its recorder's and the sheet owner's (takeups/service.ts).
  const otherTakeUp = (
    await sql<{ id: string; sheet_id: string }>`update practice_take_ups
      set evidence_filename = 'evidence.pdf', evidence_media_type = 'application/pdf',
        evidence_content = ${bytes('Leakcheck evidence')}, evidence_size_bytes = octet_length(${bytes('Leakcheck evidence')}::bytea),
        evidence_sha256 = encode(sha256(${bytes('Leakcheck evidence')}::bytea), 'hex')
      where id = (select t.id from practice_take_ups t where t.org_id <> ${orgA} and t.sheet_org_id <> ${orgA}
        and t.evidence_sha256 is null order by t.id limit 1)
      returning id, sheet_id`.execute(db)
  ).rows[0];
  const ownObjective = await objective(own.get('pathways/:id'), 'Ownmatrix objective', a);
  const otherObjective = await objective(other.get('pathways/:id'), 'Leakcheck objective', b);
  const ownVolunteerOrg = await first(
    db,
    sql`select org_id as id from volunteer_organisations where volunteer_id = ${own.get('volunteers/:id')} limit 1`,
  );
  const ownItem = await itemOf(own.get('expenditure/:id'));
  const otherItem = await itemOf(other.get('expenditure/:id'));
  const secondary: [string, string | undefined, string | undefined][] = [
    ['items/:itemId', ownItem, otherItem],
    [
      'proofs/:proofId',
      await proof(ownItem, 'ownmatrix-proof.pdf'),
      await proof(otherItem, 'leakcheck-proof.pdf'),
    ],
    [
      'stays-abroad/:stayId',
      await stay(own.get('placements/:id'), 'Ownmatrix stay', a),
      await stay(other.get('placements/:id'), 'Leakcheck stay', b),
    ],
    [
      'consents/:cid',
      await f.createConsent(a, ownPerson, { categories: ['identity'], recipients: [orgB] }),
      await f.createConsent(b, otherPerson, { categories: ['identity'], recipients: third ? [third] : [] }),
    ],
    ['objectives/:id', ownObjective.id, otherObjective.id],
    ['actions/:id', ownObjective.action, otherObjective.action],
    // Every demo programme A is not a member of has no document: one by SQL (RLS: members read them).
    [
      'documents/:documentId',
      undefined,
      await first(
        db,
        sql`insert into programme_documents (programme_id, org_id, filename, media_type, size_bytes, sha256, content)
          select id, org_id, 'leakcheck.pdf', 'application/pdf', octet_length(${bytes('Leakcheck')}::bytea),
            encode(sha256(${bytes('Leakcheck')}::bytea), 'hex'), ${bytes('Leakcheck')}
          from programmes where id = ${other.get('programmes/:id')} returning id`,
      ),
    ],
    [
      'links/:linkId',
      await first(
        db,
        sql`select id from service_links where ${own.get('services/:id')} in (service_id, partner_service_id) limit 1`,
      ),
      otherLink,
    ],
    [
      'attachments/:attachmentId',
      await attachment(own.get('practices/:id'), 'ownmatrix.pdf'),
      await attachment(other.get('practices/:id'), 'leakcheck.pdf'),
    ],
    [
      'take-ups/:takeUpId',
      await first(db, sql`select id from practice_take_ups where org_id = ${orgA} limit 1`),
      otherTakeUp?.id,
    ],
    [
      'trainings/:trainingId',
      await training(own.get('volunteers/:id'), 'Ownmatrix training'),
      await training(other.get('volunteers/:id'), 'Leakcheck training'),
    ],
    ['organisations/:orgId', ownVolunteerOrg ?? third, orgB],
    // B's draft analysis has version 1 only, its own to read.
    ['versions/:number', undefined, '1'],
    ['plan/:itemId', undefined, await formativeItem('formative_plan_items')],
    ['sessions/:itemId', undefined, await formativeItem('formative_sessions')],
    ['projects/:itemId', undefined, await formativeItem('formative_projects')],
    // The admin module looks a member up in the caller's organisation only: B's referent is none of A's.
    ['members/:userId', a.userId, b.userId],
  ];
  for (const [key, ownId, otherId] of secondary) {
    own.set(key, ownId);
    other.set(key, otherId);
  }

  // Probes the one-id-per-key maps cannot express: a child of another organisation under A's own parent
  // (a use case that checks the parent, then loads the child by its id alone, would answer), and children
  // whose parent the maps do not fill. Each is another organisation's record: no caller of A gets a 2xx.
  const probes: Probe[] = [];
  const probe = (endpoint: string, ids: (string | undefined)[], body?: unknown) => {
    let k = 0;
    const url = endpoint.replace(/^\S+ /, '').replace(/:[A-Za-z]+/g, () => {
      const id = ids[k++];
      if (id === undefined) throw new Error(`access matrix probe without a record: ${endpoint}`);
      return encodeURIComponent(id);
    });
    probes.push({ endpoint, url, body });
  };
  const ownExp = own.get('expenditure/:id');
  // A valid item (the shaped one stops at the item rules, before the item is looked up).
  const item = {
    category: 'travel',
    actionId: null,
    description: 'Access matrix probe',
    supplier: null,
    invoiceNumber: null,
    invoiceDate: null,
    paidOn: null,
    amount: '10.00',
    proofRef: null,
  };
  probe('PUT /api/expenditure/:id/items/:itemId', [ownExp, otherItem], item);
  probe('DELETE /api/expenditure/:id/items/:itemId', [ownExp, otherItem]);
  probe('GET /api/expenditure/:id/proofs/:proofId/file', [ownExp, other.get('proofs/:proofId')]);
  probe('DELETE /api/expenditure/:id/proofs/:proofId', [ownExp, other.get('proofs/:proofId')]);
  probe('DELETE /api/placements/:id/stays-abroad/:stayId', [
    own.get('placements/:id'),
    other.get('stays-abroad/:stayId'),
  ]);
  probe('POST /api/people/:id/consents/:cid/withdraw', [ownPerson, other.get('consents/:cid')]);
  probe('POST /api/services/:id/links/:linkId/accept', [own.get('services/:id'), otherLink]);
  probe('POST /api/services/:id/links/:linkId/end', [own.get('services/:id'), otherLink]);
  const ownSheet = own.get('practices/:id');
  const otherAttachment = other.get('attachments/:attachmentId');
  probe('GET /api/practices/:id/attachments/:attachmentId/file', [ownSheet, otherAttachment]);
  probe('DELETE /api/practices/:id/attachments/:attachmentId', [ownSheet, otherAttachment]);
  probe('GET /api/practices/:id/take-ups/:takeUpId/evidence', [ownSheet, otherTakeUp?.id]);
  // The take-up under its own (published) sheet: readable, its evidence file and its removal are not A's
  // (adding the file is multipart: a JSON probe would stop at the content type).
  for (const e of [
    'GET /api/practices/:id/take-ups/:takeUpId/evidence',
    'DELETE /api/practices/:id/take-ups/:takeUpId',
  ])
    probe(e, [otherTakeUp?.sheet_id, otherTakeUp?.id]);
  probe('DELETE /api/volunteers/:id/trainings/:trainingId', [
    own.get('volunteers/:id'),
    other.get('trainings/:trainingId'),
  ]);
  const otherRegistration = other.get('registrations/:registrationId');
  probe('PUT /api/events/:id/registrations/:registrationId/attendance', [ownEvent, otherRegistration]);
  probe('POST /api/events/:id/registrations/:registrationId/cancellation', [ownEvent, otherRegistration]);
  probe('DELETE /api/accompaniment/teams/:id/members/:memberId', [ownTeam.id, otherTeam.memberId]);
  // Another organisation's published analysis at its draft version (RLS: a draft is its organisation's).
  const draftVersion = (
    await sql<{
      id: string;
      number: number;
    }>`select v.analysis_id as id, v.number from obs_analysis_versions v
      where v.org_id <> ${orgA} and v.status = 'draft' and exists (select 1 from obs_analysis_versions p
        where p.analysis_id = v.analysis_id and p.status = 'published') limit 1`.execute(db)
  ).rows[0];
  probe('GET /api/observatory/analyses/:id/versions/:number/analysis.pdf', [
    draftVersion?.id,
    draftVersion && String(draftVersion.number),
  ]);
  // Children of network-readable parents the maps leave unfilled (initiatives, boards): another
  // organisation's result and follow-up are readable, not A's to change.
  const result = (
    await sql<{ id: string; initiative_id: string }>`select id, initiative_id from initiative_results
      where org_id <> ${orgA} limit 1`.execute(db)
  ).rows[0];
  probe('DELETE /api/initiatives/:id/results/:resultId', [result?.initiative_id, result?.id]);
  const followup = (
    await sql<{ id: string; code: string }>`select f.id, b.code from obs_board_followups f
      join obs_boards b on b.id = f.board_id where f.org_id <> ${orgA} limit 1`.execute(db)
  ).rows[0];
  probe('PATCH /api/observatory/boards/:code/followups/:followup', [followup?.code, followup?.id]);
  probe('DELETE /api/observatory/boards/:code/followups/:followup', [followup?.code, followup?.id]);
  // Another account's pending invitation (to a third organisation): answering it is that account's only.
  await sql`insert into memberships (org_id, user_id, roles, accepted_at, invited_by)
    values (${third}, ${b.userId}, ${['referent']}, null, null)`.execute(db);
  probe('POST /api/me/invitations/:orgId/:answer', [third, 'accept']);
  probe('POST /api/me/invitations/:orgId/:answer', [third, 'decline']);
  return { probes };
}
