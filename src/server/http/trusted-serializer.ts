/**
 * For routes whose presenter builds the exact contract type (checked by TypeScript against the zod
 * schema's inferred type), the response is written with JSON.stringify alone: the schema still
 * documents the response in OpenAPI, but the hot paths (intake, case detail, actions) skip a second,
 * redundant validation of what was just built. Elsewhere the zod serializer stays the safety net.
 */
export const trustedSerializer = () => (data: unknown) => JSON.stringify(data);
