import { defineWorkflow } from '../kernel/workflow';
import type { OfferStatus } from './offer-schemas';

/**
 * An offer's life: written as a draft, published to the network, archived when the host stops taking
 * visitors (and brought back as a draft to be changed and published again). Only the host acts.
 */
export const OFFER_GUARDS = ['has_contact', 'has_period'] as const;
export type OfferGuard = (typeof OFFER_GUARDS)[number];

export const offerWorkflow = defineWorkflow({
  statuses: ['draft', 'published', 'archived'] as readonly OfferStatus[],
  sides: ['host'] as const,
  guards: OFFER_GUARDS,
  terminal: [],
  transitions: [
    {
      action: 'publish',
      from: 'draft',
      to: 'published',
      side: 'host',
      permission: 'immersion.manage',
      guards: ['has_contact', 'has_period'],
      tone: 'primary',
    },
    { action: 'unpublish', from: 'published', to: 'draft', side: 'host', permission: 'immersion.manage' },
    {
      action: 'archive',
      from: 'published',
      to: 'archived',
      side: 'host',
      permission: 'immersion.manage',
      tone: 'danger',
    },
    {
      action: 'archive',
      from: 'draft',
      to: 'archived',
      side: 'host',
      permission: 'immersion.manage',
      tone: 'danger',
    },
    { action: 'reopen', from: 'archived', to: 'draft', side: 'host', permission: 'immersion.manage' },
  ],
} as const);
