#!/usr/bin/python3
"""Makes the hostile inputs of `wafer augment` in this folder and cases.json (run by hand from this folder, never
by the build):

    /usr/bin/python3 make_cases.py

Deterministic (pandas 1.5 pickles with protocol 4). `maps.pkl` is a small valid wafer file (9 labelled maps, one per
class); the cases give it broken auto-encoder folders, out-of-range options and files without labelled maps.
"""
import json
import os
import shutil

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
CLASSES = ["Center", "Donut", "Edge-Loc", "Edge-Ring", "Loc", "Near-full", "Random", "Scratch", "none"]


def frame(labels):
    maps = []
    for k, _ in enumerate(labels):
        y, x = np.mgrid[0:20, 0:20]
        m = np.where((y - 9.5) ** 2 + (x - 9.5) ** 2 <= 90, 1, 0).astype(np.uint8)
        m[(y * 7 + x * 3 + k) % 11 == 0] *= 2
        maps.append(m)
    return pd.DataFrame({"waferMap": maps, "dieSize": [float(np.count_nonzero(m)) for m in maps],
                         "lotName": ["lot1"] * len(maps), "waferIndex": [float(i) for i in range(len(maps))],
                         "trianTestLabel": [[["Training"]] if l else [] for l in labels],
                         "failureType": [np.array([[l]]) if l else np.array([]) for l in labels]})


def pickle_to(name, df):
    df.to_pickle(os.path.join(HERE, name), protocol=4)


def folder(name, files):
    d = os.path.join(HERE, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    for f, data in files.items():
        with open(os.path.join(d, f), "wb") as out:
            out.write(data)


pickle_to("maps.pkl", frame(CLASSES))
pickle_to("unlabelled.pkl", frame([None, None, None]))
folder("cae_truncated", {"cae.json": b'{"architecture": "wafer-cae-32"}', "cae.params": b"\x00\x01\x02"})
folder("cae_other_model", {"cae.json": b'{"architecture": "wafer-cnn"}', "cae.params": b""})
folder("cae_not_json", {"cae.json": b"{\"architecture\": ", "cae.params": b""})
folder("cae_no_weights", {"cae.json": b'{"architecture": "wafer-cae-32"}'})
folder("not_a_cae", {"notes.txt": b"something else"})


def case(name, args, stderr, stdout=None, exit_code=2, setup=None):
    return {"name": name, "args": ["wafer", "augment"] + args, "exit": exit_code, "stderr": stderr,
            "stdout": stdout or [], "setup": setup}


DATA = ["--data", "{dir}/maps.pkl"]
OUT = ["--out", "{tmp}/aug.pkl"]
cases = [
    case("missing-data", ["--data", "{dir}/nope.pkl", "--ratio", "0.3"] + OUT, ["nope.pkl", "no such file"]),
    case("ratio-zero", DATA + ["--ratio", "0"] + OUT, ["maps.pkl", "--ratio"]),
    case("ratio-negative", DATA + ["--ratio", "-0.3"] + OUT, ["maps.pkl", "--ratio"]),
    case("ratio-nan", DATA + ["--ratio", "NaN"] + OUT, ["maps.pkl", "--ratio"]),
    case("ratio-infinite", DATA + ["--ratio", "Infinity"] + OUT, ["maps.pkl", "--ratio"]),
    case("min-ssim-above-one", DATA + ["--ratio", "0.3", "--min-ssim", "1.5"] + OUT, ["maps.pkl", "--min-ssim"]),
    case("no-labelled-map", ["--data", "{dir}/unlabelled.pkl", "--ratio", "0.3"] + OUT,
         ["unlabelled.pkl", "no labelled map"]),
    case("cae-truncated-weights", DATA + ["--ratio", "0.3", "--model", "{dir}/cae_truncated"] + OUT,
         ["cae.params", "do not fit"]),
    case("cae-of-another-model", DATA + ["--ratio", "0.3", "--model", "{dir}/cae_other_model"] + OUT,
         ["cae.json", "wafer-cnn"]),
    case("cae-json-broken", DATA + ["--ratio", "0.3", "--model", "{dir}/cae_not_json"] + OUT,
         ["cae.json", "not readable JSON"]),
    case("cae-weights-missing", DATA + ["--ratio", "0.3", "--model", "{dir}/cae_no_weights"] + OUT,
         ["cae.params", "missing"]),
    case("model-folder-of-something-else", DATA + ["--ratio", "0.3", "--model", "{dir}/not_a_cae"] + OUT,
         ["not_a_cae", "not empty"]),
    case("model-is-a-file", DATA + ["--ratio", "0.3", "--model", "{dir}/maps.pkl"] + OUT,
         ["maps.pkl", "not a folder"]),
    case("out-is-a-folder", DATA + ["--ratio", "0.3", "--out", "{dir}"], ["augment", "is a folder"]),
    case("out-exists", DATA + ["--ratio", "0.3", "--out", "{dir}/unlabelled.pkl"], ["unlabelled.pkl", "--force"]),
]
with open(os.path.join(HERE, "cases.json"), "w") as f:
    f.write("[\n" + ",\n".join(" " + json.dumps(c) for c in cases) + "\n]\n")
