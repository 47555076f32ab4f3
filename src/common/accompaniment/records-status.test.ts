import { describe, expect, it } from 'vitest';
import { deriveStatus, duePermitReminder, historyError, type StatusEvent } from './records-status';

const TODAY = '2026-06-15';
const req: StatusEvent = { kind: 'asylum_requested', occurredOn: '2024-01-10' };
const interview: StatusEvent = { kind: 'interview', occurredOn: '2024-05-02' };
const decision = (outcome: StatusEvent['outcome'], on = '2024-09-01'): StatusEvent => ({
  kind: 'decision',
  occurredOn: on,
  outcome,
});
const permit = (
  validFrom: string,
  expiresOn: string,
  kind: StatusEvent['kind'] = 'permit_issued',
): StatusEvent => ({
  kind,
  occurredOn: validFrom,
  permitType: 'temporary',
  validFrom,
  expiresOn,
});

describe('the legal status history rules', () => {
  it('accepts a coherent history, whatever order the events were recorded in', () => {
    const h = [permit('2024-09-15', '2025-09-14'), req, decision('refugee'), interview];
    expect(historyError(h, TODAY)).toBeNull();
    expect(historyError([], TODAY)).toBeNull();
  });

  it('refuses events in the future, but not a permit expiring in the future', () => {
    expect(historyError([{ kind: 'asylum_requested', occurredOn: '2026-06-16' }], TODAY)).toEqual({
      code: 'future_event',
      index: 0,
    });
    expect(historyError([{ kind: 'asylum_requested', occurredOn: TODAY }], TODAY)).toBeNull();
    expect(historyError([permit('2026-01-01', '2027-01-01')], TODAY)).toBeNull();
  });

  it('refuses a decision or an interview before any asylum request (same day after it is fine)', () => {
    expect(historyError([decision('refugee')], TODAY)?.code).toBe('decision_without_request');
    expect(historyError([interview], TODAY)?.code).toBe('interview_without_request');
    expect(historyError([req, decision('refused', '2023-12-01')], TODAY)).toEqual({
      code: 'decision_without_request',
      index: 1,
    });
    expect(historyError([req, decision('refused', req.occurredOn)], TODAY)).toBeNull();
  });

  it('refuses an appeal without a decision, and an appeal decision without an appeal', () => {
    const appeal: StatusEvent = { kind: 'appeal_lodged', occurredOn: '2024-10-01' };
    const appealDecided: StatusEvent = {
      kind: 'appeal_decided',
      occurredOn: '2025-02-01',
      outcome: 'refugee',
    };
    expect(historyError([req, appeal], TODAY)?.code).toBe('appeal_without_decision');
    expect(historyError([req, decision('refused'), appealDecided], TODAY)?.code).toBe(
      'appeal_decision_without_appeal',
    );
    expect(historyError([req, decision('refused'), appeal, appealDecided], TODAY)).toBeNull();
  });

  it('refuses a renewal without a permit, and a reunification decision without its request', () => {
    expect(historyError([permit('2025-01-01', '2026-01-01', 'permit_renewed')], TODAY)?.code).toBe(
      'renewal_without_permit',
    );
    const decided: StatusEvent = {
      kind: 'family_reunification_decided',
      occurredOn: '2025-03-01',
      outcome: 'granted',
    };
    expect(historyError([decided], TODAY)?.code).toBe('reunification_decision_without_request');
    expect(
      historyError([{ kind: 'family_reunification_requested', occurredOn: '2024-12-01' }, decided], TODAY),
    ).toBeNull();
  });

  it('checks the shape of each event: outcomes, permit dates, an expiry after the start', () => {
    expect(historyError([req, { kind: 'decision', occurredOn: '2024-09-01' }], TODAY)?.code).toBe(
      'outcome_required',
    );
    expect(historyError([req, decision('granted')], TODAY)?.code).toBe('outcome_required');
    expect(historyError([{ ...req, outcome: 'refugee' }], TODAY)?.code).toBe('outcome_not_allowed');
    expect(historyError([{ kind: 'permit_issued', occurredOn: '2025-01-01' }], TODAY)?.code).toBe(
      'permit_required',
    );
    expect(historyError([permit('2025-01-01', '2024-12-31')], TODAY)?.code).toBe('expiry_before_start');
    expect(historyError([permit('2025-01-01', '2025-01-01')], TODAY)?.code).toBe('expiry_before_start');
    expect(historyError([{ ...req, expiresOn: '2027-01-01' }], TODAY)?.code).toBe('permit_not_allowed');
  });

  it('refuses any residence event after the nationality', () => {
    const nat: StatusEvent = { kind: 'nationality_acquired', occurredOn: '2025-01-01' };
    expect(historyError([req, nat, permit('2025-02-01', '2026-02-01')], TODAY)?.code).toBe(
      'event_after_nationality',
    );
    expect(historyError([req, nat], TODAY)).toBeNull();
  });
});

describe('the derived status and permit', () => {
  it('follows the last status-changing event', () => {
    expect(deriveStatus([], TODAY)).toEqual({ status: 'none', permit: null });
    expect(deriveStatus([req], TODAY).status).toBe('asylum_seeker');
    expect(deriveStatus([req, interview], TODAY).status).toBe('asylum_seeker');
    expect(deriveStatus([decision('refugee'), req], TODAY).status).toBe('refugee');
    expect(deriveStatus([req, decision('subsidiary_protection')], TODAY).status).toBe(
      'subsidiary_protection',
    );
    const appeal: StatusEvent = { kind: 'appeal_lodged', occurredOn: '2024-10-01' };
    expect(deriveStatus([req, decision('refused'), appeal], TODAY).status).toBe('appeal_pending');
    expect(
      deriveStatus(
        [
          req,
          decision('refused'),
          appeal,
          { kind: 'appeal_decided', occurredOn: '2025-01-01', outcome: 'refugee' },
        ],
        TODAY,
      ).status,
    ).toBe('refugee');
    expect(deriveStatus([{ kind: 'temporary_protection', occurredOn: '2022-03-10' }], TODAY).status).toBe(
      'temporary_protection',
    );
  });

  it('gives the latest permit and whether it is in force today', () => {
    const first = permit('2024-09-15', '2025-09-14');
    const renewed = permit('2025-09-15', '2026-09-14', 'permit_renewed');
    expect(deriveStatus([req, decision('refugee'), renewed, first], TODAY).permit).toEqual({
      type: 'temporary',
      validFrom: '2025-09-15',
      expiresOn: '2026-09-14',
      inForce: true,
    });
    expect(deriveStatus([first], TODAY).permit?.inForce).toBe(false);
    expect(deriveStatus([permit('2026-06-15', '2026-07-01')], TODAY).permit?.inForce).toBe(true);
  });

  it('has no permit once the nationality is acquired', () => {
    const h = [
      req,
      decision('refugee'),
      permit('2024-09-15', '2034-09-14'),
      { kind: 'nationality_acquired', occurredOn: '2026-01-05' } as StatusEvent,
    ];
    expect(deriveStatus(h, TODAY)).toEqual({ status: 'citizen', permit: null });
  });
});

describe('the permit expiry reminders', () => {
  const EXP = '2026-09-13'; // 90 days after TODAY
  it('reminds at 90, 30 and 7 days before the expiry, each once', () => {
    expect(duePermitReminder(EXP, '2026-06-14', [])).toBeNull(); // 91 days left
    expect(duePermitReminder(EXP, TODAY, [])).toBe(90);
    expect(duePermitReminder(EXP, TODAY, [90])).toBeNull();
    expect(duePermitReminder(EXP, '2026-08-13', [90])).toBeNull(); // 31 days left
    expect(duePermitReminder(EXP, '2026-08-14', [90])).toBe(30);
    expect(duePermitReminder(EXP, '2026-08-20', [90, 30])).toBeNull();
    expect(duePermitReminder(EXP, '2026-09-06', [90, 30])).toBe(7);
    expect(duePermitReminder(EXP, EXP, [90, 30])).toBe(7);
    expect(duePermitReminder(EXP, EXP, [90, 30, 7])).toBeNull();
  });

  it('sends only the most urgent reminder when a permit is recorded late, and none once expired', () => {
    expect(duePermitReminder(EXP, '2026-08-24', [])).toBe(30); // 20 days left: not the 90-day one too
    expect(duePermitReminder(EXP, '2026-08-24', [30])).toBeNull();
    expect(duePermitReminder(EXP, '2026-09-10', [])).toBe(7);
    expect(duePermitReminder(EXP, '2026-09-14', [])).toBeNull();
    expect(duePermitReminder(EXP, '2027-01-01', [90])).toBeNull();
  });
});
