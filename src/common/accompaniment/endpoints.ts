/** Every endpoint of the accompaniment module (read by the contract check, test/contracts). */
export * from './experimentations-endpoints';
export * from './interpreting-endpoints';
export * from './outreach-endpoints';
export * from './records-endpoints';
export * from './teams-endpoints';
