import type { ConventionFacts } from '../../../../common/placements/agreement-document-convention';
import type { PlacementView } from '../../../../common/placements/agreement-schemas';
import { type AgreementStatus, type Side, TERMINAL } from '../../../../common/placements/agreement-workflow';
import type { JobCodeKind, PlacementAim } from '../../../../common/placements/convention-terms';
import type { PlacementRow } from './access';

/**
 * The person's emergency contact as a side may see it: the home centre's always; the host's while the
 * agreement has not ended, since it is the host who must call them during the placement (ADR 0013,
 * amendment). Once ended, the host keeps nothing of the person's circle, as of the person's name.
 */
export function emergencyContactFor(
  row: Pick<
    PlacementRow,
    'status' | 'emergency_contact_name' | 'emergency_contact_phone' | 'emergency_contact_relation'
  >,
  side: Side,
): PlacementView['emergencyContact'] {
  if (!row.emergency_contact_name || !row.emergency_contact_phone) return null;
  if (side === 'host' && TERMINAL.includes(row.status as AgreementStatus)) return null;
  return {
    name: row.emergency_contact_name,
    phone: row.emergency_contact_phone,
    relation: row.emergency_contact_relation,
  };
}

/** The convention's structured terms as a side's copy of the document prints them. */
export function conventionFacts(row: PlacementRow, side: Side): ConventionFacts {
  return {
    aim: row.aim as PlacementAim | null,
    jobCode:
      row.job_code && row.job_code_kind
        ? { kind: row.job_code_kind as JobCodeKind, code: row.job_code }
        : null,
    timetable: row.timetable,
    protectiveEquipment: row.protective_equipment,
    emergencyContact: emergencyContactFor(row, side),
  };
}
