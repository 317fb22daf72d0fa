#!/usr/bin/python3
"""An independent Carinthia-S look-alike generator, written apart from DefectLens's `sem generate`.

Kept only to evaluate models on SEM-like images they were not made from: other line profiles (bright edge
bloom, dark trench floors), pitch 16-40 px, duty 0.35-0.65, vertical or horizontal lines, line-edge roughness
from filtered noise, charging gradients, shot noise and blur of its own, and defects of its own drawing.
Classes and layout as Carinthia-S: data/images/*.jpg, data/masks/*.png, data/carinthia-s.csv
(image_path;mask_path;filename;label), labels 1 single bridge, 2 thin bridge, 3 line collapse, 4 line break,
5 multi-bridge, 6 no visible defect (frame misaligned).

    /usr/bin/python3 make_independent.py OUT_DIR [--per-class N] [--seed S] [--size 480]
"""
import argparse

import numpy as np
from scipy import ndimage

import carinthia_s


def rough(rng, n, amp, corr):
    """1-D line-edge roughness: white noise low-passed over `corr` px, scaled to rms `amp`."""
    x = ndimage.gaussian_filter1d(rng.normal(size=n), corr, mode="wrap")
    return x / (x.std() + 1e-9) * amp


def lines(rng, size):
    """Material map (1 = line) of vertical lines, and the line list (left, right) per row."""
    pitch = rng.uniform(16, 40)
    duty = rng.uniform(0.35, 0.65)
    width = pitch * duty
    phase = rng.uniform(0, pitch)
    amp = rng.uniform(0.2, 1.2)
    mat = np.zeros((size, size), np.float32)
    cols = np.arange(size)[None, :]
    edges = []
    x0 = phase - pitch
    while x0 < size + pitch:
        left = x0 + rough(rng, size, amp, rng.uniform(2, 8))
        right = x0 + width + rough(rng, size, amp, rng.uniform(2, 8))
        mat = np.maximum(mat, ((cols >= left[:, None]) & (cols < right[:, None])).astype(np.float32))
        edges.append((x0, x0 + width))
        x0 += pitch
    return mat, edges, pitch, width


def defect(rng, kind, mat, edges, pitch, width, size):
    """Paints one defect into the material map; returns the mask of the changed pixels."""
    before = mat.copy()
    inner = [e for e in edges if 20 < e[0] and e[1] + pitch < size - 20]
    if not inner:
        inner = edges[1:-1]
    li = rng.integers(0, len(inner))
    left, right = inner[li]
    y = int(rng.uniform(40, size - 40))
    if kind in (1, 2, 5):
        count = rng.integers(3, 6) if kind == 5 else 1
        for k in range(count):
            height = rng.uniform(6, 16) if kind != 2 else rng.uniform(2, 3.5)
            yy = y + (k * rng.uniform(0, 6) if kind == 5 else 0)
            x_from = int(right - 1)
            x_to = int(right + pitch - width + 1)
            if kind == 5:
                l2, r2 = inner[(li + k) % len(inner)]
                x_from, x_to = int(r2 - 1), int(r2 + pitch - width + 1)
                yy = y
            y0 = int(round(yy - height / 2))
            y1 = max(y0 + 2, int(round(yy + height / 2)))
            mat[max(0, y0):min(size, y1), max(0, x_from):min(size, x_to)] = 1
    elif kind == 3:
        length = int(rng.uniform(40, 120))
        bend = rng.uniform(0.5, 1.0) * (pitch - width)
        for dy in range(length):
            row = y - length // 2 + dy
            if 0 <= row < size:
                shift = bend * np.sin(np.pi * dy / length)
                mat[row, int(left):int(right + 1)] = 0
                mat[row, int(left + shift):int(right + shift + 1)] = 1
    elif kind == 4:
        gap = int(round(rng.uniform(2, 7)))
        mat[y:y + gap, int(left) - 1:int(right) + 2] = 0
    return np.abs(mat - before) > 0.5


def render(rng, mat, size):
    """SEM look: bright bloom on edges, line and trench levels, a charging gradient, blur, shot noise."""
    edge = ndimage.gaussian_gradient_magnitude(mat, rng.uniform(0.8, 1.6))
    edge = edge / (edge.max() + 1e-9)
    line_level = rng.uniform(0.35, 0.6)
    trench = rng.uniform(0.05, 0.2)
    img = trench + (line_level - trench) * mat + rng.uniform(0.3, 0.6) * edge
    yy, xx = np.mgrid[0:size, 0:size] / size
    angle = rng.uniform(0, 2 * np.pi)
    img = img * (1 + rng.uniform(0, 0.35) * (np.cos(angle) * xx + np.sin(angle) * yy - 0.5))
    img = ndimage.gaussian_filter(img, rng.uniform(0.4, 1.4))
    photons = rng.uniform(20, 80)
    img = rng.poisson(np.clip(img, 0, None) * photons) / photons
    img = img + rng.normal(0, rng.uniform(0.01, 0.05), img.shape)
    lo, hi = np.percentile(img, [0.5, 99.5])
    return np.clip((img - lo) / (hi - lo + 1e-9) * 220 + 15, 0, 255).astype(np.uint8)


def misalign(rng, img, size):
    """Class 6: part of the frame is blank or shifted (a misaligned SEM frame)."""
    out = img.copy()
    cut = int(rng.uniform(0.15, 0.5) * size)
    if rng.random() < 0.5:
        out[:, :cut] = int(rng.uniform(5, 40))
    else:
        out[:cut, :] = np.roll(out[:cut, :], int(rng.uniform(5, 30)), axis=1)
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--per-class", type=int, default=20)
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--size", type=int, default=480)
    a = p.parse_args()

    def sample(rng, label):
        mat, edges, pitch, width = lines(rng, a.size)
        mask = np.zeros_like(mat, bool) if label == 6 else defect(rng, label, mat, edges, pitch, width, a.size)
        img = render(rng, mat, a.size)
        if label == 6:
            img = misalign(rng, img, a.size)
        if rng.random() < 0.35:
            img, mask = img.T.copy(), mask.T.copy()
        return img, mask

    carinthia_s.write(a.out, a.per_class, a.seed, "ind", sample)


if __name__ == "__main__":
    main()
