import { describe, expect, it } from 'vitest';
import { defineWorkflow } from './workflow';

const flow = defineWorkflow({
  statuses: ['draft', 'sent', 'accepted', 'declined'] as const,
  sides: ['sender', 'recipient'] as const,
  guards: ['complete'] as const,
  terminal: ['accepted', 'declined'] as const,
  transitions: [
    {
      action: 'send',
      from: 'draft',
      to: 'sent',
      side: 'sender',
      permission: 'person.manage',
      guards: ['complete'],
      tone: 'primary',
    },
    {
      action: 'accept',
      from: 'sent',
      to: 'accepted',
      side: 'recipient',
      permission: 'person.manage',
      tone: 'primary',
    },
    {
      action: 'decline',
      from: 'sent',
      to: 'declined',
      side: 'recipient',
      permission: 'person.manage',
      reasonRequired: true,
      tone: 'danger',
    },
    { action: 'withdraw', from: 'sent', to: 'draft', side: 'either', permission: 'person.manage' },
  ] as const,
});

describe('workflow kit', () => {
  it('lists the actions of a side with what still blocks them and their tone', () => {
    expect(flow.available('draft', 'sender', ['referent'], { complete: false })).toMatchObject([
      { action: 'send', to: 'sent', tone: 'primary', blockedBy: ['complete'], reasonRequired: false },
    ]);
    expect(flow.available('sent', 'recipient', ['referent']).map((a) => [a.action, a.tone])).toEqual([
      ['accept', 'primary'],
      ['decline', 'danger'],
      ['withdraw', 'secondary'],
    ]);
    expect(flow.available('sent', null, ['referent'])).toEqual([]);
    expect(flow.available('sent', 'recipient', ['analyst'])).toEqual([]);
  });

  it('checks a move: known, allowed to the side and role, reason given, guards holding', () => {
    expect(flow.check('draft', 'accept', 'recipient', ['referent'])).toEqual({
      ok: false,
      code: 'unknown_action',
    });
    expect(flow.check('sent', 'accept', 'sender', ['referent'])).toEqual({ ok: false, code: 'forbidden' });
    expect(flow.check('sent', 'decline', 'recipient', ['referent'], {}, '  ')).toEqual({
      ok: false,
      code: 'reason_required',
    });
    expect(flow.check('draft', 'send', 'sender', ['referent'], {})).toEqual({
      ok: false,
      code: 'guards_failed',
      failed: ['complete'],
    });
    expect(flow.check('draft', 'send', 'sender', ['referent'], { complete: true }).ok).toBe(true);
  });

  it('gives each side its moves, what the database triggers are tested against', () => {
    expect(flow.moves('sender')).toEqual([
      { from: 'draft', to: 'sent' },
      { from: 'sent', to: 'draft' },
    ]);
    expect(flow.moves('recipient')).toEqual([
      { from: 'sent', to: 'accepted' },
      { from: 'sent', to: 'declined' },
      { from: 'sent', to: 'draft' },
    ]);
    expect(flow.isTerminal('declined')).toBe(true);
  });

  it('refuses a definition naming an unknown status or guard', () => {
    expect(() =>
      defineWorkflow({
        statuses: ['a'],
        sides: ['s'],
        guards: ['g'],
        terminal: [],
        transitions: [{ action: 'x', from: 'a', to: 'b' as 'a', side: 's', permission: 'person.manage' }],
      }),
    ).toThrow(/unknown status/);
    expect(() =>
      defineWorkflow({
        statuses: ['a'],
        sides: ['s'],
        guards: ['g'],
        terminal: [],
        transitions: [
          { action: 'x', from: 'a', to: 'a', side: 's', permission: 'person.manage', guards: ['h' as 'g'] },
        ],
      }),
    ).toThrow(/unknown guard/);
  });
});
