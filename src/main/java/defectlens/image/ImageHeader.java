package defectlens.image;

import java.util.Optional;

/**
 * The width, height and channel count an image file declares in its header, read from the bytes
 * without decoding a pixel (PNG IHDR, the JPEG frame header, the BMP info header, the first TIFF
 * directory). Sizes are {@code long}: a header may claim up to 2^32 - 1 pixels per side.
 */
public record ImageHeader(ImageFormat format, long width, long height, int channels) {

    /** The header of {@code b}, or a description of why it cannot be read. */
    public static Result parse(ImageFormat format, byte[] b) {
        switch (format) {
            case PNG:
                return png(b);
            case JPEG:
                return jpeg(b);
            case BMP:
                return bmp(b);
            default:
                return tiff(b);
        }
    }

    /** Either a header or the reason there is none. */
    public record Result(Optional<ImageHeader> header, String problem) {
        static Result of(ImageHeader h) {
            return new Result(Optional.of(h), null);
        }

        static Result fail(String problem) {
            return new Result(Optional.empty(), problem);
        }
    }

    private static Result png(byte[] b) {
        if (b.length < 26 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
            return Result.fail("truncated or corrupt PNG: the IHDR header chunk is missing");
        }
        int colorType = b[25] & 0xFF;
        int channels = switch (colorType) {
            case 0 -> 1;
            case 4 -> 2;
            case 6 -> 4;
            default -> 3;
        };
        return Result.of(new ImageHeader(ImageFormat.PNG, u32be(b, 16), u32be(b, 20), channels));
    }

    private static Result jpeg(byte[] b) {
        int i = 2;
        while (i + 3 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return Result.fail("corrupt JPEG: expected a marker at byte " + i);
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
                i += 2;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return Result.fail("corrupt JPEG: no frame header before the image data");
            }
            int length = u16be(b, i + 2);
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) {
                if (i + 9 >= b.length) {
                    break;
                }
                long height = u16be(b, i + 5);
                long width = u16be(b, i + 7);
                int channels = b[i + 9] & 0xFF;
                return Result.of(new ImageHeader(ImageFormat.JPEG, width, height, channels));
            }
            if (length < 2) {
                return Result.fail("corrupt JPEG: segment of length " + length + " at byte " + i);
            }
            i += 2 + length;
        }
        return Result.fail("truncated JPEG: the file ends before the frame header");
    }

    private static Result bmp(byte[] b) {
        if (b.length < 26) {
            return Result.fail("truncated BMP header");
        }
        long infoSize = u32le(b, 14);
        if (infoSize == 12) {
            int bits = u16le(b, 24);
            return Result.of(new ImageHeader(ImageFormat.BMP, u16le(b, 18), u16le(b, 20), bits == 32 ? 4 : 3));
        }
        if (b.length < 30) {
            return Result.fail("truncated BMP header");
        }
        long width = (int) u32le(b, 18);
        long height = Math.abs((long) (int) u32le(b, 22));
        int bits = u16le(b, 28);
        return Result.of(new ImageHeader(ImageFormat.BMP, width, height, bits == 32 ? 4 : bits == 8 ? 1 : 3));
    }

    private static Result tiff(byte[] b) {
        if (b.length < 8) {
            return Result.fail("truncated TIFF header");
        }
        boolean le = b[0] == 'I';
        long ifd = u32(b, 4, le);
        if (ifd < 8 || ifd + 2 > b.length) {
            return Result.fail("truncated or corrupt TIFF: the first image directory at byte " + ifd
                    + " is outside the file (" + b.length + " bytes)");
        }
        int entries = u16(b, (int) ifd, le);
        long width = -1;
        long height = -1;
        int channels = 1;
        for (int e = 0; e < entries; e++) {
            int at = (int) ifd + 2 + 12 * e;
            if (at + 12 > b.length) {
                return Result.fail("truncated TIFF: the image directory is cut off");
            }
            int tag = u16(b, at, le);
            int type = u16(b, at + 2, le);
            long value = type == 3 ? u16(b, at + 8, le) : u32(b, at + 8, le);
            if (tag == 256) {
                width = value;
            } else if (tag == 257) {
                height = value;
            } else if (tag == 277) {
                channels = (int) Math.min(value, 64);
            }
        }
        if (width < 0 || height < 0) {
            return Result.fail("corrupt TIFF: the image directory lacks the width or length tag");
        }
        return Result.of(new ImageHeader(ImageFormat.TIFF, width, height, channels));
    }

    private static int u16be(byte[] b, int i) {
        return i + 1 < b.length ? ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF) : 0;
    }

    private static long u32be(byte[] b, int i) {
        return ((long) u16be(b, i) << 16) | u16be(b, i + 2);
    }

    private static int u16le(byte[] b, int i) {
        return i + 1 < b.length ? (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8) : 0;
    }

    private static long u32le(byte[] b, int i) {
        return u16le(b, i) | ((long) u16le(b, i + 2) << 16);
    }

    private static int u16(byte[] b, int i, boolean le) {
        return le ? u16le(b, i) : u16be(b, i);
    }

    private static long u32(byte[] b, int i, boolean le) {
        return le ? u32le(b, i) : u32be(b, i);
    }
}
