#!/usr/bin/python3
"""Makes the hostile data sets of this folder and cases.json (run by hand from this folder, never by the build):

    /usr/bin/python3 make_cases.py

Deterministic, pure Python; the PNG writer comes from ../image/make_cases.py. Symbolic links are committed as
links with relative targets (git keeps them). `outside/` stands for files beside a data set that it must never
read: every link that leads there must be refused.
"""
import json
import os
import shutil
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "image"))
import make_cases as images  # noqa: E402

W, H = 64, 48


def path(rel):
    full = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    return full


def write(rel, data):
    with open(path(rel), "wb") as f:
        f.write(data)


def png(rel, seed=0):
    write(rel, images.png_bytes(W, H, 0, images.gradient(W, H, seed)))


def mask(rel):
    pixels = [255 if 16 <= x < 40 and 12 <= y < 30 else 0 for y in range(H) for x in range(W)]
    write(rel, images.png_bytes(W, H, 0, pixels))


def cut_png(rel):
    data = images.png_bytes(W, H, 0, images.gradient(W, H, 5))
    write(rel, data[:len(data) - 40])


def link(rel, target):
    full = path(rel)
    if os.path.lexists(full):
        os.remove(full)
    os.symlink(target, full)


def csv(rel, text, encoding="utf-8"):
    write(rel, text.encode(encoding))


def main():
    for name in os.listdir(HERE):
        full = os.path.join(HERE, name)
        if os.path.isdir(full) and not os.path.islink(full):
            shutil.rmtree(full)
    png("outside/secret.png", 9)
    csv("outside/carinthia.csv", "image_path;file_name;label\nsecret.png;secret.png;3\n")

    png("link_file/classA/ok.png")
    link("link_file/classA/leak.png", "../../outside/secret.png")
    png("link_folder/classA/ok.png")
    link("link_folder/classB", "../outside")
    png("link_inside/classA/ok.png")
    link("link_inside/classB/alias.png", "../classA/ok.png")
    png("link_loop/classA/ok.png")
    link("link_loop/classA/loop.png", "loop.png")

    header = "image_path;file_name;label\n"
    for i, name in enumerate(["a", "b"]):
        png("csv_dup/data/images/%s.png" % name, i)
    csv("csv_dup/data/carinthia.csv", header + "images/a.png;a.png;3\nimages/b.png;b.png;3\n./images/a.png;a2.png;6\n")
    csv("csv_dotdot/data/carinthia.csv", header + "../../outside/secret.png;secret.png;3\n")
    csv("csv_abs/data/carinthia-s.csv", "image_path;mask_path;filename;label\n/etc/passwd;masks/a.png;a;3\n")
    png("csv_latin1/data/images/caf\u00e9.png")
    csv("csv_latin1/data/carinthia.csv", header + "images/caf\u00e9.png;caf\u00e9.png;3\n", "latin-1")
    csv("csv_header/data/carinthia.csv", "path;name;class\nimages/a.png;a.png;3\n")
    png("csv_link_image/data/images/ok.png")
    link("csv_link_image/data/images/leak.png", "../../../outside/secret.png")
    csv("csv_link_image/data/carinthia.csv", header + "images/ok.png;ok.png;3\nimages/leak.png;leak.png;3\n")
    png("csv_link_mask/data/images/a.png")
    link("csv_link_mask/data/masks/a.png", "../../../outside/secret.png")
    csv("csv_link_mask/data/carinthia-s.csv", "image_path;mask_path;filename;label\nimages/a.png;masks/a.png;a;1\n")
    link("csv_link_folder/data/images", "../../outside")
    csv("csv_link_folder/data/carinthia.csv", header + "images/secret.png;secret.png;3\n")
    link("csv_itself_linked/data/carinthia.csv", "../../outside/carinthia.csv")

    png("mixed/classA/ok1.png", 1)
    png("mixed/classA/ok2.png", 2)
    cut_png("mixed/classA/cut.png")
    write("mixed/classB/huge.png", images.png_bytes(60000, 60000))
    png("mixed/classB/ok3.png", 3)
    cut_png("all_bad/classA/cut.png")

    cs = "image_path;mask_path;filename;label\n"
    for name, seed in [("a", 1), ("c", 3)]:
        png("mixed_s/data/images/%s.png" % name, seed)
    cut_png("mixed_s/data/images/b.png")
    for name in ["a", "b"]:
        mask("mixed_s/data/masks/%s.png" % name)
    write("mixed_s/data/masks/c.png", b"not a mask at all")
    csv("mixed_s/data/carinthia-s.csv", cs + "".join("images/%s.png;masks/%s.png;%s;1\n" % (n, n, n) for n in "abc"))

    def case(name, args, *stderr, exit_code=2, stdout=(), setup=None):
        return {"name": name, "args": args, "exit": exit_code, "stderr": list(stderr), "stdout": list(stdout),
                "setup": setup}

    def info(name, rel, *stderr):
        return case(name, ["dataset", "info", "{dir}/" + rel], *stderr)

    classify = ["sem", "classify", "--model", "models/sem-demo", "--data"]
    cases = [
        info("symlinked-image-to-outside", "link_file", "leak.png", "outside the data-set folder"),
        info("symlinked-class-folder-to-outside", "link_folder", "classB", "outside the data-set folder"),
        case("symlink-inside-stays-allowed", ["dataset", "info", "{dir}/link_inside", "--json"], exit_code=0,
             stdout=['"images" : 2']),
        info("symlink-loop-in-class-folder", "link_loop", "loop.png", "symbolic link loop"),
        case("symlink-loop-opened-directly", ["dataset", "info", "{dir}/link_loop/classA/loop.png"],
             "loop.png", "symbolic link loop"),
        info("csv-duplicate-rows", "csv_dup", "carinthia.csv", "lines 2 and 4"),
        info("csv-dotdot-path", "csv_dotdot", "carinthia.csv", "line 2", "escapes the data-set folder"),
        info("csv-absolute-path", "csv_abs", "carinthia-s.csv", "line 2", "absolute path"),
        info("csv-latin1", "csv_latin1", "carinthia.csv", "not UTF-8"),
        info("csv-wrong-header", "csv_header", "carinthia.csv", "lacks the column"),
        info("csv-image-symlink-to-outside", "csv_link_image", "carinthia.csv", "line 3", "outside the data-set"),
        info("csv-mask-symlink-to-outside", "csv_link_mask", "carinthia-s.csv", "mask_path", "outside the data-set"),
        info("csv-image-folder-symlink-to-outside", "csv_link_folder", "carinthia.csv", "line 2",
             "outside the data-set"),
        info("csv-itself-symlink-to-outside", "csv_itself_linked", "carinthia.csv", "outside the data-set"),
        case("dataset-dev-zero", ["dataset", "info", "/dev/zero"], "/dev/zero", "not a regular file"),
        case("dataset-named-pipe", ["dataset", "info", "{tmp}/pipe"], "pipe", "not a regular file", setup="fifo"),
        case("classify-keeps-going-json", classify + ["{dir}/mixed", "--json"], "warning: skipped", "cut.png",
             exit_code=0, stdout=['"skipped"', "cut.png", "huge.png", "budget", '"id" : "ok3"']),
        case("classify-keeps-going-text", classify + ["{dir}/mixed"], "huge.png", "60000 x 60000", exit_code=0,
             stdout=["ok1", "ok2", "ok3", "skipped 2 unreadable"]),
        case("classify-nothing-readable", classify + ["{dir}/all_bad"], "all_bad", "none of the 1 images"),
        case("classify-symlink-out", classify + ["{dir}/link_file"], "leak.png", "outside the data-set folder"),
        case("explain-evaluate-keeps-going", ["explain", "evaluate", "--model", "models/sem-demo", "--data",
                                              "{dir}/mixed_s", "--methods", "gradcam", "--steps", "0",
                                              "--out", "{tmp}/ev", "--json"],
             "warning: skipped", exit_code=0, stdout=['"skipped"', "b.png", "c.png", '"images" : 1']),
        case("explain-evaluate-symlinked-mask", ["explain", "evaluate", "--model", "models/sem-demo", "--data",
                                                 "{dir}/csv_link_mask", "--methods", "gradcam", "--out",
                                                 "{tmp}/ev"], "carinthia-s.csv", "outside the data-set"),
    ]
    with open(os.path.join(HERE, "cases.json"), "w") as f:
        f.write("[\n" + ",\n".join(" " + json.dumps(c) for c in cases) + "\n]\n")


if __name__ == "__main__":
    main()
