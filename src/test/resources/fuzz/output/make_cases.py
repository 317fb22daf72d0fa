#!/usr/bin/env python3
"""Makes the output cases of the fuzz corpus (area `output`) and cases.json.

Deterministic: run from this folder (python3 make_cases.py); the outputs are committed. Every case
points an output at a place it must not write: onto a folder, onto an existing file without --force,
below a regular file (the portable stand-in for a read-only folder: tests run as root, who may write
into a folder without write permission), into a folder that is not empty. Each must end in one
`error:` line before anything is computed, and leave the existing files as they were.
"""
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
JOURNAL_AREA = os.path.join(HERE, "..", "journal")
WAFER_MODEL = "models/wafer-baseline-paper7"
WAFER_DATA = "datasets/wm811k/LSWMD_sample.pkl"


def write(path, data):
    full = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(data)


def main():
    for d in ("study", "explained", "charts"):
        shutil.rmtree(os.path.join(HERE, d), ignore_errors=True)
    os.makedirs(os.path.join(HERE, "study"))
    shutil.copyfile(os.path.join(JOURNAL_AREA, "study", "study.json"), os.path.join(HERE, "study", "study.json"))
    write("existing.csv", b"row,predicted\n0,Center\n")
    write("existing.npy", b"not really an npy, but it exists\n")
    write("existing.png", b"not really a png, but it exists\n")
    write(os.path.join("explained", "map.npy"), b"an earlier explanation\n")
    write(os.path.join("charts", "f1_per_class.png"), b"an earlier chart\n")

    def case(name, args, stderr):
        return {"name": name, "args": args, "exit": 2, "stderr": stderr}

    classify = ["wafer", "classify", "--model", WAFER_MODEL, "--data", WAFER_DATA, "--out"]
    export = ["study", "export", "--study", "{dir}/study", "--csv"]
    heatmap = ["explain", "heatmap", "--model", "models/sem-demo", "--image", "{dir}/no-image.png", "--out"]
    cases = [
        case("classify-onto-folder", classify + ["{tmp}"], ["is a folder"]),
        case("classify-onto-existing", classify + ["{dir}/existing.csv"], ["existing.csv", "--force"]),
        case("classify-below-a-file", classify + ["{dir}/existing.csv/p.csv"], ["is a file, not a folder"]),
        case("export-onto-existing", export + ["{dir}/existing.csv"], ["existing.csv", "--force"]),
        case("export-onto-folder", export + ["{tmp}"], ["is a folder"]),
        case("export-below-a-file", export + ["{dir}/existing.csv/ratings.csv"], ["is a file, not a folder"]),
        case("heatmap-onto-existing", heatmap + ["{dir}/existing.npy"], ["existing.npy", "--force"]),
        case("heatmap-png-onto-existing", heatmap + ["{tmp}/map.npy", "--png", "{dir}/existing.png"],
             ["existing.png", "--force"]),
        case("generate-into-non-empty-folder", ["sem", "generate", "--out", "{dir}", "--per-class", "1"],
             ["not empty", "--force"]),
        case("generate-onto-a-file", ["sem", "generate", "--out", "{dir}/existing.csv", "--per-class", "1"],
             ["existing.csv", "is a file"]),
        case("wafer-export-onto-a-file", ["wafer", "export", WAFER_DATA, "--out", "{dir}/existing.csv"],
             ["existing.csv", "is a file"]),
        case("wafer-explain-onto-earlier-files", ["wafer", "explain", "--model", WAFER_MODEL, "--data", WAFER_DATA,
                                                  "--index", "0", "--out", "{dir}/explained"], ["map.npy", "--force"]),
        case("sem-evaluate-onto-earlier-charts", ["sem", "evaluate", "--model", "models/sem-demo", "--data",
                                                  "datasets/sem-demo", "--out", "{dir}/charts"],
             ["f1_per_class.png", "--force"]),
        case("study-create-below-a-file", ["study", "create", "--data", "datasets/sem-demo", "--methods", "gradcam",
                                           "--out", "{dir}/existing.csv/study"], ["is a file, not a folder"]),
    ]
    with open(os.path.join(HERE, "cases.json"), "w", encoding="utf-8") as f:
        json.dump(cases, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
