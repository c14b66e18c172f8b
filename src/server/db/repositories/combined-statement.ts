/** Writes sent together in one round trip (the group committer's flush on PostgreSQL). */
import { CompiledQuery } from 'kysely';
import { ClearingMemo } from '../../../domain/clearing-memo.js';

/**
 * PostgreSQL: independent writes as one statement of data-modifying CTEs (WITH w0 AS (INSERT …),
 * w1 AS (UPDATE …) INSERT …), their $n parameters renumbered in order; a group stays under the
 * protocol's 65 535 parameters. The writes touch different rows, so their order does not matter.
 */
export function combineStatements(queries: readonly CompiledQuery[], maxParameters = 60_000): CompiledQuery[] {
  const groups: CompiledQuery[][] = [];
  let size = Infinity;
  for (const q of queries) {
    if (size + q.parameters.length > maxParameters) {
      groups.push([]);
      size = 0;
    }
    groups.at(-1)!.push(q);
    size += q.parameters.length;
  }
  return groups.map((group) => {
    if (group.length === 1) return group[0]!;
    const parameters: unknown[] = [];
    for (const q of group) parameters.push(...q.parameters);
    return CompiledQuery.raw(combinedText(group), parameters);
  });
}

/** the combined SQL, kept per sequence of texts: a flush's statements come in few shapes, and renumbering was ~3 % of an intake */
const combinedTexts = new ClearingMemo<string, string>(1_000);

function combinedText(group: readonly CompiledQuery[]): string {
  return combinedTexts.get(group.map((q) => q.sql).join('\u0000'), () => {
    let offset = 0;
    const texts = group.map((q) => {
      const at = offset;
      offset += q.parameters.length;
      return q.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + at}`);
    });
    const main = texts.pop()!;
    return `with ${texts.map((t, i) => `w${i} as (${t})`).join(', ')} ${main}`;
  });
}
