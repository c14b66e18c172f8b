/** Identity and audit tables (migration 0002-identity). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IdentityTables {}
