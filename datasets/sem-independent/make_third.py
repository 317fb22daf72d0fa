#!/usr/bin/python3
"""A third Carinthia-S look-alike generator, written apart from both `sem generate` and make_independent.py.

Evaluation only. Its own conventions: lines from a wrapped sawtooth with one smooth sideways wobble per frame,
pitch 20-48 px, duty 0.40-0.60, rounded line profiles (Gaussian-blurred material), edges from a Laplacian, additive
Gaussian noise; single bridges 7-18 px, thin bridges 1.5-3 px at 60-100 % of the line's material, multi-bridges of
2-4 bridges 3-12 px over neighbouring spaces, a line collapse as a segment of 50-160 px bowed sideways by
sin^2, line breaks of 2-8 rows; no-defect frames with a shifted or darkened part. Layout as Carinthia-S:
data/images/*.jpg, data/masks/*.png, data/carinthia-s.csv (labels 1-6 as in make_independent.py).

    /usr/bin/python3 make_third.py OUT_DIR [--per-class N] [--seed S]
"""
import argparse

import numpy as np
from scipy import ndimage

import carinthia_s

SIZE = 480


def frame(rng, n):
    """Material map (1 = line) and the pattern's pitch, width, offset and per-row wobble."""
    pitch = rng.uniform(20, 48)
    width = pitch * rng.uniform(0.4, 0.6)
    x = np.arange(n)[None, :].astype(float)
    offset = rng.uniform(0, pitch)
    wobble = ndimage.gaussian_filter1d(rng.normal(size=(n,)), rng.uniform(3, 10)) * rng.uniform(0.5, 2.0)
    material = (((x - offset - wobble[:, None]) % pitch) < width).astype(float)
    return material, pitch, width, offset, wobble


def defect(rng, kind, mat, pitch, width, offset, wobble, n):
    """Paints one defect; returns the mask of the pixels it changed."""
    before = mat.copy()
    k = int(rng.integers(2, int(n / pitch) - 2))
    y = int(rng.uniform(60, n - 60))
    left = offset + k * pitch + wobble[y]
    right = left + width
    if kind in (1, 2):
        h = rng.uniform(7, 18) if kind == 1 else rng.uniform(1.5, 3.0)
        level = 1 if kind == 1 else rng.uniform(0.6, 1.0)
        mat[int(y - h / 2):int(y + h / 2) + 1, int(right):int(left + pitch) + 1] = level
    elif kind == 5:
        for j in range(int(rng.integers(2, 5))):
            h = rng.uniform(3, 12)
            l2 = left + j * pitch
            yy = y + rng.uniform(-4, 4)
            mat[int(yy - h / 2):int(yy + h / 2) + 1, int(l2 + width):int(l2 + pitch) + 1] = 1
    elif kind == 3:
        length = int(rng.uniform(50, 160))
        shift = rng.choice([-1, 1]) * (pitch - width) * rng.uniform(0.6, 1.0)
        for r in range(length):
            row = y - length // 2 + r
            s = shift * np.sin(np.pi * r / length) ** 2
            mat[row, int(left):int(right) + 1] = 0
            mat[row, int(left + s):int(right + s) + 1] = 1
    elif kind == 4:
        gap = int(rng.integers(2, 9))
        mat[y:y + gap, int(left) - 1:int(right) + 2] = 0
    return np.abs(mat - before) > 0.3


def render(rng, mat, n, misalign):
    """Rounded profiles, Laplacian edges, a shifted or darkened part for no-defect frames, blur, Gaussian noise."""
    profile = ndimage.gaussian_filter(mat, rng.uniform(1.0, 2.5))
    edge = np.abs(ndimage.laplace(ndimage.gaussian_filter(mat, 1.2)))
    edge /= edge.max() + 1e-9
    img = rng.uniform(0.1, 0.3) + rng.uniform(0.3, 0.5) * profile + rng.uniform(0.1, 0.5) * edge
    if misalign:
        c = int(rng.uniform(0.2, 0.6) * n)
        if rng.random() < 0.5:
            img[:, c:] = np.roll(img[:, c:], int(rng.uniform(4, 20)), axis=0)
        else:
            img[:, c:] = img[:, c:] * rng.uniform(0.3, 0.6)
    img = ndimage.gaussian_filter(img, rng.uniform(0.5, 1.2)) + rng.normal(0, rng.uniform(0.03, 0.09), img.shape)
    lo, hi = np.percentile(img, [1, 99])
    return np.clip((img - lo) / (hi - lo) * 230 + 10, 0, 255).astype(np.uint8)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--per-class", type=int, default=20)
    p.add_argument("--seed", type=int, default=99)
    a = p.parse_args()

    def sample(rng, label):
        mat, pitch, width, offset, wobble = frame(rng, SIZE)
        mask = np.zeros((SIZE, SIZE), bool) if label == 6 else defect(rng, label, mat, pitch, width, offset,
                                                                     wobble, SIZE)
        img = render(rng, mat, SIZE, label == 6)
        if rng.random() < 0.5:
            img, mask = img.T.copy(), mask.T.copy()
        return img, mask

    carinthia_s.write(a.out, a.per_class, a.seed, "t3", sample)


if __name__ == "__main__":
    main()
