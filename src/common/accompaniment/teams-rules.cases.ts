/** The same cases as the SQL of the counting rule (src/server/modules/accompaniment/teams/indicators). */
export const CROSS_BORDER_CASES = [
  // Held in France by a Belgian team, for a family followed in France: counted.
  {
    status: 'done',
    day: '2026-03-02',
    teamCountry: 'BE',
    placeCountry: 'FR',
    persons: [
      { id: 'a', homeCountry: 'FR' },
      { id: 'b', homeCountry: 'FR' },
    ],
  },
  // Held in Belgium by the Belgian team for the same family (followed in France): counted.
  {
    status: 'done',
    day: '2026-03-09',
    teamCountry: 'BE',
    placeCountry: 'BE',
    persons: [{ id: 'a', homeCountry: 'FR' }],
  },
  // Held in Belgium for a person followed in Belgium: not cross-border.
  {
    status: 'done',
    day: '2026-03-10',
    teamCountry: 'BE',
    placeCountry: 'BE',
    persons: [{ id: 'c', homeCountry: 'BE' }],
  },
  // Planned, cancelled, or outside the period: not counted.
  {
    status: 'planned',
    day: '2026-03-20',
    teamCountry: 'BE',
    placeCountry: 'FR',
    persons: [{ id: 'a', homeCountry: 'FR' }],
  },
  {
    status: 'cancelled',
    day: '2026-03-21',
    teamCountry: 'BE',
    placeCountry: 'FR',
    persons: [{ id: 'a', homeCountry: 'FR' }],
  },
  {
    status: 'done',
    day: '2025-12-31',
    teamCountry: 'BE',
    placeCountry: 'FR',
    persons: [{ id: 'd', homeCountry: 'FR' }],
  },
] as const;
export const PERIOD = { from: '2026-01-01', to: '2026-12-31' };
