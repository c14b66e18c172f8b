import { describe, expect, it } from 'vitest';
import { sniffImageType } from './sniff-image-type.js';
import { tinyJpeg, tinyPng, tinyWebp } from '../../../test/images.js';

describe('sniffImageType', () => {
  it('recognises a JPEG, a PNG and a WebP by their bytes', () => {
    expect(sniffImageType(tinyJpeg())).toBe('image/jpeg');
    expect(sniffImageType(tinyPng())).toBe('image/png');
    expect(sniffImageType(tinyWebp())).toBe('image/webp');
    expect(sniffImageType(tinyWebp('VP8X'))).toBe('image/webp');
  });

  it('works on a Uint8Array as well as a Buffer', () => {
    expect(sniffImageType(new Uint8Array(tinyPng()))).toBe('image/png');
  });

  it.each([
    ['an empty buffer', Buffer.alloc(0)],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')],
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj', 'latin1')],
    ['HTML renamed .jpg', Buffer.from('<html><script>alert(1)</script></html>')],
    ['HTML with a BOM and white space', Buffer.from('\ufeff  <!DOCTYPE html><html>')],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['a truncated JPEG start', Buffer.from([0xff, 0xd8])],
    ['a PNG signature without IHDR', Buffer.concat([tinyPng().subarray(0, 8), Buffer.alloc(8)])],
    ['a RIFF WAVE file', Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1')],
    ['RIFF WEBP with an unknown chunk', Buffer.from('RIFF\x24\x00\x00\x00WEBPVP9 ', 'latin1')],
  ])('refuses %s', (_name, bytes) => {
    expect(sniffImageType(bytes)).toBeNull();
  });
});
