#!/usr/bin/python3
"""Makes the hostile inputs of `mask suggest` and `mask evaluate` and cases.json (run by hand from this folder,
never by the build):

    /usr/bin/python3 make_cases.py

Deterministic, pure Python; the PNG writer comes from ../image/make_cases.py.
"""
import json
import os
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "image"))
import make_cases as images  # noqa: E402

W, H = 64, 48


def write(rel, data):
    full = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(data)


def lines_png(rel):
    pixels = [200 if (x // 4) % 2 == 0 else 60 for y in range(H) for x in range(W)]
    write(rel, images.png_bytes(W, H, 0, pixels))


def mask_png(rel, w=W, h=H):
    pixels = [255 if 16 <= x < 24 and 12 <= y < 20 else 0 for y in range(h) for x in range(w)]
    write(rel, images.png_bytes(w, h, 0, pixels))


def carinthia_s(folder, rows):
    text = "image_path;mask_path;filename;label\n" + "".join(
        "images/%s.png;masks/%s.png;%s;%d\n" % (name, name, name, label) for name, label in rows)
    write(folder + "/data/carinthia-s.csv", text.encode())


def main():
    # a small valid Carinthia-S set (the truth for evaluate cases)
    for name in ("img_0000", "img_0001"):
        lines_png("good/data/images/%s.png" % name)
        mask_png("good/data/masks/%s.png" % name)
    carinthia_s("good", [("img_0000", 1), ("img_0001", 6)])
    # class folders whose class is no Carinthia class
    lines_png("foreign_classes/scratch/a.png")
    # a Carinthia-S set whose only image is not an image
    write("corrupt_only/data/images/img_0000.png", b"\x89PNG\r\n\x1a\n this is no PNG")
    mask_png("corrupt_only/data/masks/img_0000.png")
    carinthia_s("corrupt_only", [("img_0000", 1)])
    # candidate folders: wrong size, corrupt, none at all
    for name in ("img_0000", "img_0001"):
        mask_png("cand_wrong_size/%s.png" % name, 10, 10)
        write("cand_corrupt/%s.png" % name, b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR truncated")
    write("cand_none/readme.txt", b"no candidate masks here\n")
    # a Carinthia set without masks
    lines_png("no_masks/data/images/img_0000.png")
    write("no_masks/data/carinthia.csv", b"image_path;file_name;label\nimages/img_0000.png;img_0000.png;1\n")
    # a suggested set whose derived.json is not a marker
    mask_png("cand_bad_marker/data/masks/img_0000.png")
    write("cand_bad_marker/data/carinthia-s.csv",
          b"image_path;mask_path;filename;label\n../../good/data/images/img_0000.png;masks/img_0000.png;img_0000;1\n")
    write("cand_bad_marker/derived.json", b"{\"format\": 7")

    cases = [
        case("suggest-missing-data", ["mask", "suggest", "--data", "{dir}/nothing_here", "--method", "lines",
                                      "--out", "{tmp}/o"], ["nothing_here", "not found"]),
        case("suggest-unknown-method", ["mask", "suggest", "--data", "{dir}/good", "--method", "magic",
                                        "--out", "{tmp}/o"], ["good", "magic"]),
        case("suggest-heatmap-without-model", ["mask", "suggest", "--data", "{dir}/good", "--method", "heatmap",
                                               "--out", "{tmp}/o"], ["good", "--model"]),
        case("suggest-foreign-class", ["mask", "suggest", "--data", "{dir}/foreign_classes", "--method", "lines",
                                       "--out", "{tmp}/o"], ["a.png", "not a Carinthia class"]),
        case("suggest-single-image-without-class",
             ["mask", "suggest", "--data", "{dir}/foreign_classes/scratch/a.png", "--method", "lines",
              "--out", "{tmp}/o"], ["a.png", "has no class"]),
        case("suggest-nothing-readable", ["mask", "suggest", "--data", "{dir}/corrupt_only", "--method", "lines",
                                          "--out", "{tmp}/o"], ["corrupt_only", "could be read"]),
        case("suggest-out-is-a-file", ["mask", "suggest", "--data", "{dir}/good", "--method", "lines",
                                       "--out", "{dir}/make_cases.py"], ["make_cases.py"]),
        case("suggest-out-not-empty", ["mask", "suggest", "--data", "{dir}/good", "--method", "lines",
                                       "--out", "{dir}"], ["mask", "--force"]),
        case("suggest-data-is-a-fifo", ["mask", "suggest", "--data", "{tmp}/pipe", "--method", "lines",
                                        "--out", "{tmp}/o"], ["pipe"], setup="fifo"),
        case("evaluate-missing-masks", ["mask", "evaluate", "--masks", "{dir}/nothing_here", "--data", "{dir}/good"],
             ["nothing_here", "not a folder"]),
        case("evaluate-no-candidates", ["mask", "evaluate", "--masks", "{dir}/cand_none", "--data", "{dir}/good"],
             ["cand_none", "no candidate masks"]),
        case("evaluate-wrong-size", ["mask", "evaluate", "--masks", "{dir}/cand_wrong_size", "--data", "{dir}/good"],
             ["cand_wrong_size", "could be compared"]),
        case("evaluate-corrupt-candidates", ["mask", "evaluate", "--masks", "{dir}/cand_corrupt",
                                             "--data", "{dir}/good"], ["cand_corrupt", "could be compared"]),
        case("evaluate-truth-without-masks", ["mask", "evaluate", "--masks", "{dir}/cand_wrong_size",
                                              "--data", "{dir}/no_masks"], ["no_masks", "no image"]),
        case("evaluate-bad-derived-marker", ["mask", "evaluate", "--masks", "{dir}/cand_bad_marker",
                                             "--data", "{dir}/good"], ["derived.json"]),
        case("evaluate-good-against-itself", ["mask", "evaluate", "--masks", "{dir}/good", "--data", "{dir}/good",
                                              "--json"], [], exit=0, stdout=["\"images\" : 2"]),
    ]
    with open(os.path.join(HERE, "cases.json"), "w") as f:
        f.write("[\n" + ",\n".join(" " + json.dumps(c) for c in cases) + "\n]\n")


def case(name, args, stderr, exit=2, stdout=None, setup=None):
    return {"name": name, "args": args, "exit": exit, "stderr": stderr, "stdout": stdout or [], "setup": setup}


if __name__ == "__main__":
    main()
