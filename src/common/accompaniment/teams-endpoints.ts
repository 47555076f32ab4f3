// Filled by the teams part of the accompaniment module.
export {};
