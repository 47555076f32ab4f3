import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { Permission } from '../../common/access/permissions';

/** A menu entry; shown only to users holding the permission (or to everyone signed in without one). */
export interface NavItem {
  to: string;
  labelId: string;
  permission?: Permission;
  /** Lower comes first. */
  order: number;
  /** Also shown to visitors who are not signed in (the public services directory). */
  public?: boolean;
  /**
   * Shown only to visitors who are not signed in: the public face of a page signed-in users reach by
   * its own entry (the public practice library beside the library).
   */
  publicOnly?: boolean;
}

/** What the person page tells a module's panel or link about the person it shows. */
export interface PersonSlotProps {
  personId: string;
  /** The actor may change this person's record (the home centre's staff with the permission). */
  canManage: boolean;
}

/** A card a module adds to the person page (agreements, immersions, accompaniment…). */
export interface PersonPanel {
  key: string;
  /** Lower comes first. */
  order: number;
  permission?: Permission;
  Component: ComponentType<PersonSlotProps>;
}

/** A link a module adds to the person page's "elsewhere in samen" card (pathway, offers, refer…). */
export interface PersonLink {
  key: string;
  order: number;
  labelId: string;
  permission?: Permission;
  /** Shown only to those who may change the person's record. */
  manageOnly?: boolean;
  href: (personId: string) => string;
}

/** A link a module adds to a programme's page (its placements overview, its indicators…). */
export interface ProgrammeLink {
  key: string;
  order: number;
  labelId: string;
  permission?: Permission;
  href: (programmeId: string) => string;
  /** Shown only when the programme's record says so (e.g. the actor's organisation leads it). */
  when?: (programme: { id: string; leadOrgId: string | null }, activeOrgId: string | null) => boolean;
}

/** What a module shows next to a person in a caseload row (its alerts' codes, already computed by the API). */
export interface CaseloadAlertView {
  /** The alert codes this module renders (others' codes are not its business). */
  owns: (code: string) => boolean;
  Component: ComponentType<{ codes: string[] }>;
}

/**
 * What a web module contributes to the shell: pages for signed-in users, public pages, menu entries, and
 * what it adds to other modules' pages through their slots. `src/web/app/modules.ts` lists the modules;
 * nothing else imports a module but through its index.
 */
export interface WebModule {
  routes?: RouteObject[];
  publicRoutes?: RouteObject[];
  nav?: NavItem[];
  personPanels?: PersonPanel[];
  personLinks?: PersonLink[];
  caseloadAlerts?: CaseloadAlertView[];
  programmeLinks?: ProgrammeLink[];
}
