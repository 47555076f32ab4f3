import { defineWorkflow, type WorkflowTransition } from '../kernel/workflow';
import type { InitiativeStatus } from './schemas';

/**
 * An initiative's life, written once as data: the server enforces it with `initiativeWorkflow.check()`,
 * the web shows the actions `available()` gives, and the database guard (`app.initiatives_guard`,
 * migration 0049) allows exactly the moves `moves('lead')` lists. One side: the lead organisation.
 */
export type InitiativeSide = 'lead';
export type InitiativeTransitionDef = WorkflowTransition<InitiativeStatus, InitiativeSide, never>;

export const initiativeWorkflow = defineWorkflow<
  InitiativeStatus,
  InitiativeSide,
  never,
  InitiativeTransitionDef
>({
  statuses: ['idea', 'preparing', 'running', 'ended', 'abandoned'],
  sides: ['lead'],
  guards: [],
  terminal: ['ended', 'abandoned'],
  transitions: [
    {
      action: 'prepare',
      from: 'idea',
      to: 'preparing',
      side: 'lead',
      permission: 'initiatives.manage',
      tone: 'primary',
    },
    {
      action: 'start',
      from: 'preparing',
      to: 'running',
      side: 'lead',
      permission: 'initiatives.manage',
      tone: 'primary',
    },
    {
      action: 'end',
      from: 'running',
      to: 'ended',
      side: 'lead',
      permission: 'initiatives.manage',
      tone: 'primary',
    },
    {
      action: 'abandon',
      from: 'idea',
      to: 'abandoned',
      side: 'lead',
      permission: 'initiatives.manage',
      tone: 'danger',
    },
    {
      action: 'abandon',
      from: 'preparing',
      to: 'abandoned',
      side: 'lead',
      permission: 'initiatives.manage',
      tone: 'danger',
    },
    {
      action: 'abandon',
      from: 'running',
      to: 'abandoned',
      side: 'lead',
      permission: 'initiatives.manage',
      tone: 'danger',
    },
  ],
});
