// Filled by the outreach part of the accompaniment module.
export {};
