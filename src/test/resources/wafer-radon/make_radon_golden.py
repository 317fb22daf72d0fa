#!/usr/bin/python3
"""Golden fixtures for defectlens.wafer.RadonTransform / InverseRadonTransform / WaferPreprocessing.

Run with Debian's Python (pandas 1.5, scikit-image 0.19):
    /usr/bin/python3 src/test/resources/wafer-radon/make_radon_golden.py ../shared/data/wm811k/LSWMD_sample.pkl

Writes, for a few real WM-811K maps of LSWMD_sample.pkl:
  map<i>_raw.npy            the original grid (uint8, values 0/1/2)
  map<i>_s<N>.npy           skimage.transform.resize(order=0, preserve_range=True, anti_aliasing=False) to NxN (uint8)
  map<i>_s<N>_a<A>_radon.npy  skimage radon(circle=False) of the failed-die mask (float32, shape (detector, A)),
                            theta = np.linspace(0, 180, A, endpoint=False)
  map<i>_s<N>_iradon.npy    skimage iradon(sinogram, theta, output_size=N, circle=False) (float32, NxN), ramp filter
  index.json                the maps, their labels and the files
"""
import json
import sys

import numpy
import numpy.core
import numpy.core.multiarray
import numpy.core.numeric

# the sample pickle was written by NumPy 2 (numpy._core); Debian's NumPy 1.x calls it numpy.core
sys.modules.setdefault("numpy._core", numpy.core)
sys.modules.setdefault("numpy._core.multiarray", numpy.core.multiarray)
sys.modules.setdefault("numpy._core.numeric", numpy.core.numeric)

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from pathlib import Path  # noqa: E402
from skimage.transform import iradon, radon, resize  # noqa: E402

MAPS = [0, 13, 22]          # Loc 33x35, Loc 89x76, Scratch 39x37
SIZES = [63, 64, 65]
ANGLES = [64]
EXTRA = [(0, 65, 180)]      # one 180-angle case

out = Path(__file__).resolve().parent
df = pd.read_pickle(sys.argv[1])
index = {"source": Path(sys.argv[1]).name, "maps": []}


def golden(i, n, a, resized):
    mask = (resized == 2).astype(np.float64)
    theta = np.linspace(0.0, 180.0, a, endpoint=False)
    sino = radon(mask, theta=theta, circle=False, preserve_range=True)
    np.save(out / f"map{i}_s{n}_a{a}_radon.npy", sino.astype(np.float32))
    return sino, theta


for i in MAPS:
    grid = np.asarray(df.iloc[i]["waferMap"], dtype=np.uint8)
    label = str(np.asarray(df.iloc[i]["failureType"]).ravel()[0])
    np.save(out / f"map{i}_raw.npy", np.ascontiguousarray(grid))
    entry = {"index": i, "label": label, "rows": grid.shape[0], "cols": grid.shape[1], "sizes": SIZES}
    for n in SIZES:
        resized = resize(grid, (n, n), order=0, preserve_range=True, anti_aliasing=False).astype(np.uint8)
        np.save(out / f"map{i}_s{n}.npy", resized)
        for a in ANGLES:
            sino, theta = golden(i, n, a, resized)
            if a == 64:
                rec = iradon(sino, theta=theta, output_size=n, filter_name="ramp", circle=False)
                np.save(out / f"map{i}_s{n}_iradon.npy", rec.astype(np.float32))
    index["maps"].append(entry)

for i, n, a in EXTRA:
    resized = np.load(out / f"map{i}_s{n}.npy")
    golden(i, n, a, resized)
index["extra"] = [{"index": i, "size": n, "angles": a} for i, n, a in EXTRA]
(out / "index.json").write_text(json.dumps(index, indent=2) + "\n")
