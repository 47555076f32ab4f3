import type { Permission } from '../../../common/access/permissions';
import type { WebModule } from '../../app/module';

/** A card of the accompaniment hub page: one per thing a part lets its users do. */
export interface HubSection {
  key: string;
  order: number;
  to: string;
  /** Catalogue ids of the card's title and one-line description. */
  titleId: string;
  descriptionId: string;
  permission: Permission;
}

/**
 * One part of the accompaniment web module (records, teams, interpreting, outreach, experimentations):
 * its pages, the panels and links it adds to the person page, and its cards on the hub page.
 */
export type AccompanimentWebPart = Omit<WebModule, 'nav'> & { sections?: HubSection[] };
