"""Reference values of the 59 wafer-map features (issue 21) for real WM-811K maps.

Run once with Debian's scikit-image 0.19 and SciPy (never by the tests or the product):
    /usr/bin/python3 src/test/resources/wafer/features/make_golden.py
It reads datasets/wm811k/wm811k_subset.pkl, picks one map of every distinct shape plus a class-stratified
random draw (seed 21) up to 320 maps, and writes golden_features.csv beside this script: the row of the map in
the pickle, its label, its shape, and the 59 features as defined in the issue (the Wu et al. 2015 families as
the public Kaggle kernels compute them with scikit-image), printed with 17 significant digits.
"""
import csv
import os

import numpy as np
import pandas as pd
import scipy
import skimage
from scipy import interpolate, stats
from skimage import measure
from skimage.transform import radon

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", "..", ".."))
SOURCE = os.path.join(ROOT, "datasets", "wm811k", "wm811k_subset.pkl")
TOTAL = 320


def densities(m):
    h, w = m.shape
    r = np.arange(0, h, h // 5)
    c = np.arange(0, w, w // 5)
    regions = [m[r[0]:r[1], :], m[:, c[4]:], m[r[4]:, :], m[:, c[0]:c[1]]]
    for i in range(1, 4):
        for j in range(1, 4):
            regions.append(m[r[i]:r[i + 1], c[j]:c[j + 1]])
    return [100 * (np.sum(x == 2) / np.size(x)) for x in regions]


def radon_profiles(m):
    f = np.where(m == 2, 2.0, 0.0)
    theta = np.linspace(0.0, 180.0, max(m.shape), endpoint=False)
    sinogram = radon(f, theta=theta)
    out = []
    for profile in (np.mean(sinogram, axis=1), np.std(sinogram, axis=1)):
        x = np.linspace(1, profile.size, profile.size)
        spline = interpolate.interp1d(x, profile, kind="cubic")
        out.extend(spline(np.linspace(1, profile.size, 20)) / 100)
    return out


def geometry(m):
    h, w = m.shape
    img = np.where(m == 2, 2, 0)
    labels = measure.label(img, connectivity=1, background=0)
    if labels.max() == 0:
        labels[labels == 0] = 1
        region = 0
    else:
        region = stats.mode(labels[labels > 0], axis=None, keepdims=True)[0][0] - 1
    p = measure.regionprops(labels)[region]
    diag = np.sqrt(h ** 2 + w ** 2)
    return [p.area / (h * w), p.perimeter / diag, p.major_axis_length / diag, p.minor_axis_length / diag,
            p.eccentricity, p.solidity]


def names():
    return ([f"density_{i}" for i in range(1, 14)] + [f"radon_mean_{i}" for i in range(1, 21)]
            + [f"radon_std_{i}" for i in range(1, 21)]
            + ["geom_area", "geom_perimeter", "geom_major_axis", "geom_minor_axis", "geom_eccentricity",
               "geom_solidity"])


def pick(frame):
    shapes = frame.waferMap.apply(lambda a: a.shape)
    chosen = list(shapes.drop_duplicates().index)
    rng = np.random.default_rng(21)
    labels = frame.failureType.apply(lambda a: str(np.asarray(a).ravel()[0]))
    rest = [i for i in frame.index if i not in set(chosen)]
    per_class = {}
    for i in rest:
        per_class.setdefault(labels[i], []).append(i)
    while len(chosen) < TOTAL:
        for name in sorted(per_class):
            pool = per_class[name]
            if pool and len(chosen) < TOTAL:
                chosen.append(pool.pop(int(rng.integers(len(pool)))))
    return sorted(chosen), labels


def main():
    assert skimage.__version__.startswith("0.19"), skimage.__version__
    frame = pd.read_pickle(SOURCE).reset_index(drop=True)
    rows, labels = pick(frame)
    out = os.path.join(HERE, "golden_features.csv")
    with open(out, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["row", "label", "rows", "cols"] + names())
        for i in rows:
            m = np.asarray(frame.waferMap[i])
            values = densities(m) + radon_profiles(m) + geometry(m)
            writer.writerow([i, labels[i], m.shape[0], m.shape[1]] + [f"{float(v):.17g}" for v in values])
    print(f"{len(rows)} maps written to {out} (scikit-image {skimage.__version__}, SciPy {scipy.__version__})")


if __name__ == "__main__":
    main()
