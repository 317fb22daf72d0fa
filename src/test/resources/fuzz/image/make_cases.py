#!/usr/bin/python3
"""Makes the hostile image files of this folder and cases.json (run by hand from this folder, never by the build):

    /usr/bin/python3 make_cases.py

Deterministic: pure Python (struct, zlib) plus the two JPEGs below, which ImageMagick 6.9 made once and which are
committed beside this script (JPEG encoding is not in Python's standard library):

    convert -seed 7 -size 256x256 xc:gray50 -attenuate 0.6 +noise Gaussian -colorspace Gray -strip -quality 90 base.jpg
    convert base.jpg -resize 96x96 -strip -quality 95 thumb.jpg

The dataset area's generator (../dataset/make_cases.py) imports the PNG writer from here.
"""
import json
import os
import random
import shutil
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_bytes(width, height, color_type=0, pixels=None):
    """A PNG; pixels is a row-major list of 8-bit gray values (None: only a token IDAT, for header-only files)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    if pixels is None:
        raw = b"\x00" * 64
    else:
        raw = b"".join(b"\x00" + bytes(pixels[y * width:(y + 1) * width]) for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", zlib.compress(raw, 9))
            + png_chunk(b"IEND", b""))


def gradient(width, height, seed=0):
    return [(x * 3 + y * 2 + seed * 37) % 256 for y in range(height) for x in range(width)]


def tiff_bytes(width, height, pixels=None):
    """A little-endian gray 8-bit uncompressed TIFF, one strip (header only when pixels is None)."""
    data = bytes(pixels) if pixels is not None else b"\x00" * 16
    entries = [(256, 4, 1, width), (257, 4, 1, height), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
               (273, 4, 1, 0), (277, 3, 1, 1), (278, 4, 1, height), (279, 4, 1, width * height)]
    ifd_offset = 8
    data_offset = ifd_offset + 2 + 12 * len(entries) + 4
    entries = [(t, ty, n, data_offset if t == 273 else v) for t, ty, n, v in entries]
    ifd = struct.pack("<H", len(entries))
    for tag, kind, count, value in entries:
        packed = struct.pack("<HH", value, 0) if kind == 3 else struct.pack("<I", value)
        ifd += struct.pack("<HHI", tag, kind, count) + packed
    return b"II*\x00" + struct.pack("<I", ifd_offset) + ifd + b"\x00\x00\x00\x00" + data


def tiff_claiming_strip_bytes(width, height, compression, strip_bytes):
    """A small TIFF whose single strip claims strip_bytes bytes (far more than the file has)."""
    data = bytearray(tiff_bytes(width, height, [7] * (width * height)))
    entries = struct.unpack_from("<H", data, 8)[0]
    for e in range(entries):
        at = 10 + 12 * e
        tag = struct.unpack_from("<H", data, at)[0]
        if tag == 259:
            struct.pack_into("<H", data, at + 8, compression)
        if tag == 279:
            struct.pack_into("<I", data, at + 8, strip_bytes)
    return bytes(data)


def bmp_bytes(width, height, pixels):
    """An 8-bit gray-palette BMP, bottom-up."""
    row = (width + 3) // 4 * 4
    palette = b"".join(bytes([i, i, i, 0]) for i in range(256))
    body = b"".join(bytes(pixels[y * width:(y + 1) * width]) + b"\x00" * (row - width)
                    for y in reversed(range(height)))
    offset = 14 + 40 + len(palette)
    header = b"BM" + struct.pack("<IHHI", offset + len(body), 0, 0, offset)
    info = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 8, 0, len(body), 2835, 2835, 256, 0)
    return header + info + palette + body


def jpeg_header_only(width, height):
    """SOI, a baseline frame header claiming width x height gray pixels, EOI: no pixel data at all."""
    sof = struct.pack(">BBHBHHBBBB", 0xFF, 0xC0, 11, 8, height, width, 1, 1, 0x11, 0)
    return b"\xff\xd8" + sof + b"\xff\xd9"


def exif_app1(thumbnail):
    """An EXIF APP1 segment whose IFD1 carries a JPEG thumbnail (so the segment holds an FFD9)."""
    ifd0 = struct.pack("<H", 0) + struct.pack("<I", 8 + 6)
    ifd1_entries = [(0x0201, 4, 1, 0), (0x0202, 4, 1, len(thumbnail))]
    ifd1_size = 2 + 12 * len(ifd1_entries) + 4
    thumb_offset = 8 + len(ifd0) + ifd1_size
    ifd1 = struct.pack("<H", len(ifd1_entries))
    for tag, kind, count, value in ifd1_entries:
        ifd1 += struct.pack("<HHII", tag, kind, count, thumb_offset if tag == 0x0201 else value)
    ifd1 += struct.pack("<I", 0)
    tiff = b"II*\x00" + struct.pack("<I", 8) + ifd0 + ifd1 + thumbnail
    body = b"Exif\x00\x00" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def symlink(name, target):
    path = os.path.join(HERE, name)
    if os.path.lexists(path):
        os.remove(path)
    os.symlink(target, path)


def main():
    with open(os.path.join(HERE, "base.jpg"), "rb") as f:
        base = f.read()
    with open(os.path.join(HERE, "thumb.jpg"), "rb") as f:
        thumb = f.read()
    assert base.endswith(b"\xff\xd9") and len(base) > 12000

    write("valid.png", png_bytes(64, 48, 0, gradient(64, 48)))
    exif = base[:2] + exif_app1(thumb) + base[2:]
    cut = exif[:5 * 1024]
    assert b"\xff\xd9" in cut[-4096:], "the thumbnail's end-of-image marker must lie in the last 4 KB"
    write("jpeg_exif_thumb_cut.jpg", cut)
    write("jpeg_cut_plus_ffd9.jpg", base[:len(base) // 2] + b"\xff\xd9")
    write("jpeg_cut.jpg", base[:len(base) // 2])
    png = png_bytes(64, 48, 0, gradient(64, 48))
    write("png_cut.png", png[:len(png) - 20])
    idat_end = png.index(b"IEND") - 4
    write("png_cut_iend.png", png[:idat_end - 30] + png_chunk(b"IEND", b""))
    tif = tiff_bytes(64, 48, gradient(64, 48))
    write("tiff_cut.tif", tif[:len(tif) // 2])
    bmp = bmp_bytes(64, 48, gradient(64, 48))
    write("bmp_cut.bmp", bmp[:len(bmp) // 2])
    write("png_60000.png", png_bytes(60000, 60000))
    write("jpeg_60000.jpg", jpeg_header_only(60000, 60000))
    write("tiff_60000.tif", tiff_bytes(60000, 60000))
    big_bmp = bytearray(bmp_bytes(4, 4, [0] * 16))
    struct.pack_into("<ii", big_bmp, 18, 60000, 60000)
    write("bmp_60000.bmp", bytes(big_bmp))
    write("png_26800_rgb.png", png_bytes(26800, 26800, 2))
    write("tiff_strip_claims_2gb_lzw.tif", tiff_claiming_strip_bytes(64, 48, 5, 0x7FFFFFF0))
    write("tiff_strip_claims_2gb_raw.tif", tiff_claiming_strip_bytes(64, 48, 1, 0x7FFFFFF0))
    rng = random.Random(15)
    write("random_bytes.png", bytes(rng.randrange(256) for _ in range(4096)))
    write("empty.png", b"")
    os.makedirs(os.path.join(HERE, "folder.png"), exist_ok=True)
    write("folder.png/.keep", b"")
    symlink("loop_a.png", "loop_b.png")
    symlink("loop_b.png", "loop_a.png")
    symlink("self_loop.png", "self_loop.png")

    def err(name, args, *stderr, exit_code=2, setup=None):
        return {"name": name, "args": args, "exit": exit_code, "stderr": list(stderr), "stdout": [], "setup": setup}

    def info(name, file, *stderr):
        return err(name, ["image", "info", "{dir}/" + file], file, *stderr)

    cases = [
        {"name": "valid-jpeg", "args": ["image", "info", "{dir}/base.jpg", "--json"], "exit": 0, "stderr": [],
         "stdout": ["\"width\" : 256"], "setup": None},
        {"name": "valid-png", "args": ["image", "info", "{dir}/valid.png"], "exit": 0, "stderr": [],
         "stdout": ["64"], "setup": None},
        info("jpeg-cut-exif-thumbnail-ends-ffd9", "jpeg_exif_thumb_cut.jpg", "truncated"),
        info("jpeg-cut-plus-ffd9", "jpeg_cut_plus_ffd9.jpg", "corrupt JPEG"),
        info("jpeg-cut", "jpeg_cut.jpg", "truncated"),
        info("png-cut", "png_cut.png", "truncated"),
        info("png-cut-idat-with-iend", "png_cut_iend.png", "corrupt PNG"),
        info("tiff-cut", "tiff_cut.tif", "TIFF"),
        info("bmp-cut", "bmp_cut.bmp", "truncated"),
        info("png-header-60000", "png_60000.png", "60000 x 60000 pixels, more than the budget"),
        info("jpeg-header-60000", "jpeg_60000.jpg", "60000 x 60000 pixels, more than the budget"),
        info("tiff-header-60000", "tiff_60000.tif", "60000 x 60000 pixels, more than the budget"),
        info("bmp-header-60000", "bmp_60000.bmp", "60000 x 60000 pixels, more than the budget"),
        info("png-rgb-header-26800", "png_26800_rgb.png", "26800 x 26800 pixels, more than the budget"),
        info("tiff-strip-claims-2gb-lzw", "tiff_strip_claims_2gb_lzw.tif", "TIFF"),
        {"name": "tiff-strip-claims-2gb-but-pixels-complete", "args": ["image", "info",
                                                                       "{dir}/tiff_strip_claims_2gb_raw.tif"],
         "exit": 0, "stderr": [], "stdout": ["max:      7"], "setup": None},
        info("random-bytes-named-png", "random_bytes.png", "not a PNG"),
        info("empty-file", "empty.png", "empty"),
        info("folder-named-png", "folder.png", "folder"),
        info("symlink-loop", "loop_a.png", "symbolic link loop"),
        info("symlink-self-loop", "self_loop.png", "symbolic link loop"),
        err("named-pipe", ["image", "info", "{tmp}/pipe"], "pipe", "not a regular file", setup="fifo"),
        err("dev-zero", ["image", "info", "/dev/zero"], "/dev/zero", "not a regular file"),
        err("heatmap-of-cut-jpeg", ["explain", "heatmap", "--model", "models/sem-demo", "--image",
                                    "{dir}/jpeg_exif_thumb_cut.jpg", "--out", "{tmp}/h.npy"],
            "jpeg_exif_thumb_cut.jpg", "truncated"),
        err("classify-one-huge-image", ["sem", "classify", "--model", "models/sem-demo", "--image",
                                        "{dir}/png_60000.png"], "png_60000.png", "budget"),
    ]
    with open(os.path.join(HERE, "cases.json"), "w") as f:
        f.write("[\n" + ",\n".join(" " + json.dumps(c) for c in cases) + "\n]\n")


if __name__ == "__main__":
    main()
