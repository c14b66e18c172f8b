/**
 * One section of the town profile being edited in the console (the administration pages share it):
 * the document as loaded, a working copy of the section, save with the base hash, the server's
 * problems (422) by document path, and the stale-hash conflict (409).
 */
import { computed, shallowRef, type ShallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { ElMessage } from 'element-plus';
import type { z } from 'zod';
import { fetchAdminProfile, saveProfileSection, type AdminProfileDto } from '../../api/admin-profile.js';
import { ApiError, type FieldProblem } from '../../api/problem.js';
import { sectionOf, sectionOfPath, splitBilingual, type ProfileSection, type SectionContent } from '../../../domain/profile/profile-sections.js';
import { zodProblems } from '../../../domain/profile/zod-problems.js';
import { useOrganisationStore } from '../../stores/organisation.js';
import { useLoad } from '../../utils/load-state.js';
import { matchesAny, normalise } from '../../utils/text-match.js';

/** Problems under `prefix` ('departments[3]'), with paths relative to it ('phone'; '' for the row itself). */
export function problemsUnder(problems: readonly FieldProblem[], prefix: string): FieldProblem[] {
  return problems.flatMap((p) => {
    if (p.field === prefix) return [{ ...p, field: '' }];
    if (p.field.startsWith(`${prefix}.`)) return [{ ...p, field: p.field.slice(prefix.length + 1) }];
    if (p.field.startsWith(`${prefix}[`)) return [{ ...p, field: p.field.slice(prefix.length) }];
    return [];
  });
}

/** A row's own check in the browser: the same zod schema the server applies, messages in both languages. */
export function zodValidator<T>(schema: z.ZodType<unknown>): (draft: T) => FieldProblem[] {
  return (draft) => {
    const parsed = schema.safeParse(draft);
    if (parsed.success) return [];
    return zodProblems('', parsed.error).map((p) => ({ field: p.path, message: splitBilingual(p.message) }));
  };
}

export interface SectionEditor<S extends ProfileSection> {
  section: S;
  doc: ShallowRef<AdminProfileDto | null>;
  /** the working copy; replace it (see change) rather than mutating it */
  content: ShallowRef<SectionContent[S] | null>;
  dirty: ShallowRef<boolean>;
  saving: ShallowRef<boolean>;
  conflict: ShallowRef<boolean>;
  problems: ShallowRef<FieldProblem[]>;
  load: ReturnType<typeof useLoad<AdminProfileDto>>;
  reload: () => Promise<void>;
  change: (edit: (draft: SectionContent[S]) => void) => void;
  save: () => Promise<boolean>;
  rowProblems: (prefix: string) => FieldProblem[];
  messageOf: (p: FieldProblem) => string;
  sectionProblems: ShallowRef<FieldProblem[]>;
  otherProblems: ShallowRef<FieldProblem[]>;
}

export function useProfileSection<S extends ProfileSection>(section: S): SectionEditor<S> {
  const { t, locale } = useI18n();
  const org = useOrganisationStore();
  const doc = shallowRef<AdminProfileDto | null>(null);
  const content = shallowRef(null) as ShallowRef<SectionContent[S] | null>;
  const dirty = shallowRef(false);
  const saving = shallowRef(false);
  const conflict = shallowRef(false);
  const problems = shallowRef<FieldProblem[]>([]);
  const load = useLoad(fetchAdminProfile);

  async function reload(): Promise<void> {
    await load.run();
    const loaded = load.data.value;
    if (!loaded) return;
    doc.value = loaded;
    content.value = structuredClone(sectionOf(loaded.profile, section));
    dirty.value = false;
    conflict.value = false;
    problems.value = [];
  }

  function change(edit: (draft: SectionContent[S]) => void): void {
    if (content.value === null) return;
    const draft = structuredClone(content.value);
    edit(draft);
    content.value = draft;
    dirty.value = true;
  }

  async function save(): Promise<boolean> {
    if (!doc.value || content.value === null) return false;
    saving.value = true;
    try {
      await saveProfileSection(section, doc.value.hash, content.value);
      // the public pages read the organisation through the store: let them ask again
      org.clear();
      await reload();
      ElMessage({ type: 'success', message: t('admin.saved') });
      return true;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.status === 409) conflict.value = true;
      else if (err.status === 422) problems.value = err.fieldErrors;
      else ElMessage({ type: 'error', message: err.messageIn(locale.value) });
      return false;
    } finally {
      saving.value = false;
    }
  }

  const messageOf = (p: FieldProblem): string => (locale.value.startsWith('zh') ? p.message.zh : p.message.en);
  const sectionProblems = computed(() => problems.value.filter((p) => sectionOfPath(p.field) === section));
  const otherProblems = computed(() => problems.value.filter((p) => sectionOfPath(p.field) !== section));

  return {
    section,
    doc,
    content,
    dirty,
    saving,
    conflict,
    problems,
    load,
    reload,
    change,
    save,
    rowProblems: (prefix) => problemsUnder(problems.value, prefix),
    messageOf,
    sectionProblems: sectionProblems as unknown as ShallowRef<FieldProblem[]>,
    otherProblems: otherProblems as unknown as ShallowRef<FieldProblem[]>,
  };
}

/** The rows matching the search text, each with its index in the section (problems are addressed by index). */
export function indexedRows<T>(rows: readonly T[] | undefined, query: string, text: (row: T) => Array<string | null | undefined>): Array<{ row: T; index: number }> {
  const q = normalise(query);
  return (rows ?? []).map((row, index) => ({ row, index })).filter(({ row }) => matchesAny(q, text(row)));
}

/** The row without the optional fields left empty in the form ('' or null), as the profile leaves them out. */
export function withoutBlanks<T extends object>(row: T, keys: ReadonlyArray<keyof T>): T {
  const out = { ...row };
  for (const k of keys) if (out[k] === '' || out[k] === null) delete out[k];
  return out;
}
