#!/usr/bin/env python3
"""Makes the broken review folders of the fuzz corpus (area `review-folder`) and cases.json.

Deterministic: run from anywhere with Debian's python3 + pandas + numpy (python3 make_cases.py); the outputs are
committed. The area holds one small real wafer file (`data.pkl`: the first 6 maps of the shipped wm811k_subset.pkl)
and a stand-in model bundle (`model/`: `review status` hashes a bundle's files but never loads its weights). Every
case is a review folder referring to both by relative path, with one thing broken: review.json itself, or its
cached predictions (meta.json, the .npy arrays). Cases run on a private copy of the area (setup `copy`) because
opening a review may refresh the stamps in its review.json.
"""
import hashlib
import json
import os
import shutil

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", "..", ".."))
CLASSES = ["Center", "Donut", "Edge-Loc", "Edge-Ring", "Loc", "Random", "Scratch"]


def crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return "%08x" % (crc ^ 0xFFFFFFFF)


def sha256_file(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def model_sha(folder):
    d = hashlib.sha256()
    for name in sorted(os.listdir(folder)):
        p = os.path.join(folder, name)
        if os.path.isfile(p) and not name.startswith("."):
            d.update((name + "\0" + sha256_file(p) + "\n").encode("utf-8"))
    return d.hexdigest()


def npy_bytes(array):
    path = os.path.join(HERE, ".tmp.npy")
    np.save(path, np.ascontiguousarray(array, dtype="<f4"))
    with open(path, "rb") as f:
        data = f.read()
    os.remove(path)
    return data


def labels_of(df):
    out = []
    for v in df["failureType"]:
        a = np.asarray(v).ravel()
        out.append(str(a[0]) if a.size else None)
    return out


def main():
    for entry in os.listdir(HERE):
        p = os.path.join(HERE, entry)
        if os.path.isdir(p):
            shutil.rmtree(p)
    df = pd.read_pickle(os.path.join(ROOT, "datasets", "wm811k", "wm811k_subset.pkl")).iloc[:6].copy()
    df.to_pickle(os.path.join(HERE, "data.pkl"), protocol=5)
    os.makedirs(os.path.join(HERE, "model"))
    with open(os.path.join(HERE, "model", "model.json"), "w", encoding="utf-8") as f:
        json.dump({"name": "stand-in", "classes": CLASSES}, f, indent=2)
        f.write("\n")
    with open(os.path.join(HERE, "model", "model.params"), "wb") as f:
        f.write(b"stand-in weights: review status never loads them\n")
    data_fp = "sha256:" + sha256_file(os.path.join(HERE, "data.pkl"))
    m_sha = model_sha(os.path.join(HERE, "model"))
    labels = labels_of(df)
    label_classes = CLASSES + sorted({l for l in labels if l is not None and l not in CLASSES})
    label_index = [(-1 if l is None else label_classes.index(l)) for l in labels]
    n = len(df)
    review = {
        "format": 1, "id": "00000000-0000-4000-8000-000000000001", "kind": "wafer",
        "data": {"path": "../data.pkl", "fingerprint": data_fp, "stamp": "file:0@0", "items": n},
        "model": {"name": "stand-in", "path": "../model", "weightsSha256": m_sha, "stamp": None},
        "queue": {"order": "least-certain", "undecidedOnly": False},
        "createdAt": "2026-11-30T07:00:00Z", "classes": CLASSES,
    }
    rng = np.random.default_rng(20261130)
    probabilities = rng.dirichlet(np.ones(len(CLASSES)), size=n).astype("<f4")
    cases = []

    def folder(name, review_doc=None, raw_review=None, meta=None, probs=None, labels_npy=None, raw_meta=None):
        d = os.path.join(HERE, name)
        os.makedirs(os.path.join(d, "predictions"))
        os.makedirs(os.path.join(d, "decisions"))
        with open(os.path.join(d, "review.json"), "w", encoding="utf-8") as f:
            f.write(raw_review if raw_review is not None else json.dumps(review_doc or review, indent=2) + "\n")
        pb = probs if probs is not None else npy_bytes(probabilities)
        lb = labels_npy if labels_npy is not None else npy_bytes(np.array(label_index, dtype="<f4"))
        with open(os.path.join(d, "predictions", "probabilities.npy"), "wb") as f:
            f.write(pb)
        with open(os.path.join(d, "predictions", "labels.npy"), "wb") as f:
            f.write(lb)
        doc = {"format": 1, "modelSha256": m_sha, "dataFingerprint": data_fp, "classes": CLASSES,
               "labelClasses": label_classes, "ids": None, "items": n, "classified": n,
               "probabilitiesCrc32c": crc32c(pb), "labelsCrc32c": crc32c(lb)}
        if meta:
            doc.update(meta)
        with open(os.path.join(d, "predictions", "meta.json"), "w", encoding="utf-8") as f:
            f.write(raw_meta if raw_meta is not None else json.dumps(doc, indent=2) + "\n")

    def case(name, stderr, exit_code=2, stdout=None):
        c = {"name": "review-" + name, "args": ["review", "status", "{copy}/" + name], "exit": exit_code,
             "stderr": stderr, "setup": "copy"}
        if stdout:
            c["stdout"] = stdout
        cases.append(c)

    folder("valid")
    case("valid", [], exit_code=0, stdout=["6 of 6 items classified"])
    folder("no-review-json")
    os.remove(os.path.join(HERE, "no-review-json", "review.json"))
    case("no-review-json", ["no-review-json", "not a review folder"])
    folder("review-json-garbage", raw_review="{\"format\": 1, \"kind\": [")
    case("review-json-garbage", ["review.json", "not a review definition"])
    folder("review-json-huge", raw_review="{\"pad\": \"" + "x" * (1 << 20) + "\"}")
    case("review-json-huge", ["review.json", "too large"])
    folder("review-format-2", review_doc=dict(review, format=2))
    case("review-format-2", ["review.json", "format 2 is not supported"])
    folder("review-kind-photo", review_doc=dict(review, kind="photo"))
    case("review-kind-photo", ["review.json", "photo"])
    folder("review-no-model", review_doc={k: v for k, v in review.items() if k != "model"})
    case("review-no-model", ["review.json", "incomplete"])
    folder("review-no-classes", review_doc=dict(review, classes=[]))
    case("review-no-classes", ["review.json", "no model classes"])
    folder("review-data-missing", review_doc=dict(review, data=dict(review["data"], path="../nothing.pkl")))
    case("review-data-missing", ["nothing.pkl", "missing"])
    folder("review-model-missing", review_doc=dict(review, model=dict(review["model"], path="../no-model")))
    case("review-model-missing", ["no-model", "missing"])
    folder("meta-garbage", raw_meta="[1, 2")
    case("meta-garbage", ["meta.json", "predictions metadata"])
    folder("meta-no-fingerprints", raw_meta="{\"format\": 1}")
    case("meta-no-fingerprints", ["meta.json", "model or data fingerprint missing"])
    folder("meta-items-mismatch", meta={"items": 7})
    case("meta-items-mismatch", ["meta.json", "do not match their description"])
    folder("meta-items-negative", meta={"items": -6})
    case("meta-items-negative", ["meta.json", "do not match"])
    huge = b"\x93NUMPY\x01\x00" + (lambda h: len(h).to_bytes(2, "little") + h)(
        b"{'descr': '<f4', 'fortran_order': False, 'shape': (2147483647, 2147483647), }".ljust(118) + b"\n")
    folder("npy-shape-huge", probs=huge)
    case("npy-shape-huge", ["probabilities.npy", "too large"])
    cut = npy_bytes(probabilities)[:-10]
    folder("npy-cut-short", probs=cut)
    case("npy-cut-short", ["probabilities.npy", "cut short"])
    negative = probabilities.copy()
    negative[2, 3] = -0.5
    folder("npy-negative-probability", probs=npy_bytes(negative))
    case("npy-negative-probability", ["probabilities.npy", "not a table of probabilities"])
    folder("npy-int64", probs=(lambda a: (np.save(os.path.join(HERE, ".i.npy"), a), open(os.path.join(HERE, ".i.npy"),
                                                                                           "rb").read())[1])(
        np.zeros((n, len(CLASSES)), dtype="<i8")))
    os.remove(os.path.join(HERE, ".i.npy"))
    case("npy-int64", ["probabilities.npy", "dtype"])
    bad_labels = np.array(label_index, dtype="<f4")
    bad_labels[0] = 99
    folder("labels-out-of-range", labels_npy=npy_bytes(bad_labels))
    case("labels-out-of-range", ["labels.npy", "label index"])
    fractional = np.array(label_index, dtype="<f4")
    fractional[1] = 0.5
    folder("labels-fractional", labels_npy=npy_bytes(fractional))
    case("labels-fractional", ["labels.npy", "label index"])
    # a checksum that does not match: the cache is not used (never a wrong prediction), and the user is told why
    folder("crc-mismatch", meta={"probabilitiesCrc32c": "00000000"})
    case("crc-mismatch", ["warning", "damaged or incomplete", "not used"], exit_code=0,
         stdout=["0 of 6 items classified"])
    with open(os.path.join(HERE, "cases.json"), "w", encoding="utf-8") as f:
        json.dump(cases, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
