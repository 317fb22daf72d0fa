"""Golden SSIM values for StructuralSimilarityTest, made once with scikit-image 0.19 (Debian python3-skimage).

Run with /usr/bin/python3 make_ssim_golden.py; writes ssim_golden.json beside this script. Each case holds two
row-major images, their shape, the data_range and skimage.metrics.structural_similarity(a, b, win_size=7,
gaussian_weights=False, data_range=...) (the defaults otherwise: K1 0.01, K2 0.03, use_sample_covariance True).
"""
import json
import os

import numpy as np
import skimage
from skimage.metrics import structural_similarity

rng = np.random.default_rng(21)
cases = []


def add(name, a, b, data_range):
    value = structural_similarity(a, b, win_size=7, gaussian_weights=False, data_range=data_range)
    cases.append({"name": name, "rows": int(a.shape[0]), "cols": int(a.shape[1]), "dataRange": data_range,
                  "a": a.ravel().tolist(), "b": b.ravel().tolist(), "ssim": float(value)})


def wafer(rows, cols):
    """A die-state map 0/1/2: a disc of dies, some failing in a blob and at random."""
    y, x = np.mgrid[0:rows, 0:cols]
    inside = (y - (rows - 1) / 2) ** 2 + (x - (cols - 1) / 2) ** 2 <= (min(rows, cols) / 2) ** 2
    m = np.where(inside, 1, 0)
    blob = (y - rows * 0.3) ** 2 + (x - cols * 0.6) ** 2 <= (rows / 6) ** 2
    m = np.where(inside & (blob | (rng.random((rows, cols)) < 0.05)), 2, m)
    return m.astype(np.float64)


for k in range(4):
    a = wafer(32, 32)
    b = a.copy()
    flip = rng.random(a.shape) < 0.02 * (k + 1)
    b[flip & (a > 0)] = 3 - b[flip & (a > 0)]
    add("wafer-32-flips-%d" % k, a, b, 2.0)
add("two-random-wafers", wafer(32, 32), wafer(32, 32), 2.0)
a = wafer(32, 32)
add("same-map", a, a.copy(), 2.0)
add("uniform-random-7x7", rng.random((7, 7)), rng.random((7, 7)), 1.0)
add("uniform-random-9x13", rng.random((9, 13)), rng.random((9, 13)), 1.0)
add("wafer-vs-empty", wafer(20, 24), np.zeros((20, 24)), 2.0)
add("constant-pair", np.full((10, 10), 1.0), np.full((10, 10), 2.0), 2.0)
add("coded-half-steps", wafer(32, 32) / 2, wafer(32, 32) / 2, 1.0)

out = {"generator": "make_ssim_golden.py", "skimage": skimage.__version__, "cases": cases}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ssim_golden.json"), "w") as f:
    json.dump(out, f)
