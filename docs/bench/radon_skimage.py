#!/usr/bin/python3
"""Reference timing for `defectlens bench radon`: scikit-image's radon(circle=False) on 64x64 maps.

    /usr/bin/python3 docs/bench/radon_skimage.py ../shared/data/wm811k/LSWMD_sample.pkl [--batch 1000]

The maps are the real WM-811K maps of the sample pickle, resized to 64x64 (nearest neighbour) with the
background removed (1 = failed die), cycled to the batch size. scikit-image transforms one map at a time
(one image warp per angle); the loop over the batch is plain Python, as a user would write it.
"""
import argparse
import json
import os
import platform
import sys
import time

import numpy
import numpy.core
import numpy.core.multiarray
import numpy.core.numeric

sys.modules.setdefault("numpy._core", numpy.core)
sys.modules.setdefault("numpy._core.multiarray", numpy.core.multiarray)
sys.modules.setdefault("numpy._core.numeric", numpy.core.numeric)

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import skimage  # noqa: E402
from skimage.transform import radon, resize  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("pickle")
parser.add_argument("--batch", type=int, default=1000)
parser.add_argument("--angles", default="64,180")
args = parser.parse_args()

df = pd.read_pickle(args.pickle)
masks = []
for grid in df["waferMap"]:
    r = resize(np.asarray(grid), (64, 64), order=0, preserve_range=True, anti_aliasing=False)
    masks.append((r == 2).astype(np.float64))
maps = [masks[i % len(masks)] for i in range(args.batch)]
results = []
for a in [int(x) for x in args.angles.split(",")]:
    theta = np.linspace(0.0, 180.0, a, endpoint=False)
    radon(maps[0], theta=theta, circle=False)  # warm-up
    t = time.perf_counter()
    for m in maps:
        radon(m, theta=theta, circle=False)
    seconds = time.perf_counter() - t
    results.append({"angles": a, "batch": args.batch, "seconds": seconds, "mapsPerSecond": args.batch / seconds})
print(json.dumps({
    "benchmark": "skimage.transform.radon(circle=False)",
    "skimage": skimage.__version__,
    "numpy": np.__version__,
    "python": platform.python_version(),
    "processors": os.cpu_count(),
    "meanNonZeroFraction": float(np.mean([m.mean() for m in masks])),
    "results": results,
}, indent=2))
