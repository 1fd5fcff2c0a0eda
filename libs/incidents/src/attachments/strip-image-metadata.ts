import { TooLargeError, UnsupportedTypeError } from '@app/common';
import sharp from 'sharp';
import type { EvidenceContentType } from './file-type';

/** The pictures whose metadata is removed before they are stored (decoded whole, in memory). */
export type ImageContentType = Extract<
  EvidenceContentType,
  'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif'
>;

/** Larger pictures (a decompression bomb, say) are refused before they are decoded. */
export const MAX_IMAGE_PIXELS = 60_000_000;

/**
 * HEIC/HEIF photos are not among them: the image library cannot decode HEVC, so
 * they are kept as sent (see docs/operations.md).
 */
export const isImage = (contentType: EvidenceContentType): contentType is ImageContentType =>
  Object.hasOwn(NAMES, contentType);

const NAMES: Record<ImageContentType, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
};

/**
 * The picture again without anything but its pixels: no EXIF (camera, GPS
 * position, time), XMP, IPTC, ICC profile or comments. It is turned upright
 * by its EXIF orientation first (which goes with the rest), then written in
 * the same format; GIF and WebP animations keep every frame.
 */
export async function stripImageMetadata(
  input: Buffer,
  contentType: ImageContentType,
): Promise<Buffer> {
  const image = sharp(input, {
    animated: contentType === 'image/gif' || contentType === 'image/webp',
    limitInputPixels: MAX_IMAGE_PIXELS,
    failOn: 'error',
  }).rotate();
  const encoded =
    contentType === 'image/jpeg'
      ? image.jpeg({ quality: 90 })
      : contentType === 'image/png'
        ? image.png()
        : contentType === 'image/webp'
          ? image.webp({ quality: 90 })
          : image.gif();
  try {
    return await encoded.toBuffer();
  } catch (error) {
    if (/pixel limit/i.test((error as Error).message)) {
      throw new TooLargeError(`Pictures may be at most ${MAX_IMAGE_PIXELS / 1_000_000} megapixels`);
    }
    throw new UnsupportedTypeError(
      `The file starts like a ${NAMES[contentType]} picture but cannot be read as one: it may be damaged. Send the original picture or a new screenshot`,
    );
  }
}
