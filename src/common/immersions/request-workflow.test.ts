import { describe, expect, it } from 'vitest';
import { nextActor, type RequestGuard, requestWorkflow } from './request-workflow';

const all = (v: boolean): Record<RequestGuard, boolean> => ({
  manager_not_visitor: v,
  capacity_available: v,
  agreement_signed: v,
  start_reached: v,
  end_reached: v,
  start_not_past: v,
});

describe('the immersion request workflow', () => {
  it('goes from the professional to the manager to the host, and on to completion', () => {
    const w = requestWorkflow;
    expect(w.check('draft', 'submit', 'visitor', ['referent'])).toMatchObject({ ok: true });
    expect(
      w.check('awaiting_manager', 'approve_manager', 'visitor', ['coordinator'], all(true)),
    ).toMatchObject({
      ok: true,
      transition: { to: 'awaiting_host' },
    });
    expect(w.check('awaiting_host', 'approve_host', 'host', ['coordinator'], all(true))).toMatchObject({
      ok: true,
      transition: { to: 'agreed' },
    });
    expect(w.check('agreed', 'start', 'visitor', ['referent'], all(true))).toMatchObject({ ok: true });
    expect(w.check('in_progress', 'complete', 'visitor', ['referent'], all(true))).toMatchObject({
      ok: true,
    });
    expect(w.isTerminal('completed')).toBe(true);
  });

  it('keeps each step with its side and permission', () => {
    const w = requestWorkflow;
    // A professional cannot approve as manager, nor the visitor's side as host, nor the host as manager.
    expect(w.check('awaiting_manager', 'approve_manager', 'visitor', ['referent'], all(true)).ok).toBe(false);
    expect(w.check('awaiting_host', 'approve_host', 'visitor', ['coordinator'], all(true))).toEqual({
      ok: false,
      code: 'forbidden',
    });
    expect(w.check('awaiting_manager', 'approve_manager', 'host', ['coordinator'], all(true))).toEqual({
      ok: false,
      code: 'forbidden',
    });
    expect(w.check('awaiting_host', 'start', 'visitor', ['referent'])).toEqual({
      ok: false,
      code: 'unknown_action',
    });
  });

  it('blocks on its guards and asks a reason to decline or cancel', () => {
    const w = requestWorkflow;
    expect(
      w.check('awaiting_host', 'approve_host', 'host', ['coordinator'], {
        ...all(true),
        capacity_available: false,
      }),
    ).toEqual({ ok: false, code: 'guards_failed', failed: ['capacity_available'] });
    expect(
      w.check('agreed', 'start', 'visitor', ['referent'], { ...all(true), agreement_signed: false }),
    ).toEqual({ ok: false, code: 'guards_failed', failed: ['agreement_signed'] });
    expect(
      w.check('awaiting_manager', 'approve_manager', 'visitor', ['coordinator'], {
        ...all(true),
        manager_not_visitor: false,
      }),
    ).toMatchObject({ ok: false, failed: ['manager_not_visitor'] });
    expect(w.check('awaiting_host', 'decline_host', 'host', ['coordinator'], {}, '')).toEqual({
      ok: false,
      code: 'reason_required',
    });
    expect(w.check('agreed', 'cancel', 'host', ['coordinator'], {}, 'Équipe absente')).toMatchObject({
      ok: true,
    });
    expect(w.check('agreed', 'cancel', 'visitor', ['coordinator'], {}, 'Malade')).toMatchObject({ ok: true });
  });

  it('gives the host only approving, declining and cancelling', () => {
    expect(
      requestWorkflow
        .moves('host')
        .map((m) => `${m.from}>${m.to}`)
        .sort(),
    ).toEqual([
      'agreed>cancelled',
      'awaiting_host>agreed',
      'awaiting_host>declined',
      'in_progress>cancelled',
    ]);
  });

  it('says who acts next', () => {
    expect(nextActor('awaiting_manager')).toBe('manager');
    expect(nextActor('awaiting_host')).toBe('host');
    expect(nextActor('agreed')).toBe('visitor');
    expect(nextActor('agreed', false)).toBe('signers');
    expect(nextActor('declined')).toBeNull();
  });
});
