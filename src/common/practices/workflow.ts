import { defineWorkflow, type WorkflowTransition } from '../kernel/workflow';
import type { PracticeStatus } from './schemas';

/**
 * A sheet's life, written once as data: the server enforces it with `practiceWorkflow.check()`, the web
 * shows the actions `available()` gives, and the database guard (`app.practice_sheets_guard`, migration
 * 0028) allows exactly the moves `moves('owner')` lists. One side: the organisation that owns the sheet.
 * Publishing (to the network, or also without sign-in) and withdrawing are for `practice.publish` holders;
 * reopening a withdrawn sheet as a draft is for its writers.
 */
export type PracticeSide = 'owner';
export type PracticeTransition = WorkflowTransition<PracticeStatus, PracticeSide, never>;

export const practiceWorkflow = defineWorkflow<PracticeStatus, PracticeSide, never, PracticeTransition>({
  statuses: ['draft', 'network', 'public', 'withdrawn'],
  sides: ['owner'],
  guards: [],
  terminal: [],
  transitions: [
    {
      action: 'publish',
      from: 'draft',
      to: 'network',
      side: 'owner',
      permission: 'practice.publish',
      tone: 'primary',
    },
    { action: 'publish_public', from: 'draft', to: 'public', side: 'owner', permission: 'practice.publish' },
    { action: 'open_public', from: 'network', to: 'public', side: 'owner', permission: 'practice.publish' },
    { action: 'close_public', from: 'public', to: 'network', side: 'owner', permission: 'practice.publish' },
    {
      action: 'withdraw',
      from: 'network',
      to: 'withdrawn',
      side: 'owner',
      permission: 'practice.publish',
      tone: 'danger',
    },
    {
      action: 'withdraw',
      from: 'public',
      to: 'withdrawn',
      side: 'owner',
      permission: 'practice.publish',
      tone: 'danger',
    },
    { action: 'reopen', from: 'withdrawn', to: 'draft', side: 'owner', permission: 'practice.write' },
  ],
});
