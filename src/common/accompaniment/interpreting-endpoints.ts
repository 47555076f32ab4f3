// Filled by the interpreting part of the accompaniment module.
export {};
