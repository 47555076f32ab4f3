import { describe, expect, it } from 'vitest';
import { AGREEMENT_STATUSES, agreementWorkflow } from './agreement-workflow';
import { nextTasks, type SignatureState, whose } from './next-step';

const signed = (role: SignatureState['role']): SignatureState => ({ role, signed: true, linkPending: false });
const linkOut = (role: SignatureState['role'], signerName: string | null = null): SignatureState => ({
  role,
  signed: false,
  linkPending: true,
  signerName,
});
const referent = { side: 'home' as const, roles: ['referent' as const] };
const homeCoordinator = { side: 'home' as const, roles: ['coordinator' as const] };
const hostDirector = { side: 'host' as const, roles: ['org_admin' as const] };
const hostTutor = { side: 'host' as const, roles: ['tutor' as const] };

describe('whose turn it is on an agreement', () => {
  it('gives the home side the draft to send, theirs only if they manage agreements', () => {
    const [t] = nextTasks('draft', []);
    expect(t).toEqual({
      kind: 'action',
      action: 'send_for_signature',
      side: 'home',
      roles: ['referent', 'coordinator'],
      blockedBy: [],
    });
    expect(whose(t!, referent)).toBe('yours');
    expect(whose(t!, hostDirector)).toBe('other_party');
  });

  it('while signatures are collected, names who must ask and who must sign', () => {
    const tasks = nextTasks('awaiting_signatures', [
      signed('home_referent'),
      linkOut('person', 'Lucie Fictivelle'),
    ]);
    expect(tasks).toEqual([
      {
        kind: 'request_signature',
        side: 'host',
        roles: ['referent', 'coordinator', 'org_admin'],
        signatures: ['host_representative'],
      },
      { kind: 'sign', side: 'home', signature: 'person', signerName: 'Lucie Fictivelle' },
    ]);
    expect(whose(tasks[0]!, referent)).toBe('other_party');
    expect(whose(tasks[0]!, hostDirector)).toBe('yours');
    expect(whose(tasks[1]!, referent)).toBe('signatory');
  });

  it('asks a signature again when its link is no longer usable, and nothing of one already given', () => {
    const lapsed: SignatureState = { role: 'person', signed: false, linkPending: false };
    expect(
      nextTasks('awaiting_signatures', [lapsed, signed('home_referent'), signed('host_representative')]),
    ).toEqual([
      {
        kind: 'request_signature',
        side: 'home',
        roles: ['referent', 'coordinator'],
        signatures: ['person'],
      },
    ]);
  });

  it('once all have signed, the home side submits it for review', () => {
    const all = [signed('person'), signed('home_referent'), signed('host_representative')];
    expect(nextTasks('awaiting_signatures', all)).toMatchObject([
      { kind: 'action', action: 'submit_for_review', side: 'home' },
    ]);
  });

  it('tells a referent that home review is a coordinator’s, not theirs (they only saw "Annuler")', () => {
    const all = [signed('person'), signed('home_referent'), signed('host_representative')];
    const [t] = nextTasks('home_review', all);
    expect(t).toMatchObject({
      kind: 'action',
      action: 'approve_home',
      side: 'home',
      roles: ['coordinator', 'org_admin'],
    });
    expect(whose(t!, referent)).toBe('your_organisation');
    expect(whose(t!, homeCoordinator)).toBe('yours');
    expect(whose(t!, hostDirector)).toBe('other_party');
  });

  it('gives host validation to the host’s director, not its tutor', () => {
    const all = [signed('person'), signed('home_referent'), signed('host_representative')];
    const [t] = nextTasks('host_validation', all);
    expect(t).toMatchObject({ action: 'validate_host', side: 'host' });
    expect(whose(t!, hostDirector)).toBe('yours');
    expect(whose(t!, hostTutor)).toBe('your_organisation');
    expect(whose(t!, referent)).toBe('other_party');
  });

  it('reports what still blocks a step, when the facts are known', () => {
    expect(
      nextTasks('validated', [], { insurance_recorded: false, start_reached: true, no_overlap: true }),
    ).toMatchObject([{ action: 'activate', side: 'home', blockedBy: ['insurance_recorded'] }]);
    expect(nextTasks('active', [], { end_reached: false })).toMatchObject([
      { action: 'complete', blockedBy: ['end_reached'] },
    ]);
  });

  it('has a next step in every status but the ended ones, each an expected step of the workflow', () => {
    for (const status of AGREEMENT_STATUSES) {
      const tasks = nextTasks(status, []);
      if (agreementWorkflow.isTerminal(status)) expect(tasks, status).toEqual([]);
      else expect(tasks.length, status).toBeGreaterThan(0);
      for (const t of tasks)
        if (t.kind === 'action')
          expect(agreementWorkflow.find(status, t.action)?.tone, `${status} ${t.action}`).toBe('primary');
    }
  });
});
