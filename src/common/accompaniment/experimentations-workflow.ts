import { defineWorkflow, type WorkflowTransition } from '../kernel/workflow';
import type { ExperimentationStatus, TransferStatus } from './experimentations-schemas';

/**
 * An experimentation's life and a transfer's, written once as data: the server enforces them with
 * `check()`, the web shows the actions `available()` gives, and the database guards of migration 0057
 * (app.experimentations_guard, app.experimentation_transfers_guard) allow exactly the moves `moves()` lists.
 * The guard `evaluation_recorded`: findings are recorded before the evaluation is closed.
 */
export type ExperimentationGuard = 'evaluation_recorded';
type ExperimentationTransition = WorkflowTransition<ExperimentationStatus, 'lead', ExperimentationGuard>;

const manage = 'experimentation.manage' as const;

export const experimentationWorkflow = defineWorkflow<
  ExperimentationStatus,
  'lead',
  ExperimentationGuard,
  ExperimentationTransition
>({
  statuses: ['planned', 'running', 'evaluated', 'closed', 'abandoned'],
  sides: ['lead'],
  guards: ['evaluation_recorded'],
  terminal: ['closed', 'abandoned'],
  transitions: [
    { action: 'start', from: 'planned', to: 'running', side: 'lead', permission: manage, tone: 'primary' },
    {
      action: 'evaluate',
      from: 'running',
      to: 'evaluated',
      side: 'lead',
      permission: manage,
      guards: ['evaluation_recorded'],
      tone: 'primary',
    },
    { action: 'close', from: 'evaluated', to: 'closed', side: 'lead', permission: manage, tone: 'secondary' },
    { action: 'abandon', from: 'planned', to: 'abandoned', side: 'lead', permission: manage, tone: 'danger' },
    { action: 'abandon', from: 'running', to: 'abandoned', side: 'lead', permission: manage, tone: 'danger' },
  ],
});

type TransferTransition = WorkflowTransition<TransferStatus, 'taker', ExperimentationGuard>;

/** A transfer's life, moved by the organisation taking the experimentation up. */
export const transferWorkflow = defineWorkflow<
  TransferStatus,
  'taker',
  ExperimentationGuard,
  TransferTransition
>({
  statuses: ['proposed', 'adapting', 'running', 'evaluated', 'adopted', 'abandoned'],
  sides: ['taker'],
  guards: ['evaluation_recorded'],
  terminal: ['adopted', 'abandoned'],
  transitions: [
    { action: 'adapt', from: 'proposed', to: 'adapting', side: 'taker', permission: manage, tone: 'primary' },
    { action: 'start', from: 'adapting', to: 'running', side: 'taker', permission: manage, tone: 'primary' },
    {
      action: 'evaluate',
      from: 'running',
      to: 'evaluated',
      side: 'taker',
      permission: manage,
      guards: ['evaluation_recorded'],
      tone: 'primary',
    },
    { action: 'adopt', from: 'evaluated', to: 'adopted', side: 'taker', permission: manage, tone: 'primary' },
    ...(['proposed', 'adapting', 'running', 'evaluated'] as const).map((from) => ({
      action: 'abandon',
      from,
      to: 'abandoned' as const,
      side: 'taker' as const,
      permission: manage,
      tone: 'danger' as const,
    })),
  ],
});
