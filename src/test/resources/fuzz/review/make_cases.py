#!/usr/bin/env python3
"""Makes the hostile decisions journals and wafer label CSVs of the fuzz corpus (area `review`) and cases.json.

Deterministic: run from this folder (python3 make_cases.py); the outputs are committed. The review folder
`review/` is a SEM review (id "fuzz-review") of the two-image Carinthia set `data/` (images copied from
datasets/sem-demo) with a stand-in model folder `model/` (only its files' hashes are read by `review merge`).
Cases on the review run on a private copy (setup "copy"), so nothing here is ever written. Journal lines are
{"crc32":"........","decision":{...}} with the CRC32 of the exact decision JSON, as
defectlens.journal.ChecksummedLine writes them. The label CSVs are checked by `wafer train --labels` against
datasets/wm811k/LSWMD_sample.pkl (200 maps, rows 0..199).
"""
import json
import os
import random
import shutil
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", "..", ".."))
REVIEW_ID = "fuzz-review"
CLASSES = ["single_bridge", "thin_bridge", "line_collapse", "line_break", "multi_bridge", "no_defect"]
WAFER = "datasets/wm811k/LSWMD_sample.pkl"


def write(name, data, mode="w"):
    path = os.path.join(HERE, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode + ("b" if isinstance(data, bytes) else ""), **({} if isinstance(data, bytes)
                                                                          else {"encoding": "utf-8",
                                                                                "newline": ""})) as f:
        f.write(data)


def review_folder():
    for d in ("data", "model", "review"):
        shutil.rmtree(os.path.join(HERE, d), ignore_errors=True)
    os.makedirs(os.path.join(HERE, "data", "images"))
    for stem in ("sem_000001", "sem_000025"):
        shutil.copy(os.path.join(ROOT, "datasets", "sem-demo", "data", "images", stem + ".jpg"),
                    os.path.join(HERE, "data", "images", stem + ".jpg"))
    write("data/carinthia.csv", "image_path;file_name;label\nimages/sem_000001.jpg;sem_000001.jpg;1\n"
          "images/sem_000025.jpg;sem_000025.jpg;4\n")
    write("model/model.json", json.dumps({"name": "fuzz-stand-in", "classes": CLASSES}, indent=1) + "\n")
    definition = {
        "format": 1, "id": REVIEW_ID, "kind": "sem",
        "data": {"path": "../data", "fingerprint": "sha256:fuzz", "stamp": "fuzz", "items": 2},
        "model": {"name": "fuzz-stand-in", "path": "../model", "weightsSha256": "fuzz"},
        "queue": {"order": "least-certain", "undecidedOnly": False},
        "createdAt": "2026-11-30T07:00:00Z", "classes": CLASSES,
    }
    write("review/review.json", json.dumps(definition, indent=2) + "\n")


def decision(n, index=0, item="sem_000001", action="relabel", class_after="thin_bridge", reviewer="bob",
             review=REVIEW_ID, **extra):
    d = {"id": "d-%04d" % n, "review": review, "item": item, "index": index, "reviewer": reviewer,
         "time": "2026-11-30T07:%02d:00.000Z" % (n % 60), "action": action, "labelBefore": "single_bridge",
         "predicted": "single_bridge", "top": [{"label": "single_bridge", "probability": 0.7}],
         "source": "keyboard", "model": "fuzz-stand-in fuzz"}
    if class_after is not None:
        d["classAfter"] = class_after
    d.update(extra)
    return d


def line(record, field="decision"):
    text = json.dumps(record, separators=(",", ":"), ensure_ascii=False)
    return '{"crc32":"%08x","%s":%s}\n' % (zlib.crc32(text.encode("utf-8")) & 0xFFFFFFFF, field, text)


def journals():
    write("valid.jsonl", line(decision(1)) + line(decision(2, index=1, item="sem_000025", action="accept",
                                                            class_after="line_break")))
    write("other_review.jsonl", line(decision(3, review="another-review")))
    write("other_review_newline.jsonl", line(decision(12, review="evil\nerror: injected " + "x" * 500)))
    write("unknown_item.jsonl", line(decision(4, index=99)) + line(decision(5, index=1, item="sem_000001")))
    write("unknown_class.jsonl", line(decision(6, class_after="Scratch")))
    write("bad_reviewer.jsonl", line(decision(7, reviewer="../../etc")))
    write("undo_without_target.jsonl", line(decision(8, action="undo", class_after=None)))
    good = line(decision(9))
    write("bad_checksums.jsonl", "".join(good.replace('"crc32":"', '"crc32":"0', 1).replace("0", "1", 1)
                                         for _ in range(3)))
    write("unknown_action.jsonl", line(decision(10, action="approve")))
    write("rating_line.jsonl", line({"submissionId": "r1", "studyId": "s", "rater": "bob"}, field="rating"))
    nested = json.dumps(decision(11, note="@"), separators=(",", ":"))
    nested = nested.replace('"@"', "[" * 3000 + '"x"' + "]" * 3000)
    write("deep_nested.jsonl", '{"crc32":"%08x","decision":%s}\n' % (zlib.crc32(nested.encode()) & 0xFFFFFFFF,
                                                                    nested))
    write("empty.jsonl", "")
    rnd = random.Random(20261130)
    write("random.bin", bytes(rnd.randrange(256) for _ in range(4096)))
    write("torn_only.jsonl", good[: len(good) // 2])


def label_csvs():
    write("labels_out_of_range.csv", "index,label_before,class_after,reviewer,decision\n3,Center,Donut,ann,relabel\n"
          "200,Center,Donut,ann,relabel\n")
    write("labels_negative.csv", "index,class_after\n-1,Donut\n")
    write("labels_unknown_class.csv", "index,class_after\n3,Donut\n4,Blob\n")
    write("labels_no_columns.csv", "row,label\n3,Donut\n")
    write("labels_not_a_number.csv", "index,class_after\n99999999999,Donut\n")
    write("labels_twice.csv", "index,class_after\n7,Donut\n7,Scratch\n")
    write("labels_header_only.csv", "index,class_after\n")
    write("labels_unclosed_quote.csv", 'index,class_after,note\n3,Donut,"never closed\n4,Loc,x\n')
    write("labels_latin1.csv", "index,class_after,note\n3,Donut,caf\xe9\n".encode("latin-1"))
    write("labels_empty.csv", "")
    write("labels_newline_class.csv", 'index,class_after\n3,"Do\nerror: nut"\n')


def case(name, args, stderr, exit_code=2, setup=None, stdout=None):
    return {"name": name, "args": args, "exit": exit_code, "stderr": stderr, "stdout": stdout or [],
            "setup": setup}


def merge(name, journal, stderr, **kw):
    return case(name, ["review", "merge", "{copy}/review", "{dir}/" + journal],
                stderr if kw.get("exit_code") == 0 else [journal] + stderr, setup="copy", **kw)


def train(name, csv, stderr, setup=None):
    return case(name, ["wafer", "train", "--data", WAFER, "--labels", csv, "--train-per-class", "4",
                       "--max-epochs", "1", "--out", "{tmp}/model"], stderr, setup=setup)


def cases():
    return [
        merge("merge-valid", "valid.jsonl", [], exit_code=0, stdout=["added 2, duplicates 0, refused 0"]),
        merge("merge-other-review", "other_review.jsonl", ["nothing merged", "another review"]),
        merge("merge-other-review-newline", "other_review_newline.jsonl", ["another review", "evil?error"]),
        merge("merge-unknown-item", "unknown_item.jsonl", ["nothing merged", "item not in the review",
                                                           "at 99 of 2"]),
        merge("merge-unknown-class", "unknown_class.jsonl", ["class Scratch"]),
        merge("merge-bad-reviewer", "bad_reviewer.jsonl", ["reviewer name not usable"]),
        merge("merge-undo-without-target", "undo_without_target.jsonl", ["undo without target"]),
        merge("merge-bad-checksums", "bad_checksums.jsonl", ["not a decisions journal", "lines 1, 2, 3"]),
        merge("merge-unknown-action", "unknown_action.jsonl", ["not a decisions journal"]),
        merge("merge-rating-journal", "rating_line.jsonl", ["not a decisions journal"]),
        merge("merge-deep-nested", "deep_nested.jsonl", ["not a decisions journal"]),
        merge("merge-empty", "empty.jsonl", ["empty"]),
        merge("merge-random", "random.bin", ["not a decisions journal"]),
        merge("merge-torn-only", "torn_only.jsonl", ["not a decisions journal"]),
        merge("merge-missing", "missing.jsonl", ["journal not found"]),
        case("merge-folder-as-journal", ["review", "merge", "{copy}/review", "{dir}/data"],
             ["data", "not a regular file"], setup="copy"),
        # the journals are read before the review's data, so this fails before anything could be written
        case("merge-fifo", ["review", "merge", "{dir}/review", "{tmp}/pipe"], ["pipe", "not a regular file"],
             setup="fifo"),
        case("merge-into-no-review", ["review", "merge", "{dir}/data", "{dir}/valid.jsonl"],
             ["data", "not a review folder"]),
        train("labels-out-of-range", "{dir}/labels_out_of_range.csv", ["labels_out_of_range.csv", "line 3",
                                                                       "row index 200 is outside"]),
        train("labels-negative", "{dir}/labels_negative.csv", ["labels_negative.csv", "line 2", "outside"]),
        train("labels-unknown-class", "{dir}/labels_unknown_class.csv", ["labels_unknown_class.csv", "line 3",
                                                                         "class 'Blob'"]),
        train("labels-no-columns", "{dir}/labels_no_columns.csv", ["labels_no_columns.csv", "line 1",
                                                                   "lacks the column(s) index, class_after"]),
        train("labels-not-a-number", "{dir}/labels_not_a_number.csv", ["labels_not_a_number.csv",
                                                                       "is not a row number"]),
        train("labels-twice", "{dir}/labels_twice.csv", ["labels_twice.csv", "line 3", "listed again"]),
        train("labels-header-only", "{dir}/labels_header_only.csv", ["labels_header_only.csv", "lists no row"]),
        train("labels-unclosed-quote", "{dir}/labels_unclosed_quote.csv", ["labels_unclosed_quote.csv",
                                                                           "malformed CSV"]),
        train("labels-latin1", "{dir}/labels_latin1.csv", ["labels_latin1.csv", "not UTF-8"]),
        train("labels-newline-class", "{dir}/labels_newline_class.csv", ["labels_newline_class.csv", "line 2",
                                                                         "class 'Do?error: nut'"]),
        train("labels-empty", "{dir}/labels_empty.csv", ["labels_empty.csv", "empty"]),
        train("labels-random", "{dir}/random.bin", ["random.bin"]),
        train("labels-folder", "{dir}/data", ["data"]),
        train("labels-fifo", "{tmp}/pipe", ["pipe"], setup="fifo"),
        case("export-into-existing", ["review", "export", "{copy}/review", "--format", "csv", "--out",
                                      "{copy}/valid.jsonl"], ["valid.jsonl", "already exists"], setup="copy"),
        case("export-unknown-format", ["review", "export", "{copy}/review", "--format", "xlsx", "--out",
                                       "{tmp}/x"], ["unknown export format 'xlsx'"], setup="copy"),
    ]


if __name__ == "__main__":
    review_folder()
    journals()
    label_csvs()
    with open(os.path.join(HERE, "cases.json"), "w", encoding="utf-8") as f:
        json.dump(cases(), f, indent=1)
        f.write("\n")
