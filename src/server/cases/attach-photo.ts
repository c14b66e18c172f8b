/**
 * A photo uploaded (inspector's report, feedback, before/after): checked by content, stored once by
 * SHA-256 under the data directory, registered for the town; attached to a case, it is also recorded
 * in the case's hash-chained record.
 */
import type { Actor } from '../../domain/access/index.js';
import type { AppContext } from '../context.js';
import { appendCaseEvent } from '../db/repositories/case-event-repository.js';
import { casesUsingAttachment, claimAttachments, findAttachment, findCase, findCasesByIds, holdsAttachment, insertAttachment, insertOutbox } from '../db/repositories/case-repository.js';
import { Problem } from '../http/problem.js';
import { recordActor } from './case-actor.js';
import { assertMayReadCase } from './case-access.js';
import { claimIdempotencyKey, type KeyRowFor } from '../db/repositories/idempotency-repository.js';
import { idempotencyKeyTaken } from '../http/idempotency.js';

export interface UploadedPhoto {
  id: string;
  mediaType: string;
  size: number;
}

/** `keyRow`: the Idempotency-Key's row, written in the upload's own transaction. */
export async function uploadPhoto(ctx: AppContext, actor: Actor, data: Buffer, caseId: string | null, keyRow?: KeyRowFor<UploadedPhoto>): Promise<UploadedPhoto> {
  const row = caseId ? await findCase(ctx.database.db, ctx.townId, caseId) : null;
  if (caseId && !row) throw new Problem(404, 'CASE_NOT_FOUND', { zh: '案件不存在', en: 'No such case' });
  if (row) assertMayReadCase(actor, row, await ctx.town.current());
  const stored = await ctx.attachments.put(data);
  const at = ctx.clock.now().toISOString();
  const photo: UploadedPhoto = { id: stored.sha256, mediaType: stored.mediaType, size: stored.size };
  await ctx.database.write(async (trx) => {
    if (keyRow && !(await claimIdempotencyKey(trx, keyRow(photo)))) throw idempotencyKeyTaken();
    await insertAttachment(trx, { town_id: ctx.townId, sha256: stored.sha256, media_type: stored.mediaType, size: stored.size, case_id: row?.id ?? null, uploaded_by: actor.id, created_at: at });
    if (row) {
      // a photo stored before (by another upload, for another case) is this case's too
      await claimAttachments(trx, ctx.townId, [stored.sha256], row.id, at);
      const event = await appendCaseEvent(
        trx,
        ctx.townId,
        { caseId: row.id, action: 'attach', fromStatus: row.status, toStatus: row.status, actor: recordActor(actor), reason: null, data: { mediaType: stored.mediaType, size: stored.size }, attachments: [stored.sha256], at },
      );
      await insertOutbox(trx, ctx.townId, 'case.event', { seq: Number(event.seq), caseId: row.id, action: 'attach' }, at);
    }
  });
  if (row) ctx.realtime.notify();
  return photo;
}

/**
 * A photo is seen by whoever uploaded it, and by whoever may read a case that uses it. The same answer
 * (404) for "no such photo" and "not yours" keeps SHA-256 ids from being probed.
 */
export async function assertMayViewPhoto(ctx: AppContext, actor: Actor, meta: { sha256: string }): Promise<void> {
  const hidden = () => new Problem(404, 'ATTACHMENT_NOT_FOUND', { zh: '照片不存在', en: 'No such photo' });
  if (await holdsAttachment(ctx.database.db, ctx.townId, meta.sha256, actor.id)) return;
  const town = await ctx.town.current();
  for (const row of await findCasesByIds(ctx.database.db, ctx.townId, await casesUsingAttachment(ctx.database.db, ctx.townId, meta.sha256))) {
    try {
      assertMayReadCase(actor, row, town);
      return;
    } catch {
      // not this case: perhaps another that uses the photo
    }
  }
  throw hidden();
}

/**
 * The photos a case may not be given by this actor: never uploaded, or not theirs to see — a photo's
 * id alone must not make it visible to a case's readers. Answered alike (UNKNOWN_ATTACHMENT), so ids
 * cannot be probed.
 */
export async function photosNotUsable(ctx: AppContext, actor: Actor, shas: readonly string[]): Promise<string[]> {
  const refused: string[] = [];
  for (const sha of new Set(shas)) {
    const meta = await findAttachment(ctx.database.db, ctx.townId, sha);
    try {
      if (!meta) throw new Error('no such photo');
      await assertMayViewPhoto(ctx, actor, meta);
    } catch {
      refused.push(sha);
    }
  }
  return refused;
}
