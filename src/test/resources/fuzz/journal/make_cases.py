#!/usr/bin/env python3
"""Makes the hostile rating journals of the fuzz corpus (area `journal`) and cases.json.

Deterministic: run from this folder (python3 make_cases.py); the outputs are committed. The study plan
has 2 images (img00, img01), 2 methods (gradcam, craft) and the built-in 8-question 1..5 scale, so a
rater gives 32 answers. Journal lines are {"crc32":"........","rating":{...}} with the CRC32 of the
exact rating JSON, as defectlens.study.JournalLine writes them.
"""
import json
import os
import random
import shutil
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", "..", ".."))
STUDY_ID = "fuzz-study"
IMAGES = ["img00", "img01"]
METHODS = ["gradcam", "craft"]


def questionnaire():
    path = os.path.join(ROOT, "src", "main", "resources", "defectlens", "study", "explanation-satisfaction.json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def plan():
    return {
        "studyId": STUDY_ID, "created": "2026-01-01T00:00:00Z", "dataset": ".",
        "model": {"name": "fuzz", "version": "1"}, "methods": METHODS,
        "blinding": {"Explanation A": "gradcam", "Explanation B": "craft"},
        "images": [{"id": i, "path": i + ".png"} for i in IMAGES],
        "questionnaire": questionnaire(), "seed": 1,
    }


def rating(n, rater="bob", image="img00", method="gradcam", question="Q1", value=3, study=STUDY_ID):
    return {"submissionId": "%s-%04d" % (rater, n), "studyId": study, "rater": rater, "imageId": image,
            "method": method, "question": question, "value": value, "comment": "",
            "time": "2026-01-01T10:%02d:%02dZ" % (n // 60, n % 60), "modelVersion": "1", "appVersion": "fuzz"}


def line(r, bad_crc=False):
    body = json.dumps(r, separators=(",", ":"))
    crc = zlib.crc32(body.encode("utf-8")) & 0xFFFFFFFF
    if bad_crc:
        crc ^= 0x1
    return '{"crc32":"%08x","rating":%s}' % (crc, body)


def write_lines(name, lines, eol="\n"):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write("".join(l + eol for l in lines).encode("utf-8"))


def twenty(rater):
    out = []
    n = 0
    for image in IMAGES:
        for method in METHODS:
            for q in range(1, 6):
                out.append(rating(n, rater, image, method, "Q%d" % q, 1 + n % 5))
                n += 1
    return out


def main():
    for d in ("study", "study-crlf", "study-damaged"):
        shutil.rmtree(os.path.join(HERE, d), ignore_errors=True)
        os.makedirs(os.path.join(HERE, d))
        with open(os.path.join(HERE, d, "study.json"), "w", encoding="utf-8") as f:
            json.dump(plan(), f, indent=2)
            f.write("\n")
        # an item can be rated only when its explanation picture is there: a placeholder file per item
        for m in METHODS:
            os.makedirs(os.path.join(HERE, d, "explanations", m))
            for i in IMAGES:
                with open(os.path.join(HERE, d, "explanations", m, i + ".png"), "wb") as f:
                    f.write(b"placeholder")
    write_lines("value_99.jsonl", [line(rating(1, value=99))])
    write_lines("value_minus_5.jsonl", [line(rating(1, value=-5))])
    write_lines("unknown_question.jsonl", [line(rating(1, question="Q99"))])
    write_lines("unknown_image.jsonl", [line(rating(1, image="not-in-plan"))])
    write_lines("unknown_method.jsonl", [line(rating(1, method="lime"))])
    write_lines("other_study.jsonl", [line(rating(1, study="another-study"))])
    write_lines("mixed.jsonl", [line(rating(1, value=4)), line(rating(2, value=99)), line(rating(3, question="Q0")),
                                line(rating(4, method="lime")), line(rating(5, image="img01", value=2))])
    write_lines("bad_checksums.jsonl", [line(rating(n), bad_crc=True) for n in range(3)])
    write_lines("crlf.jsonl", [line(r) for r in twenty("carol")], eol="\r\n")
    write_lines(os.path.join("study-crlf", "journal-alice.jsonl"), [line(r) for r in twenty("alice")], eol="\r\n")
    damaged = [line(r) for r in twenty("bob")[:4]]
    damaged[1] = line(rating(1, "bob", question="Q2"), bad_crc=True)
    write_lines(os.path.join("study-damaged", "journal-bob.jsonl"), damaged)
    open(os.path.join(HERE, "empty.jsonl"), "wb").close()
    rng = random.Random(3)
    png = bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + bytes(rng.getrandbits(8) for _ in range(2000))
    with open(os.path.join(HERE, "picture.png"), "wb") as f:
        f.write(png)
    with open(os.path.join(HERE, "random.bin"), "wb") as f:
        f.write(bytes(rng.getrandbits(8) for _ in range(8192)))

    def merge(name, stderr, exit_code=2, stdout=None):
        return {"name": "merge-" + name.split(".")[0].replace("_", "-"), "setup": "copy",
                "args": ["study", "merge", "--study", "{copy}/study", "--from", "{dir}/" + name],
                "exit": exit_code, "stderr": stderr if exit_code == 2 else [], "stdout": stdout or []}

    cases = [
        merge("value_99.jsonl", ["value_99.jsonl", "nothing merged", "value 99"]),
        merge("value_minus_5.jsonl", ["value_minus_5.jsonl", "nothing merged", "value -5"]),
        merge("unknown_question.jsonl", ["unknown_question.jsonl", "question Q99"]),
        merge("unknown_image.jsonl", ["unknown_image.jsonl", "image not-in-plan"]),
        merge("unknown_method.jsonl", ["unknown_method.jsonl", "method lime"]),
        merge("other_study.jsonl", ["other_study.jsonl", "another study"]),
        merge("bad_checksums.jsonl", ["bad_checksums.jsonl", "not a ratings journal", "lines 1, 2, 3"]),
        merge("picture.png", ["picture.png", "not a ratings journal"]),
        merge("random.bin", ["random.bin", "not a ratings journal"]),
        merge("empty.jsonl", ["empty.jsonl", "empty"]),
        merge("missing.jsonl", ["missing.jsonl", "not found"]),
        merge("study", ["study", "not a regular file"]),
        merge("mixed.jsonl", [], 0, ["2 added", "3 line(s) refused"]),
        merge("crlf.jsonl", [], 0, ["read 20 ratings: 20 added", "0 line(s) refused"]),
        {"name": "status-crlf", "args": ["study", "status", "--study", "{dir}/study-crlf"], "exit": 0,
         "stdout": ["alice", "20 / 32"], "stderr": []},
        {"name": "summary-crlf", "args": ["study", "summary", "--study", "{dir}/study-crlf", "--json"], "exit": 0,
         "stdout": ["\"ratings\" : 20", "\"refused\" : 0"], "stderr": []},
        {"name": "status-damaged", "args": ["study", "status", "--study", "{dir}/study-damaged", "--json"], "exit": 0,
         "stdout": ["\"refused\" : 1", "\"line\" : 2", "damaged line"], "stderr": []},
        {"name": "summary-damaged", "args": ["study", "summary", "--study", "{dir}/study-damaged"], "exit": 0,
         "stdout": ["3 ratings"], "stderr": []},
    ]
    with open(os.path.join(HERE, "cases.json"), "w", encoding="utf-8") as f:
        json.dump(cases, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
