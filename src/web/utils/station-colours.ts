/** One colour per station, the same on the map, its legend and the home page cards. */
const palette = ['#2f7de1', '#e6862e', '#3aa757', '#c64848', '#8a5cc9', '#17a2b8', '#c9a227', '#d45d9c', '#6b8e23', '#5f6b7a'];

/** Colours follow the order of the station list the API returns (by code), so they are stable per town. */
export function stationColours(codes: readonly string[]): Map<string, string> {
  return new Map(codes.map((code, i) => [code, palette[i % palette.length] ?? '#5f6b7a']));
}

/** Permanent stations first (in the API's order), then temporary ones: the town as people know it, then the exceptions. */
export function inDisplayOrder<T extends { temporary: boolean }>(stations: readonly T[]): T[] {
  return [...stations.filter((s) => !s.temporary), ...stations.filter((s) => s.temporary)];
}
