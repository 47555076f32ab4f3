// Filled by the records part of the accompaniment module.
export {};
