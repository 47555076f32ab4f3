import { describe, expect, it } from 'vitest';
import { signerReminderDue } from './reminder-rules';

/** Issue 9, item 3: the signer is reminded after 2 working days, then weekly, on working days only. */
describe('signer reminders', () => {
  const asked = (requestedOn: string, remindedOn: string | null = null) => ({ requestedOn, remindedOn });

  it('reminds a link once it waited 2 full working days', () => {
    // Sent on Monday 23 November 2026: not on Tuesday or Wednesday, from Thursday.
    expect(signerReminderDue(asked('2026-11-23'), '2026-11-23')).toBe(false);
    expect(signerReminderDue(asked('2026-11-23'), '2026-11-25')).toBe(false);
    expect(signerReminderDue(asked('2026-11-23'), '2026-11-26')).toBe(true);
    // Sent on a Friday: the weekend does not count, Wednesday it is.
    expect(signerReminderDue(asked('2026-11-27'), '2026-12-01')).toBe(false);
    expect(signerReminderDue(asked('2026-11-27'), '2026-12-02')).toBe(true);
  });

  it('then reminds every week after the last reminder, never twice the same day', () => {
    const once = asked('2026-11-23', '2026-11-26');
    expect(signerReminderDue(once, '2026-11-26')).toBe(false);
    expect(signerReminderDue(once, '2026-12-02')).toBe(false);
    expect(signerReminderDue(once, '2026-12-03')).toBe(true);
  });

  it('sends nothing on a weekend: a reminder due then goes out on the Monday', () => {
    // Sent on Wednesday 25 November: due Monday 30 November (Saturday and Sunday do not count).
    expect(signerReminderDue(asked('2026-11-25'), '2026-11-28')).toBe(false);
    // Last reminded on a Friday: the next Friday, not the weekend before.
    const friday = asked('2026-11-23', '2026-11-27');
    expect(signerReminderDue(friday, '2026-12-05')).toBe(false);
    expect(signerReminderDue(friday, '2026-12-06')).toBe(false);
    expect(signerReminderDue(friday, '2026-12-04')).toBe(true);
    // Missed on its day (the job did not run): the Saturday after waits for the Monday.
    expect(signerReminderDue(asked('2026-11-23'), '2026-11-28')).toBe(false);
    expect(signerReminderDue(asked('2026-11-23'), '2026-11-30')).toBe(true);
  });
});
