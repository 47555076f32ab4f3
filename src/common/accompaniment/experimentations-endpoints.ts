// Filled by the experimentations part of the accompaniment module.
export {};
