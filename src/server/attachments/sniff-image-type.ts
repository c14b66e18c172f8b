/**
 * The photo's type from its first bytes, never from the client's file name or Content-Type: a
 * renamed HTML or PDF file must not be stored and later served as an image. The patterns are the
 * WHATWG MIME Sniffing ones, with PNG also required to start with its IHDR chunk.
 */
export type ImageMediaType = 'image/jpeg' | 'image/png' | 'image/webp';

export const ALLOWED_IMAGE_TYPES: readonly ImageMediaType[] = ['image/jpeg', 'image/png', 'image/webp'];

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, offset: number, pattern: readonly number[]): boolean {
  if (bytes.length < offset + pattern.length) return false;
  return pattern.every((b, i) => bytes[offset + i] === b);
}

function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0));
}

export function sniffImageType(bytes: Uint8Array): ImageMediaType | null {
  // JPEG: SOI marker FF D8 followed by the next marker's FF
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // PNG: 8-byte signature, then the first chunk, which must be IHDR
  if (startsWith(bytes, 0, PNG_SIGNATURE) && startsWith(bytes, 12, ascii('IHDR'))) return 'image/png';
  // WebP: RIFF container, form type WEBP, first chunk VP8 / VP8L / VP8X
  if (startsWith(bytes, 0, ascii('RIFF')) && startsWith(bytes, 8, ascii('WEBPVP8'))) {
    const variant = bytes[15];
    if (variant === 0x20 || variant === 0x4c || variant === 0x58) return 'image/webp';
  }
  return null;
}
