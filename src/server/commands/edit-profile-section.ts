/**
 * An administrator replaces one section of the town's profile (PUT /admin/profile/:section): based on
 * the document hash they read (stale → 409), validated exactly like `cityops profile validate`
 * (problems → 422 with the document path of each), then loaded through loadProfileIn — entity tables
 * in place with history, the new document stored, the audit row — in one transaction. The town
 * snapshots are dropped so routing and deadlines use the new profile at once.
 */
import type { Actor } from '../../domain/access/actor.js';
import { documentPath, splitBilingual, type ProfileSection } from '../../domain/profile/profile-sections.js';
import type { ProfileProblem } from '../../domain/profile/profile-problem.js';
import type { Profile } from '../../domain/profile/schema.js';
import type { AppContext } from '../context.js';
import type { SyncCounts } from '../db/repositories/profile-repository.js';
import { claimTownAtHash, findCurrentProfileDocument, type StoredProfile } from '../db/repositories/town-profile-repository.js';
import { Problem, type FieldError } from '../http/problem.js';
import { profileContentHash } from '../profile/profile-hash.js';
import { mergeSection } from '../profile/merge-section.js';
import { loadProfileIn } from './load-profile.js';
import { auditActorOf, recordAudit } from './record-audit.js';

export interface EditSectionResult {
  hash: string;
  changed: boolean;
  changes: Record<string, SyncCounts>;
}

export const profileDocumentMissing = (): Problem =>
  new Problem(409, 'PROFILE_DOCUMENT_MISSING', {
    zh: '尚无可编辑的镇配置，请先用 cityops profile load 加载一次',
    en: 'No profile document to edit yet; load the profile once with `cityops profile load`',
  });

const profileChanged = (currentHash?: string): Problem =>
  new Problem(
    409,
    'PROFILE_CHANGED',
    { zh: '镇配置已被他人修改，请重新加载后再编辑', en: 'Someone else changed the profile; reload it and edit again' },
    [{ field: 'body.baseHash', message: { zh: '不是当前版本', en: 'not the current version' } }],
    currentHash === undefined ? {} : { currentHash },
  );

export function problemsToFieldErrors(problems: readonly ProfileProblem[]): FieldError[] {
  return problems.map((p) => ({ field: documentPath(p), message: splitBilingual(p.message) }));
}

/** A stored document as the profile it is; one stored before devices.yaml existed has no devices. */
export function profileFromDocument(document: string): Profile {
  const profile = JSON.parse(document) as Profile;
  return { ...profile, devices: profile.devices ?? [] };
}

export async function currentProfileDocument(ctx: Pick<AppContext, 'database' | 'townId'>): Promise<{ row: StoredProfile; profile: Profile }> {
  const row = await findCurrentProfileDocument(ctx.database.db, ctx.townId);
  if (!row) throw profileDocumentMissing();
  return { row, profile: profileFromDocument(row.document) };
}

const nonZero = (changes: Record<string, SyncCounts>) =>
  Object.fromEntries(Object.entries(changes).filter(([, c]) => c.inserted + c.updated + c.deactivated > 0));

export async function editProfileSection(
  ctx: AppContext,
  actor: Actor,
  section: ProfileSection,
  edit: { baseHash: string; content: unknown },
  ip: string | null,
): Promise<EditSectionResult> {
  const { row, profile: current } = await currentProfileDocument(ctx);
  if (row.hash !== edit.baseHash) throw profileChanged(row.hash);
  const { profile, problems } = mergeSection(current, section, edit.content);
  if (!profile) {
    throw new Problem(
      422,
      'PROFILE_INVALID',
      { zh: `镇配置有 ${problems.length} 个问题，未保存`, en: `The profile has ${problems.length} problem(s); nothing was saved` },
      problemsToFieldErrors(problems),
    );
  }
  const hash = profileContentHash(profile);
  if (hash === row.hash) return { hash, changed: false, changes: {} };
  const at = ctx.clock.now().toISOString();
  const result = await ctx.database.write(async (trx) => {
    if (!(await claimTownAtHash(trx, ctx.townId, row.hash))) throw profileChanged();
    const loaded = await loadProfileIn(trx, profile, hash, { at, by: `user:${actor.username}` });
    const changes = nonZero(loaded.changes);
    await recordAudit(
      ctx,
      {
        actor: auditActorOf(actor),
        action: 'profile.update',
        outcome: 'success',
        resourceType: 'profile_section',
        resourceId: section,
        ip,
        detail: { section, oldHash: row.hash, newHash: hash, changes },
      },
      trx,
    );
    return { hash, changed: true, changes };
  });
  ctx.town.invalidate();
  return result;
}
