/** The two-level catalogue (部件/事件 → major class) built from the flat category list. */
import type { CategoryDto } from '../api/organisation.js';

export type Kind = CategoryDto['kind'];
export const kindsInOrder: readonly Kind[] = ['部件', '事件'];

export interface MajorClass {
  kind: Kind;
  code: string;
  name: string;
  count: number;
}

export function majorClasses(categories: readonly CategoryDto[]): MajorClass[] {
  const byKey = new Map<string, MajorClass>();
  for (const c of categories) {
    const key = `${c.kind}:${c.majorCode}`;
    const entry = byKey.get(key) ?? { kind: c.kind, code: c.majorCode, name: c.majorName, count: 0 };
    entry.count += 1;
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** The node picked in the catalogue tree: everything, one kind, or one major class of a kind. */
export type Scope = { kind: null } | { kind: Kind; major: string | null };

export function inScope(c: CategoryDto, scope: Scope): boolean {
  if (scope.kind === null) return true;
  return c.kind === scope.kind && (scope.major === null || c.majorCode === scope.major);
}
