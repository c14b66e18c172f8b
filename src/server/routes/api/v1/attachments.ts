/** Photos: upload (multipart, field "file"), attach to a case, download. JPEG/PNG/WebP by content, ≤ 10 MB. */
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES, isSha256Hex } from '../../../attachments/index.js';
import { requireActor } from '../../../auth/require-actor.js';
import { assertMayViewPhoto, uploadPhoto, type UploadedPhoto } from '../../../cases/attach-photo.js';
import type { AppContext } from '../../../context.js';
import { findAttachment } from '../../../db/repositories/case-repository.js';
import { Problem } from '../../../http/problem.js';
import { keyRowFor, replayStoredUpload } from '../../../http/idempotency.js';
import type { Api } from '../../api-instance.js';

const tags = ['attachments'];
const uploaded = z.object({ id: z.string(), mediaType: z.string(), size: z.number() });

async function fileOf(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) {
    throw new Problem(415, 'UNSUPPORTED_MEDIA_TYPE', { zh: '请以 multipart/form-data 上传照片', en: 'Upload the photo as multipart/form-data' }, [{ field: 'body.file', message: { zh: '缺少文件', en: 'missing file' } }]);
  }
  const part = await request.file().catch(malformed);
  if (!part) throw new Problem(400, 'VALIDATION_FAILED', { zh: '缺少照片文件', en: 'No file in the upload' }, [{ field: 'body.file', message: { zh: '必填', en: 'required' } }]);
  const data = await part.toBuffer().catch((error: unknown) => {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new Problem(413, 'ATTACHMENT_TOO_LARGE', { zh: '照片超过 10 MB', en: 'The photo exceeds 10 MB' }, [{ field: 'body.file', message: { zh: '不超过 10 MB', en: 'at most 10 MB' } }], { limitBytes: ATTACHMENT_MAX_BYTES });
    }
    return malformed(error);
  });
  return data;
}

/** The multipart parser's own errors (no boundary, truncated data) are the client's, never a 500. */
function malformed(error: unknown): never {
  const status = (error as { statusCode?: number }).statusCode;
  if (error instanceof Problem || (typeof status === 'number' && status >= 400 && status < 500)) throw error as Error;
  throw new Problem(400, 'MALFORMED_MULTIPART', { zh: '上传内容不是有效的 multipart/form-data', en: 'The upload is not valid multipart/form-data' }, [
    { field: 'body', message: { zh: '无法解析的 multipart 内容', en: 'unparseable multipart data' } },
  ]);
}

export async function attachmentRoutes(api: Api, ctx: AppContext): Promise<void> {
  // one byte over the limit is enough to know it is too large
  await api.register(multipart, { limits: { fileSize: ATTACHMENT_MAX_BYTES + 1, files: 1, fields: 5 } });

  api.post('/attachments', { schema: { tags, summary: '上传照片 Upload a photo before referencing it (intake, feedback, verification)', consumes: ['multipart/form-data'], response: { 201: uploaded } } }, async (request, reply) => {
    const actor = requireActor(request);
    const file = await fileOf(request);
    if (await replayStoredUpload(ctx, request, reply, file)) return reply;
    return reply.code(201).send(await uploadPhoto(ctx, actor, file, null, keyRowFor(ctx, request, 201, (photo: UploadedPhoto) => photo)));
  });

  api.post(
    '/cases/:id/attachments',
    { schema: { tags, summary: '案件照片 Attach a photo to a case (recorded in its record)', consumes: ['multipart/form-data'], params: z.strictObject({ id: z.uuid() }), response: { 201: uploaded } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const file = await fileOf(request);
      if (await replayStoredUpload(ctx, request, reply, file)) return reply;
      return reply.code(201).send(await uploadPhoto(ctx, actor, file, request.params.id, keyRowFor(ctx, request, 201, (photo: UploadedPhoto) => photo)));
    },
  );

  api.get('/attachments/:id', { schema: { tags, summary: '下载照片 Download a photo', params: z.strictObject({ id: z.string().refine(isSha256Hex, 'a SHA-256 in hex') }) } }, async (request, reply) => {
    const actor = requireActor(request);
    const meta = await findAttachment(ctx.database.db, ctx.townId, request.params.id);
    if (!meta) throw new Problem(404, 'ATTACHMENT_NOT_FOUND', { zh: '照片不存在', en: 'No such photo' });
    await assertMayViewPhoto(ctx, actor, meta);
    const stream = await ctx.attachments.open(meta.sha256);
    if (!stream) throw new Problem(404, 'ATTACHMENT_NOT_FOUND', { zh: '照片不存在', en: 'No such photo' });
    return reply.type(meta.media_type).header('cache-control', 'private, max-age=31536000, immutable').send(stream);
  });
}
