/**
 * Roles and what each may do: one table read by the API (to refuse) and by the web app (to show only
 * what applies). Roles are held per organisation membership; platform_admin is held by the user.
 */
export const ROLES = [
  'platform_admin',
  'coordinator',
  'org_admin',
  'referent',
  'tutor',
  'volunteer_coordinator',
  'analyst',
  'interpreter',
  /** A centre's finance officer: declares its programme expenditure, sees no person. */
  'finance',
  // Professions of a mobile accompaniment team (AB Réfugiés, migration 0051). The clinical ones
  // (psychologist, paramedical) alone read the team's clinical notes.
  'psychologist',
  'paramedical',
  'intercultural_mediator',
  /** A volunteer or peer who accompanies newcomers and needs an account (outreach, meetups). */
  'peer_ambassador',
] as const;
export type Role = (typeof ROLES)[number];
export const MEMBERSHIP_ROLES = ROLES.filter((r) => r !== 'platform_admin');

/** Members of a mobile accompaniment team who meet newcomers (not the peer volunteers). */
const TEAM_PROFESSIONALS: Role[] = ['psychologist', 'paramedical', 'intercultural_mediator'];

const ALL_STAFF: Role[] = [
  'platform_admin',
  'coordinator',
  'org_admin',
  'referent',
  'tutor',
  'volunteer_coordinator',
];

export const PERMISSIONS = {
  // network
  'organisation.view': [...ALL_STAFF, 'analyst', 'interpreter', 'finance'],
  'organisation.create': ['platform_admin'],
  'organisation.update': ['platform_admin', 'org_admin'],
  'organisation.security': ['platform_admin', 'org_admin'],
  'programme.view': [...ALL_STAFF, 'analyst', 'finance'],
  'programme.create': ['platform_admin', 'coordinator'],
  'programme.update': ['platform_admin', 'coordinator'],
  'service.manage': ['platform_admin', 'org_admin', 'coordinator', 'volunteer_coordinator'],
  'territory.import': ['platform_admin'],
  /** Creates and edits groups of territories: platform-wide ones (platform admins), its organisation's (others). */
  'territory.group.manage': ['platform_admin', 'coordinator', 'org_admin'],
  // administration
  'member.view': ['platform_admin', 'org_admin', 'coordinator'],
  'member.manage': ['platform_admin', 'org_admin'],
  'audit.view': ['platform_admin', 'org_admin'],
  'mail.outbox.view': ['platform_admin', 'org_admin'],
  // people and placements (Action 1)
  'person.view': ['referent', 'coordinator', 'org_admin'],
  'person.manage': ['referent', 'coordinator'],
  'person.view_all_caseloads': ['coordinator', 'org_admin'],
  /** How many other centres follow the same participant code (referents only learn "one or more"). */
  'person.known_elsewhere': ['coordinator'],
  // persons another organisation shares with one's own (referrals, placements)
  'person.view_shared': ['referent', 'coordinator', 'tutor', 'org_admin', ...TEAM_PROFESSIONALS],
  'consent.override': ['coordinator'],
  /** Data-subject rights (ADR 0032): export everything about a person, restrict processing. */
  'person.subject_rights': ['coordinator', 'org_admin'],
  /** Erases a person by anonymisation, irreversibly: the coordinators, who know the casework. */
  'person.erase': ['coordinator'],
  'offer.view': ['referent', 'coordinator', 'tutor', 'org_admin'],
  'offer.manage': ['coordinator', 'org_admin', 'tutor'],
  'placement.view': ['referent', 'coordinator', 'tutor', 'org_admin'],
  'placement.manage': ['referent', 'coordinator'],
  'placement.home_review': ['coordinator', 'org_admin'],
  'placement.host_validate': ['coordinator', 'org_admin'],
  'placement.attendance': ['tutor', 'referent', 'coordinator'],
  'placement.programme_overview': ['coordinator', 'platform_admin'],
  'placement.export': ['coordinator'],
  // aggregates
  'indicators.view': ['platform_admin', 'coordinator', 'analyst', 'org_admin', 'finance'],
  /** Defines a programme's indicators and types manual values (the lead organisation's, checked by the API). */
  'programme.monitor': ['platform_admin', 'coordinator'],
  /** The pseudonymous records behind an indicator: the lead's coordinators all, a partner's its own. */
  'indicators.records': ['platform_admin', 'coordinator'],
  /** Declares its own organisation's expenditure in a programme (the lead reviews with `programme.monitor`). */
  'expenditure.declare': ['platform_admin', 'coordinator', 'org_admin', 'finance'],
  // Action 2: teams, immersions, the practice library, the immersion formative
  /** Creates and edits its organisation's teams and services, and who belongs to them. */
  'unit.manage': ['platform_admin', 'org_admin', 'coordinator'],
  /** Reads the immersion offers of the network and requests an immersion for oneself. */
  'immersion.view': [...ALL_STAFF, 'interpreter'],
  'immersion.request': [
    'coordinator',
    'org_admin',
    'referent',
    'tutor',
    'volunteer_coordinator',
    'interpreter',
  ],
  /** Publishes its organisation's offers, approves its staff's requests (as manager) and its visitors (as host). */
  'immersion.manage': ['platform_admin', 'org_admin', 'coordinator'],
  /** Reads the practice library and writes practice sheets and take-up records for its organisation. */
  'practice.view': [...ALL_STAFF, 'analyst', 'interpreter'],
  'practice.write': ['coordinator', 'org_admin', 'referent', 'tutor', 'volunteer_coordinator', 'interpreter'],
  /** Publishes its organisation's sheets to the network and, optionally, without sign-in. */
  'practice.publish': ['platform_admin', 'org_admin', 'coordinator'],
  /** Reads a formative partnership its organisation is party to; the trainee and tutor record progress. */
  'formative.view': ['coordinator', 'org_admin', 'referent', 'tutor'],
  'formative.manage': ['platform_admin', 'coordinator', 'org_admin'],
  'formative.progress': ['coordinator', 'referent', 'tutor'],
  // Action 3: the observatory of social needs (aggregates of official sources, no person)
  /** Reads the observatory's indicators, maps and boards. */
  'observatory.view': [...ALL_STAFF, 'analyst', 'finance'],
  /** Imports official files and defines data elements and indicators for its organisation. */
  'observatory.import': ['platform_admin', 'coordinator', 'org_admin', 'analyst'],
  // Action 4: forums, events, volunteers, cross-border initiatives
  /** Reads the network's forums and events. */
  'forum.view': [...ALL_STAFF, 'analyst', 'interpreter', 'finance'],
  /** Creates, publishes and cancels its organisation's events and manages their registrations. */
  'forum.manage': ['platform_admin', 'coordinator', 'org_admin', 'volunteer_coordinator'],
  /** Keeps the volunteer registry: validates registrations, records declarations, assignments, insurance. */
  'volunteers.manage': ['coordinator', 'org_admin', 'volunteer_coordinator'],
  /** Reads the network's solidarity initiatives and the proposals forums made. */
  'initiatives.view': [...ALL_STAFF, 'analyst', 'interpreter', 'finance'],
  /** Leads its organisation's initiatives, records forum proposals, and records results as a partner. */
  'initiatives.manage': ['coordinator', 'org_admin', 'volunteer_coordinator'],
  // AB Réfugiés: accompaniment of newcomers (module accompaniment, migrations 0051-0056)
  /** Reads the network's mobile teams, its organisation's requests, interventions and bookings. */
  'accompaniment.view': [...ALL_STAFF, ...TEAM_PROFESSIONALS, 'peer_ambassador', 'interpreter'],
  /** Asks a mobile team to accompany a person of its own caseload (through the sharing door). */
  'accompaniment.request': ['referent', 'coordinator', 'org_admin'],
  /** Keeps its organisation's teams, decides on the requests they receive, plans and records interventions. */
  'accompaniment.manage': ['coordinator', 'org_admin', 'referent', ...TEAM_PROFESSIONALS],
  /** Reads and writes the team's clinical notes: the clinical professions only, never their managers. */
  'accompaniment.clinical': ['psychologist', 'paramedical'],
  /** Books an interpreter for its organisation's work. */
  'interpreting.book': ['referent', 'coordinator', 'org_admin', ...TEAM_PROFESSIONALS],
  /** Answers the bookings addressed to its organisation as an interpreting provider. */
  'interpreting.provide': ['interpreter', 'coordinator', 'org_admin'],
  /** Keeps the log of outreach contacts with persons not (yet) identified. */
  'outreach.record': ['referent', 'coordinator', 'org_admin', ...TEAM_PROFESSIONALS, 'peer_ambassador'],
  /** Reads the network's experimentations and their transfers. */
  'experimentation.view': [...ALL_STAFF, ...TEAM_PROFESSIONALS, 'peer_ambassador', 'analyst', 'interpreter'],
  /** Runs its organisation's experimentations and the transfers it takes up. */
  'experimentation.manage': ['coordinator', 'org_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}
