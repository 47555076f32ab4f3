import { describe, expect, it } from 'vitest';
import { MEMBERSHIP_ROLES, type Role } from '../access/permissions';
import {
  AGREEMENT_STATUSES,
  type AgreementStatus,
  agreementWorkflow,
  COMMITMENT_GUARDS,
  GUARDS,
  type GuardFacts,
  type Side,
  signingBlockers,
  TERMINAL,
  TRANSITIONS,
} from './agreement-workflow';

const checkTransition = agreementWorkflow.check;

const allTrue = Object.fromEntries(GUARDS.map((g) => [g, true])) as GuardFacts;
const sides: Side[] = ['home', 'host'];

describe('the agreement transition table', () => {
  it('only names known statuses and has one transition per (from, action)', () => {
    const keys = TRANSITIONS.map((t) => `${t.from}:${t.action}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of TRANSITIONS) {
      expect(AGREEMENT_STATUSES).toContain(t.from);
      expect(AGREEMENT_STATUSES).toContain(t.to);
    }
  });

  it('leaves terminal statuses without a way out', () => {
    for (const s of TERMINAL) expect(TRANSITIONS.filter((t) => t.from === s)).toEqual([]);
  });

  it('reaches every status from draft', () => {
    const seen = new Set<AgreementStatus>(['draft']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of TRANSITIONS)
        if (seen.has(t.from) && !seen.has(t.to)) {
          seen.add(t.to);
          grew = true;
        }
    }
    expect([...seen].sort()).toEqual([...AGREEMENT_STATUSES].sort());
  });

  it('follows the happy path with the right people on each side', () => {
    const path: Array<[AgreementStatus, string, Side, Role[], AgreementStatus]> = [
      ['draft', 'send_for_signature', 'home', ['referent'], 'awaiting_signatures'],
      ['awaiting_signatures', 'submit_for_review', 'home', ['referent'], 'home_review'],
      ['home_review', 'approve_home', 'home', ['coordinator'], 'host_validation'],
      ['host_validation', 'validate_host', 'host', ['org_admin'], 'validated'],
      ['validated', 'activate', 'home', ['referent'], 'active'],
      ['active', 'complete', 'home', ['referent'], 'completed'],
    ];
    for (const [from, action, side, roles, to] of path) {
      const r = checkTransition(from, action, side, roles, allTrue);
      expect(r.ok ? r.transition.to : r).toBe(to);
    }
  });

  it('refuses the host side the home side’s steps and the reverse', () => {
    expect(checkTransition('host_validation', 'validate_host', 'home', ['org_admin'], allTrue)).toEqual({
      ok: false,
      code: 'forbidden',
    });
    expect(checkTransition('draft', 'send_for_signature', 'host', ['coordinator'], allTrue)).toEqual({
      ok: false,
      code: 'forbidden',
    });
    // A tutor never moves the agreement; a referent cannot approve on behalf of the organisation.
    expect(checkTransition('active', 'interrupt', 'host', ['tutor'], allTrue)).toMatchObject({
      code: 'forbidden',
    });
    expect(checkTransition('home_review', 'approve_home', 'home', ['referent'], allTrue)).toMatchObject({
      code: 'forbidden',
    });
  });

  it('requires a reason to refuse, interrupt or cancel', () => {
    for (const [from, action, side] of [
      ['host_validation', 'refuse_host', 'host'],
      ['active', 'interrupt', 'home'],
      ['draft', 'cancel', 'home'],
    ] as const) {
      expect(checkTransition(from, action, side, ['coordinator', 'org_admin'], allTrue)).toEqual({
        ok: false,
        code: 'reason_required',
      });
      expect(checkTransition(from, action, side, ['coordinator', 'org_admin'], allTrue, '  ')).toMatchObject({
        code: 'reason_required',
      });
      expect(checkTransition(from, action, side, ['coordinator', 'org_admin'], allTrue, 'absent').ok).toBe(
        true,
      );
    }
  });

  it.each(TRANSITIONS.filter((t) => t.guards.length).map((t) => [`${t.from} → ${t.action}`, t] as const))(
    '%s reports each failing guard',
    (_label, t) => {
      for (const g of t.guards) {
        const facts = { ...allTrue, [g]: false };
        const r = checkTransition(
          t.from,
          t.action,
          t.side === 'either' ? 'home' : t.side,
          ['coordinator', 'org_admin', 'referent'],
          facts,
          'because',
        );
        expect(r).toEqual({ ok: false, code: 'guards_failed', failed: [g] });
      }
    },
  );

  it('validates at the host only when the start is not past and insurance comes before activation', () => {
    const v = TRANSITIONS.find((t) => t.action === 'validate_host')!;
    expect(v.guards).toContain('start_not_past');
    expect(v.guards).toContain('host_in_programme');
    const a = TRANSITIONS.find((t) => t.action === 'activate')!;
    expect(a.guards).toContain('insurance_recorded');
  });

  it('checks dates, duration, overlap and programme at every step that commits the parties (issue 9)', () => {
    // Before: only the host's validation checked the start date, after all three signatures were given.
    for (const action of [
      'send_for_signature',
      'submit_for_review',
      'approve_home',
      'validate_host',
      'amend',
    ])
      for (const t of TRANSITIONS.filter((x) => x.action === action))
        expect(t.guards, `${t.from} → ${action}`).toEqual(expect.arrayContaining([...COMMITMENT_GUARDS]));
    // Insurance is asked for before anyone signs, not only at the start.
    const send = TRANSITIONS.find((t) => t.action === 'send_for_signature')!;
    expect(send.guards).toContain('insurance_recorded');
    const r = checkTransition('draft', 'send_for_signature', 'home', ['referent'], {
      ...allTrue,
      insurance_recorded: false,
      start_not_past: false,
    });
    expect(r).toEqual({ ok: false, code: 'guards_failed', failed: ['insurance_recorded', 'start_not_past'] });
    // The draft shows it before the button is pressed.
    const shown = agreementWorkflow.available('draft', 'home', ['referent'], {
      ...allTrue,
      within_programme: false,
    });
    expect(shown[0]).toMatchObject({ action: 'send_for_signature', blockedBy: ['within_programme'] });
  });

  it('refuses a signature while the agreement could not be validated as it stands', () => {
    expect(signingBlockers(allTrue)).toEqual([]);
    // What only the later steps need (all signatures, insurance, the start reached) does not stop a signature.
    expect(signingBlockers({ ...allTrue, all_signed: false, start_reached: false })).toEqual([]);
    expect(signingBlockers({ ...allTrue, start_not_past: false, within_programme: false })).toEqual([
      'start_not_past',
      'within_programme',
    ]);
  });

  it('sends a signed agreement back to signature on a change of substance', () => {
    for (const from of ['home_review', 'host_validation', 'validated'] as const) {
      const r = checkTransition(from, 'amend', 'home', ['referent'], allTrue);
      expect(r.ok && r.transition.to).toBe('awaiting_signatures');
      expect(r.ok && r.transition.clearsSignatures).toBe(true);
    }
    expect(checkTransition('active', 'amend', 'home', ['referent'], allTrue)).toMatchObject({
      code: 'unknown_action',
    });
  });

  it('cannot cancel once started', () => {
    expect(checkTransition('active', 'cancel', 'home', ['referent'], allTrue, 'x')).toMatchObject({
      code: 'unknown_action',
    });
  });

  it('offers each role exactly the actions it may take, per status and side', () => {
    for (const status of AGREEMENT_STATUSES)
      for (const side of sides)
        for (const role of MEMBERSHIP_ROLES) {
          const offered = agreementWorkflow.available(status, side, [role]).map((t) => t.action);
          const allowed = TRANSITIONS.filter((t) => t.from === status)
            .filter((t) => checkTransition(status, t.action, side, [role], allTrue, 'r').ok)
            .map((t) => t.action);
          expect(offered.sort(), `${status}/${side}/${role}`).toEqual(allowed.sort());
        }
    expect(agreementWorkflow.available('draft', 'home', ['tutor'])).toEqual([]);
  });

  it('shows steps back or out as dangerous, the expected next steps as primary', () => {
    const tones = Object.fromEntries(TRANSITIONS.map((t) => [t.action, t.tone]));
    expect(tones).toEqual({
      send_for_signature: 'primary',
      submit_for_review: 'primary',
      approve_home: 'primary',
      return_to_draft: 'danger',
      validate_host: 'primary',
      refuse_host: 'danger',
      activate: 'primary',
      complete: 'primary',
      interrupt: 'danger',
      cancel: 'danger',
      amend: 'secondary',
    });
    // Every step back or out asks why.
    for (const t of TRANSITIONS) expect(t.tone === 'danger', t.action).toBe(t.reasonRequired === true);
    const actions = agreementWorkflow.available('draft', 'home', ['referent'], {
      ...allTrue,
      no_overlap: false,
    });
    expect(actions.map((a) => [a.action, a.tone, a.blockedBy])).toEqual([
      ['send_for_signature', 'primary', ['no_overlap']],
      ['cancel', 'danger', []],
    ]);
  });

  it('lists each side’s moves: the host only validates, refuses and interrupts', () => {
    const pairs = (side: Side) => agreementWorkflow.moves(side).map((m) => `${m.from}>${m.to}`);
    expect(pairs('host').sort()).toEqual([
      'active>interrupted',
      'host_validation>draft',
      'host_validation>validated',
    ]);
    const table = (side: Side) => [
      ...new Set(
        TRANSITIONS.filter((t) => t.side === side || t.side === 'either').map((t) => `${t.from}>${t.to}`),
      ),
    ];
    expect(pairs('home').sort()).toEqual(table('home').sort());
    // Between them, the two sides make every move of the table.
    expect(new Set([...pairs('home'), ...pairs('host')])).toEqual(
      new Set(TRANSITIONS.map((t) => `${t.from}>${t.to}`)),
    );
  });
});
