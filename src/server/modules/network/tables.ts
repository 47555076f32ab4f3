/** Tables owned by the network module (programmes, territories, services). Organisations are platform tables. */
// biome-ignore lint/complexity/noBannedTypes: filled in as the module's migrations land
export type NetworkTables = {};
