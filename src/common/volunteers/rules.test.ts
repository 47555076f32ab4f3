import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import {
  ActionCreateBody,
  ActionPatchBody,
  ObjectiveCreateBody,
  ObjectivePatchBody,
  PATHWAY_MODULES,
  PathwayCreateBody,
  PathwayPatchBody,
} from '../people/pathway-schemas';
import {
  type AssignmentFacts,
  assignmentRefusal,
  insuranceCovers,
  statusAfter,
  totalHours,
  volunteerActions,
} from './rules';

const CENTRE = 'cpas-mouscron';
const facts = (
  over: Partial<AssignmentFacts> = {},
  v: Partial<AssignmentFacts['volunteer']> = {},
): AssignmentFacts => ({
  volunteer: { status: 'active', orgId: 'ccas-lille', organisationIds: [], benefitCentreOrgId: CENTRE, ...v },
  declarations: [{ centreOrgId: CENTRE, declaredOn: '2026-02-02', acknowledgedBy: 'user-1' }],
  orgId: 'ccas-lille',
  assignedOn: '2026-02-14',
  ...over,
});

describe('the volunteering declaration rule (benefit recipients of a Belgian centre)', () => {
  it('accepts an assignment on or after the day of an acknowledged declaration to the centre', () => {
    expect(assignmentRefusal(facts())).toBeNull();
    expect(assignmentRefusal(facts({ assignedOn: '2026-02-02' }))).toBeNull();
  });

  it('refuses an assignment dated before the declaration', () => {
    expect(assignmentRefusal(facts({ assignedOn: '2026-02-01' }))).toBe('declaration_missing');
  });

  it('refuses without any declaration, or with one to another centre, or one nobody acknowledged', () => {
    expect(assignmentRefusal(facts({ declarations: [] }))).toBe('declaration_missing');
    expect(
      assignmentRefusal(
        facts({
          declarations: [{ centreOrgId: 'ocmw-kortrijk', declaredOn: '2026-01-01', acknowledgedBy: 'u' }],
        }),
      ),
    ).toBe('declaration_missing');
    expect(
      assignmentRefusal(
        facts({ declarations: [{ centreOrgId: CENTRE, declaredOn: '2026-01-01', acknowledgedBy: null }] }),
      ),
    ).toBe('declaration_missing');
  });

  it('asks nothing of a volunteer who receives no Belgian benefit', () => {
    expect(assignmentRefusal(facts({ declarations: [] }, { benefitCentreOrgId: null }))).toBeNull();
  });

  it('assigns only active volunteers, for the coordinating organisation or one they work with', () => {
    expect(assignmentRefusal(facts({}, { status: 'pending' }))).toBe('volunteer_not_active');
    expect(assignmentRefusal(facts({}, { status: 'inactive' }))).toBe('volunteer_not_active');
    expect(assignmentRefusal(facts({ orgId: 'ocmw-menen' }))).toBe('volunteer_not_with_org');
    expect(assignmentRefusal(facts({ orgId: 'ocmw-menen' }, { organisationIds: ['ocmw-menen'] }))).toBeNull();
  });
});

describe('insurance, statuses, hours', () => {
  it('covers a day within a policy’s validity, open-ended ones included', () => {
    const policies = [{ validFrom: '2026-01-01', validTo: '2026-06-30' }];
    expect(insuranceCovers(policies, '2026-06-30')).toBe(true);
    expect(insuranceCovers(policies, '2026-07-01')).toBe(false);
    expect(insuranceCovers([{ validFrom: '2026-01-01', validTo: null }], '2030-01-01')).toBe(true);
    expect(insuranceCovers([], '2026-01-01')).toBe(false);
  });

  it('moves statuses only where it makes sense', () => {
    expect(statusAfter('pending', 'validate')).toBe('active');
    expect(statusAfter('active', 'validate')).toBeNull();
    expect(statusAfter('inactive', 'reactivate')).toBe('active');
    expect(volunteerActions('pending')).toEqual(['validate', 'deactivate']);
    expect(volunteerActions('active')).toEqual(['deactivate']);
    expect(volunteerActions('inactive')).toEqual(['reactivate']);
  });

  it('sums hours without floating-point drift', () => {
    expect(totalHours([{ hours: 0.1 }, { hours: 0.2 }])).toBe(0.3);
    expect(totalHours([{ hours: 3 }, { hours: 2.5 }])).toBe(5.5);
  });
});

/**
 * Volunteering is never a condition of a PIIS / GPMI (Constitutional Court 86/2018; domain brief §1). A
 * pathway follows "modules" (activation_volunteering among them: support the person chose), and its
 * objectives and actions carry a title, dates and a status — nothing types them as an obligation, a
 * condition or a sanction. These tests fail the day a pathway schema grows such a field.
 */
describe('a pathway cannot make volunteering mandatory', () => {
  const OBLIGATION = /oblig|mandator|required|condition|sanction|kind|type/i;
  const schemas = {
    PathwayCreateBody,
    PathwayPatchBody,
    ObjectiveCreateBody,
    ObjectivePatchBody,
    ActionCreateBody,
    ActionPatchBody,
  };

  it.each(Object.entries(schemas))(
    '%s has no field to type a commitment as an obligation',
    (_name, schema) => {
      expect(Object.keys(schema.properties).filter((k) => OBLIGATION.test(k))).toEqual([]);
      // Unknown fields are refused, so no client can slip one in either.
      expect((schema as { additionalProperties?: unknown }).additionalProperties).toBe(false);
    },
  );

  it('refuses an objective or action typed as mandatory volunteering', () => {
    expect(Value.Check(ObjectiveCreateBody, { title: 'Bénévolat', obligationType: 'volunteering' })).toBe(
      false,
    );
    expect(Value.Check(ActionCreateBody, { title: 'Bénévolat', mandatory: true })).toBe(false);
    expect(Value.Check(ObjectiveCreateBody, { title: 'Bénévolat' })).toBe(true);
  });

  it('names volunteering only as a support module, never as a condition', () => {
    expect(PATHWAY_MODULES.filter((m) => /volunteer/.test(m))).toEqual(['activation_volunteering']);
    expect(PATHWAY_MODULES.filter((m) => OBLIGATION.test(m))).toEqual([]);
  });
});
