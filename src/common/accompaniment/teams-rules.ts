/**
 * Rules of the mobile teams part (AB Réfugiés, issue 14): the professions of a team's members, what a
 * request asks for, its workflow, and when an intervention is cross-border (derived, never typed).
 */

export const TEAM_PROFESSIONS = [
  'interpreter',
  'psychologist',
  'paramedical',
  'intercultural_mediator',
  'social_worker',
  'peer_ambassador',
] as const;
export type TeamProfession = (typeof TEAM_PROFESSIONS)[number];

/** The sides a team serves (it may serve the other country too). */
export const TEAM_REGIONS = ['FR-HDF', 'BE-WAL', 'BE-VLG'] as const;

export const REQUEST_NEEDS = [
  'psychological',
  'paramedical',
  'interpreting',
  'mediation',
  'social',
  'peer_support',
] as const;
export const REQUEST_URGENCIES = ['low', 'normal', 'high'] as const;
export const REQUEST_STATUSES = ['sent', 'accepted', 'declined', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_ACTIONS = ['accept', 'decline', 'close'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** Field groups a request may share (the persons' consents must cover them). */
export const REQUEST_FIELDS = [
  'identity',
  'contact',
  'languages',
  'legal_status',
  'interpreter_need',
  'psychosocial',
] as const;

export const INTERVENTION_KINDS = [
  'consultation',
  'home_visit',
  'group_session',
  'appointment',
  'mediation',
] as const;
export const INTERVENTION_STATUSES = ['planned', 'done', 'cancelled'] as const;
export const PLACE_COUNTRIES = ['FR', 'BE'] as const;

export const DECLINE_REASON_MIN = 5;
export const MAX_REQUEST_PERSONS = 12;

/** The status a decision leads to from the current one, or null when it is not allowed. */
export function nextRequestStatus(status: RequestStatus, action: RequestAction): RequestStatus | null {
  if (status === 'sent' && action === 'accept') return 'accepted';
  if (status === 'sent' && action === 'decline') return 'declined';
  if (status === 'accepted' && action === 'close') return 'closed';
  return null;
}

/**
 * An intervention is cross-border when it is held in the other country than the team organisation's, or
 * when one of the persons concerned is followed by an organisation of the other country.
 */
export function isCrossBorder(i: {
  teamCountry: string;
  placeCountry: string;
  homeCountries: readonly string[];
}): boolean {
  return i.placeCountry !== i.teamCountry || i.homeCountries.some((c) => c !== i.teamCountry);
}

/**
 * What the counting rule counts (the same as app.ind_accompaniment_cross_border_all): done, in the
 * period, cross-border interventions — one each, or each person concerned once (their first).
 */
export function countCrossBorder(
  interventions: ReadonlyArray<{
    status: string;
    day: string;
    teamCountry: string;
    placeCountry: string;
    persons: ReadonlyArray<{ id: string; homeCountry: string }>;
  }>,
  period: { from: string; to: string },
  uniquePersons = false,
): number {
  const counted = interventions.filter(
    (i) =>
      i.status === 'done' &&
      i.day >= period.from &&
      i.day <= period.to &&
      isCrossBorder({
        teamCountry: i.teamCountry,
        placeCountry: i.placeCountry,
        homeCountries: i.persons.map((p) => p.homeCountry),
      }),
  );
  if (!uniquePersons) return counted.length;
  return new Set(counted.flatMap((i) => i.persons.map((p) => p.id))).size;
}
