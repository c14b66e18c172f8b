/**
 * Upload refusals, as Problems so the HTTP error handler renders them as problem+json directly
 * (413 and 415), each with a stable code and a Chinese and English message.
 */
import { Problem } from '../http/problem.js';
import { ALLOWED_IMAGE_TYPES } from './sniff-image-type.js';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

export class AttachmentTooLargeError extends Problem {
  constructor(sizeBytes: number, limitBytes: number = ATTACHMENT_MAX_BYTES) {
    super(
      413,
      'ATTACHMENT_TOO_LARGE',
      { zh: `照片不能超过 ${megabytes(limitBytes)}`, en: `The photo must not be larger than ${megabytes(limitBytes)}` },
      [{ field: 'file', message: { zh: `文件大小 ${sizeBytes} 字节，超过上限`, en: `${sizeBytes} bytes is over the limit` } }],
      { limitBytes, sizeBytes },
    );
    this.name = 'AttachmentTooLargeError';
  }
}

export class AttachmentTypeNotAllowedError extends Problem {
  constructor() {
    super(
      415,
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      { zh: '只接受 JPEG、PNG 或 WebP 格式的照片', en: 'Only JPEG, PNG or WebP photos are accepted' },
      [{ field: 'file', message: { zh: '文件内容不是允许的图片格式', en: 'the file content is not an allowed image type' } }],
      { allowedTypes: [...ALLOWED_IMAGE_TYPES] },
    );
    this.name = 'AttachmentTypeNotAllowedError';
  }
}
