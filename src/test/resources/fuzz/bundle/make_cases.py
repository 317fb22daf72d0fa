#!/usr/bin/env python3
"""Makes the broken model bundles of the fuzz corpus (area `bundle`) and cases.json.

Deterministic: run from this folder (python3 make_cases.py); the outputs are committed. Each case is a
bundle folder whose model.json is a shipped one (models/sem-demo, models/wafer-baseline-paper7) with
one rule broken. The weight files are small placeholders: every case must be refused from model.json
alone, before any weight is read or any tensor allocated.
"""
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", "..", ".."))


def shipped(name):
    with open(os.path.join(ROOT, "models", name, "model.json"), encoding="utf-8") as f:
        m = json.load(f)
    m.pop("provenance", None)
    return m


def bundle(name, manifest, weights=("weights.params",), raw=None):
    d = os.path.join(HERE, name)
    os.makedirs(d)
    with open(os.path.join(d, "model.json"), "w", encoding="utf-8") as f:
        if raw is not None:
            f.write(raw)
        else:
            json.dump(manifest, f, indent=2)
            f.write("\n")
    for w in weights:
        with open(os.path.join(d, w), "wb") as f:
            f.write(b"placeholder weights\n")


def main():
    for entry in os.listdir(HERE):
        if os.path.isdir(os.path.join(HERE, entry)):
            shutil.rmtree(os.path.join(HERE, entry))
    with open(os.path.join(HERE, "outside.params"), "wb") as f:
        f.write(b"weights outside every bundle\n")
    cases = []

    def sem(name, edit, stderr, weights=("weights.params",), raw=None):
        m = shipped("sem-demo")
        edit(m)
        bundle(name, m, weights, raw)
        cases.append({"name": name, "args": ["model", "info", "{dir}/" + name], "exit": 2, "stderr": stderr})

    def wafer(name, edit, stderr, weights=("model.params",)):
        m = shipped("wafer-baseline-paper7")
        edit(m)
        bundle(name, m, weights)
        cases.append({"name": name, "exit": 2, "stderr": stderr,
                      "args": ["wafer", "classify", "--model", "{dir}/" + name, "--data", "{dir}/no-data.pkl"]})

    sem("sem-size-100000", lambda m: m["input"].update(height=100000), ["model.json", "input.height", "1 to 4096"])
    sem("sem-size-minus-1", lambda m: m["input"].update(width=-1), ["model.json", "input.width"])
    sem("sem-size-0", lambda m: m["input"].update(height=0), ["model.json", "input.height"])
    sem("sem-channels-2", lambda m: m["input"].update(channels=2), ["model.json", "input.channels must be 1 or 3"])
    sem("sem-std-0", lambda m: m["input"].update(std=[0.0]), ["model.json", "input.std[0]", "above 0"])
    sem("sem-std-negative", lambda m: m["input"].update(std=[-0.5]), ["model.json", "input.std[0]"])
    sem("sem-mean-huge", lambda m: m["input"].update(mean=[1e300]), ["model.json", "input.mean[0]", "finite"])
    sem("sem-mean-missing", lambda m: m["input"].pop("mean"), ["model.json", "input.mean", "one per channel"])
    sem("sem-duplicate-classes", lambda m: m.update(classes=["a", "a", "b"]), ["model.json", "classes[1]", "unique"])
    sem("sem-null-class", lambda m: m.update(classes=["a", None]), ["model.json", "classes[1]", "non-empty"])
    sem("sem-empty-class", lambda m: m.update(classes=["a", ""]), ["model.json", "classes[1]"])
    sem("sem-no-classes", lambda m: m.pop("classes"), ["model.json", "classes must be a list"])
    sem("sem-missing-weights", lambda m: None, ["weights.params", "missing"], weights=())
    sem("sem-weights-dotdot", lambda m: m.update(weights=["../outside.params"]), ["model.json", "inside the bundle"])
    sem("sem-weights-absolute", lambda m: m.update(weights=["/etc/passwd"]), ["model.json", "inside the bundle"])
    sem("sem-unknown-architecture", lambda m: m.update(architecture="resnet-9000"),
        ["model.json", "architecture", "known architecture"])
    sem("sem-not-json", lambda m: None, ["model.json", "not a valid model.json"], raw="{\"name\": \"x\", ")
    sem("sem-json-array", lambda m: None, ["model.json", "one JSON object"], raw="[1, 2, 3]\n")

    wafer("wafer-duplicate-classes", lambda m: m.update(classes=["Center", "Center", "Donut"]),
          ["model.json", "classes[1]", "unique"])
    wafer("wafer-null-class", lambda m: m.update(classes=["Center", None, "Donut"]), ["model.json", "classes[1]"])
    wafer("wafer-size-100000", lambda m: m["input"].update(height=100000), ["model.json", "input.height"])
    wafer("wafer-size-minus-1", lambda m: m["input"].update(width=-1), ["model.json", "input.width"])
    wafer("wafer-angles-negative", lambda m: m.update(angles=-3), ["model.json", "angles"])
    wafer("wafer-missing-weights", lambda m: None, ["model.params", "missing"], weights=())
    wafer("wafer-weights-dotdot", lambda m: m.update(weights="../outside.params"), ["model.json", "inside the bundle"])
    wafer("wafer-ensemble-dotdot", lambda m: m.update(ensemble={"weights": ["../outside.params"]}),
          ["model.json", "ensemble.weights[0]", "inside the bundle"])
    with open(os.path.join(HERE, "cases.json"), "w", encoding="utf-8") as f:
        json.dump(cases, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
