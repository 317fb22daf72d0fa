#!/usr/bin/python3
"""Makes the image fixtures of ImageIoTest with independent writers (tifffile, Pillow).

Run from this folder with Debian's python3-skimage / python3-tifffile / python3-pil installed:
    /usr/bin/python3 make_fixtures.py
"""
import json
import numpy as np
import tifffile
from PIL import Image

h, w = 48, 64
y, x = np.mgrid[0:h, 0:w]
gray16 = (x * 1000 + y * 7).astype(np.uint16)           # 0 .. 63329
gray8 = ((x * 3 + y * 2) % 256).astype(np.uint8)
rgb8 = np.stack([gray8, 255 - gray8, (x * 4 % 256).astype(np.uint8)], axis=-1)
rgb16 = np.stack([gray16, 65535 - gray16, (y * 1000).astype(np.uint16)], axis=-1)

tifffile.imwrite("gray16.tif", gray16)
tifffile.imwrite("gray8.tif", gray8)
tifffile.imwrite("rgb16.tif", rgb16, photometric="rgb")
Image.fromarray(gray8).save("gray8.png")
Image.fromarray(gray16.astype(np.uint16)).save("gray16.png")
Image.fromarray(rgb8).save("rgb8.png")
Image.fromarray(gray8).save("gray8.bmp")
Image.fromarray(gray8).save("gray8.jpg", quality=95)
rgba = np.dstack([rgb8, np.full((h, w), 200, np.uint8)])
Image.fromarray(rgba, "RGBA").save("rgba8.png")

probes = [(0, 0), (63, 47), (10, 5), (31, 17)]
golden = {
    "width": w, "height": h,
    "gray16": {f"{px},{py}": int(gray16[py, px]) for px, py in probes},
    "gray8": {f"{px},{py}": int(gray8[py, px]) for px, py in probes},
    "rgb8": {f"{px},{py}": [int(v) for v in rgb8[py, px]] for px, py in probes},
    "rgb16": {f"{px},{py}": [int(v) for v in rgb16[py, px]] for px, py in probes},
}
with open("golden.json", "w") as f:
    json.dump(golden, f, indent=1)
