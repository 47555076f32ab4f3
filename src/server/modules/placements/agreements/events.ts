import type { Side } from '../../../../common/placements/agreement-workflow';
import type { Actor } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { type DomainEvent, recordEvent } from '../../../platform/events';
import type { PlacementRow } from './access';

/** The event of each move of an agreement: `placements.agreements.<action>` (validate_host, interrupt…). */
export const agreementEvent = (action: string) => `placements.agreements.${action}`;

/** What an agreement's event says: the agreement, its two parties and the side that acted. Never the person. */
export interface AgreementEventPayload extends Record<string, unknown> {
  placementId: string;
  homeOrgId: string;
  hostOrgId: string;
  side: Side;
}

/** Records a move in the use case's transaction, in the name of the organisation that acted. */
export async function recordAgreementEvent(
  trx: Tx,
  actor: Actor,
  row: Pick<PlacementRow, 'id' | 'org_id' | 'host_org_id'>,
  action: string,
  side: Side,
  /** What a handler of this move needs besides (never the person). */
  extra: Record<string, unknown> = {},
): Promise<void> {
  const payload: AgreementEventPayload = {
    ...extra,
    placementId: row.id,
    homeOrgId: row.org_id,
    hostOrgId: row.host_org_id,
    side,
  };
  await recordEvent(trx, {
    type: agreementEvent(action),
    orgId: side === 'home' ? row.org_id : row.host_org_id,
    actorUserId: actor.userId,
    payload,
  });
}

/** The payload of a recorded agreement event, or null when it is not one (an older or foreign shape). */
export function agreementPayload(event: DomainEvent): AgreementEventPayload | null {
  const { placementId, homeOrgId, hostOrgId, side } = event.payload;
  if (typeof placementId !== 'string' || typeof homeOrgId !== 'string' || typeof hostOrgId !== 'string')
    return null;
  if (side !== 'home' && side !== 'host') return null;
  return { placementId, homeOrgId, hostOrgId, side };
}
