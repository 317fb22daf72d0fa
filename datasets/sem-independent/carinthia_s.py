"""Writes a look-alike set in the Carinthia-S layout, shared by the evaluation generators of this folder.

OUT/data/images/*.jpg (quality 90), OUT/data/masks/*.png (0/255), OUT/data/carinthia-s.csv
(image_path;mask_path;filename;label), labels 1-6; image k of class `label` is drawn with the rng seeded
[seed, label, k], so a larger --per-class keeps the smaller set's images as its first ones.
"""
import os

import numpy as np
from PIL import Image


def write(out, per_class, seed, prefix, sample):
    """`sample(rng, label)` returns (8-bit image, boolean mask) of one frame of class `label`."""
    data = os.path.join(out, "data")
    os.makedirs(os.path.join(data, "images"), exist_ok=True)
    os.makedirs(os.path.join(data, "masks"), exist_ok=True)
    rows = ["image_path;mask_path;filename;label"]
    n = 0
    for label in range(1, 7):
        for i in range(per_class):
            img, mask = sample(np.random.default_rng([seed, label, i]), label)
            n += 1
            stem = "%s_%06d" % (prefix, n)
            Image.fromarray(img).save(os.path.join(data, "images", stem + ".jpg"), quality=90)
            Image.fromarray((mask * 255).astype(np.uint8)).save(os.path.join(data, "masks", stem + ".png"))
            rows.append("images/%s.jpg;masks/%s.png;%s;%d" % (stem, stem, stem, label))
    with open(os.path.join(data, "carinthia-s.csv"), "w") as f:
        f.write("\n".join(rows) + "\n")
