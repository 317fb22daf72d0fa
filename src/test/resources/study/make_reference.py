#!/usr/bin/env python3
"""Reference numbers for StudyStatisticsTest, computed independently of the Java code.

Run from this folder:  /usr/bin/python3 make_reference.py
Writes ratings-fixture.csv (a made-up study: 9 raters, 6 images, 2 methods, 8 questions, some
answers missing, one rater re-rated one answer) and reference.json with
  - mean / sample sd / median / count >= 4 / raters agreeing per method and question (numpy),
  - paired Wilcoxon signed-rank tests per question (scipy.stats.wilcoxon, zero_method="wilcox"),
    statistic = min(W+, W-); p-value of scipy when exact, else the normal approximation without
    tie correction and with continuity correction (Commons Math's formula) computed here by hand,
  - Krippendorff's alpha (ordinal), textbook coincidence-matrix formula in numpy, overall and per
    question, and on Krippendorff's (2011) worked example (published ordinal alpha = 0.815).
Needs numpy and scipy (Debian: apt-get install python3-numpy python3-scipy).
"""
import csv
import json
import math

import numpy as np
from scipy import stats

RNG = np.random.RandomState(8)
RATERS = [f"r{i}" for i in range(1, 10)]
IMAGES = [f"img{i:02d}" for i in range(6)]
METHODS = ["gradcam", "craft"]
QUESTIONS = [f"Q{i}" for i in range(1, 9)]


def make_fixture():
    rows = []
    sid = 0
    quality_of = {img: RNG.randint(-1, 2) for img in IMAGES}
    for r_i, r in enumerate(RATERS):
        leniency = RNG.randint(-1, 2)
        for img_i, img in enumerate(IMAGES):
            quality = quality_of[img]
            for m_i, m in enumerate(METHODS):
                for q in QUESTIONS:
                    if RNG.rand() < 0.05:
                        continue  # an answer the rater skipped
                    v = 3 + leniency + quality + (1 if m == "craft" else 0) + RNG.randint(-1, 2)
                    v = int(min(5, max(1, v)))
                    sid += 1
                    rows.append(dict(submission_id=f"s{sid:05d}", rater=r, image=img, method=m, question=q,
                                     value=v, time=f"2026-01-01T10:{sid // 60 % 60:02d}:{sid % 60:02d}Z"))
    # r1 re-rates its first answer later: the later value replaces the earlier one
    first = rows[0]
    sid += 1
    rows.append(dict(first, submission_id=f"s{sid:05d}", value=1 if first["value"] != 1 else 5,
                     time="2026-01-02T09:00:00Z"))
    return rows


def effective(rows):
    latest = {}
    for r in rows:
        key = (r["rater"], r["image"], r["method"], r["question"])
        if key not in latest or r["time"] >= latest[key]["time"]:
            latest[key] = r
    return list(latest.values())


def alpha_ordinal(units):
    """units: list of lists of values; textbook coincidence matrix."""
    units = [u for u in units if len(u) >= 2]
    values = sorted({v for u in units for v in u})
    idx = {v: i for i, v in enumerate(values)}
    k = len(values)
    o = np.zeros((k, k))
    for u in units:
        m = len(u)
        for i in range(m):
            for j in range(m):
                if i != j:
                    o[idx[u[i]], idx[u[j]]] += 1.0 / (m - 1)
    nc = o.sum(axis=1)
    n = nc.sum()
    d = np.zeros((k, k))
    for c in range(k):
        for e in range(k):
            lo, hi = min(c, e), max(c, e)
            d[c, e] = (nc[lo:hi + 1].sum() - (nc[c] + nc[e]) / 2.0) ** 2
    do = (o * d).sum()
    de = (np.outer(nc, nc) * d).sum()
    return float(1.0 - (n - 1) * do / de)


def wilcoxon(pairs):
    x = np.array([p[0] for p in pairs], dtype=float)
    y = np.array([p[1] for p in pairs], dtype=float)
    d = x - y
    nz = d[d != 0]
    n = len(nz)
    out = dict(pairs=len(pairs), n=int(n), mean_difference=float(d.mean()))
    if n == 0:
        return out
    absd = np.abs(nz)
    ties = len(np.unique(absd)) < n
    res = stats.wilcoxon(x[d != 0], y[d != 0], zero_method="wilcox", alternative="two-sided",
                         method="exact" if (n <= 30 and not ties) else "approx", correction=True)
    out["statistic"] = float(res.statistic)
    out["exact"] = bool(n <= 30 and not ties)
    if out["exact"]:
        out["p"] = float(res.pvalue)
    else:
        w = float(res.statistic)
        es = n * (n + 1) / 4.0
        var = es * (2 * n + 1) / 6.0
        z = (w - es - 0.5) / math.sqrt(var)
        out["p"] = float(min(1.0, 2 * stats.norm.cdf(z)))
        out["p_scipy_tie_corrected"] = float(res.pvalue)
    return out


def main():
    rows = make_fixture()
    with open("ratings-fixture.csv", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)
    eff = effective(rows)
    ref = dict(stats={}, comparisons={}, alpha={})
    for m in METHODS:
        for q in QUESTIONS:
            sel = [r for r in eff if r["method"] == m and r["question"] == q]
            v = np.array([r["value"] for r in sel], dtype=float)
            per_rater = {}
            for r in sel:
                per_rater.setdefault(r["rater"], []).append(r["value"])
            ref["stats"][f"{m}/{q}"] = dict(
                n=int(len(v)), mean=float(np.mean(v)), sd=float(np.std(v, ddof=1)), median=float(np.median(v)),
                ratings_at_least_4=int((v >= 4).sum()), raters=len(per_rater),
                raters_agreeing=int(sum(1 for vs in per_rater.values() if np.mean(vs) >= 4)))
    for q in QUESTIONS:
        a = {(r["rater"], r["image"]): r["value"] for r in eff if r["method"] == "gradcam" and r["question"] == q}
        b = {(r["rater"], r["image"]): r["value"] for r in eff if r["method"] == "craft" and r["question"] == q}
        pairs = [(a[k], b[k]) for k in sorted(a) if k in b]
        ref["comparisons"][q] = wilcoxon(pairs)
    units = {}
    for r in eff:
        units.setdefault((r["image"], r["method"], r["question"]), []).append(r["value"])
    ref["alpha"]["overall"] = alpha_ordinal(list(units.values()))
    for q in QUESTIONS:
        uq = {}
        for r in eff:
            if r["question"] == q:
                uq.setdefault((r["image"], r["method"]), []).append(r["value"])
        ref["alpha"][q] = alpha_ordinal(list(uq.values()))
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", reliability data with missing values
    kd = [[1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
          [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
          [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
          [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None]]
    kunits = [[obs[u] for obs in kd if obs[u] is not None] for u in range(12)]
    ref["alpha"]["krippendorff2011"] = alpha_ordinal(kunits)
    assert abs(ref["alpha"]["krippendorff2011"] - 0.815) < 0.0005, ref["alpha"]["krippendorff2011"]
    # a tie-free paired sample for the exact p-value
    tx = [7.1, 5.3, 6.8, 8.0, 4.9, 6.1, 7.7, 5.5, 6.4, 7.0]
    ty = [6.0, 5.9, 5.2, 7.15, 4.5, 3.9, 6.4, 6.2, 4.1, 7.8]
    ref["tie_free"] = dict(x=tx, y=ty, **wilcoxon(list(zip(tx, ty))))
    with open("reference.json", "w") as f:
        json.dump(ref, f, indent=1, sort_keys=True)
    print("wrote ratings-fixture.csv (%d rows) and reference.json; Krippendorff 2011 ordinal alpha = %.4f"
          % (len(rows), ref["alpha"]["krippendorff2011"]))


if __name__ == "__main__":
    main()
