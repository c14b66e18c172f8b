export { AttachmentStore, isSha256Hex, type StoredAttachment } from './attachment-store.js';
export { ATTACHMENT_MAX_BYTES, AttachmentTooLargeError, AttachmentTypeNotAllowedError } from './attachment-errors.js';
export { ALLOWED_IMAGE_TYPES, sniffImageType, type ImageMediaType } from './sniff-image-type.js';
