import { fireEvent, render, screen } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../common/admin/schemas';
import { CATALOGS } from '../../app/i18n';
import { AuditRows } from './AuditRows';

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  chain: 'c',
  seq: 1,
  at: '2026-03-02T09:15:00.000Z',
  orgId: 'o',
  actorUserId: 'u',
  actorName: 'Dominique Gestion',
  actorEmail: 'admin@cpas-mouscron.example',
  action: 'update',
  entity: 'organisations',
  entityId: 'o',
  before: { phone: null, email: 'a@x.example' },
  after: { phone: '+32 56 00 00 00', email: 'b@x.example' },
  detail: null,
  ...over,
});

describe('audit log rows', () => {
  it('opens the changed fields of an entry, before and after, in Dutch', () => {
    render(
      <IntlProvider locale="nl-BE" messages={CATALOGS.nl}>
        <AuditRows
          entries={[
            entry({}),
            entry({ id: 2, seq: 2, actorName: null, action: 'login', before: null, after: null }),
            entry({
              id: 3,
              seq: 3,
              actorUserId: null,
              action: 'read',
              before: null,
              after: null,
              detail: { n: 1 },
            }),
          ]}
        />
      </IntlProvider>,
    );
    expect(screen.getByText('Onbekend (buiten uw organisatie)')).toBeTruthy();
    expect(screen.getByText('Systeem')).toBeTruthy();
    expect(screen.getByText('Gewijzigd')).toBeTruthy();
    expect(screen.getAllByText(/2 mrt\.? 2026/)).toHaveLength(3);
    // Only entries that carry fields or details can open; the login has neither.
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([
      '2 velden tonen',
      '1 veld tonen',
    ]);
    const show = screen.getByRole('button', { name: '2 velden tonen' });
    expect(show.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(show);
    expect(screen.getByRole('button', { name: 'Verbergen' }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('+32 56 00 00 00')).toBeTruthy();
    expect(screen.getByText('(leeg)')).toBeTruthy();
    expect(screen.getByText('a@x.example')).toBeTruthy();
    expect(screen.getByText('b@x.example')).toBeTruthy();
  });
});
