#!/usr/bin/python3
"""Makes the hostile and broken wafer pickles of the fuzz corpus (area "pickle") and cases.json.

Deterministic: run it again and every file comes out byte for byte the same (gzip without a time stamp,
xz with fixed settings). Needs numpy and pandas (Debian's python3-numpy 1.24 and python3-pandas 1.5).
Big cases are written compressed (they are runs of the same bytes) and stay under 100 KB each.
Run from anywhere: /usr/bin/python3 make_cases.py
"""
import gzip
import io
import json
import lzma
import os
import pickle
import struct

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
MODEL = "models/wafer-baseline-paper7"
CASES = []


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def gz(data):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0) as f:
        f.write(data)
    return buf.getvalue()


def xz(data):
    return lzma.compress(data, format=lzma.FORMAT_XZ, preset=9)


def frame(maps, labels=None, numbered=True):
    """A frame in the Kaggle LSWMD column layout (plain string labels, as MIR writes them)."""
    n = len(maps)
    labels = labels if labels is not None else ["Center"] * n
    return pd.DataFrame({
        "waferMap": pd.Series(list(maps) + [None] * 0, dtype=object),
        "dieSize": np.full(n, 100.0),
        "lotName": ["lot1"] * n,
        "waferIndex": np.arange(1, n + 1, dtype=float) if numbered else np.ones(n),
        "trianTestLabel": ["Training"] * n,
        "failureType": pd.Series(labels, dtype=object),
    })


def good_map(seed, rows=26, cols=26, dtype=np.uint8):
    rng = np.random.RandomState(seed)
    m = rng.randint(1, 3, size=(rows, cols)).astype(dtype)
    m[0, :] = 0
    return m


def case(name, file, exit_code=2, stderr=(), stdout=(), commands=("info", "classify", "export"), extra=()):
    """One case per command; the error must name the file (the runner checks it) and the given words."""
    for command in commands:
        if command == "info":
            args = ["wafer", "info", "{dir}/" + file]
        elif command == "classify":
            args = ["wafer", "classify", "--model", MODEL, "--data", "{dir}/" + file, "--out", "{tmp}/p.csv"]
        else:
            args = ["wafer", "export", "{dir}/" + file, "--out", "{tmp}/png"]
        CASES.append({"name": name + "-" + command, "args": args + list(extra), "exit": exit_code,
                      "stderr": [file] + list(stderr) if exit_code == 2 else list(stderr),
                      "stdout": list(stdout), "setup": None})


# A protocol-2 pickle has no frames, so a string in it can be patched to a different length.
def frame_pickle(df):
    return pickle.dumps(df, protocol=2)


def with_label_cell(opcodes):
    """A valid 3-row frame whose first failureType cell is replaced by the given raw opcodes."""
    data = frame_pickle(frame([good_map(1), good_map(2), good_map(3)], ["@@CELL@@", "Loc", "Loc"]))
    marker = b"X" + struct.pack("<I", 8) + b"@@CELL@@"
    assert data.count(marker) == 1
    return data.replace(marker, opcodes)


def with_map_cell(opcodes):
    """A valid 3-row frame whose first waferMap cell is replaced by the given raw opcodes (memo free)."""
    data = frame_pickle(frame(["@@MAP@@", good_map(2), good_map(3)]))
    marker = b"X" + struct.pack("<I", 7) + b"@@MAP@@"
    assert data.count(marker) == 1
    return data.replace(marker, opcodes)


def nested_lists(depth):
    # EMPTY_LIST depth times, then APPEND depth-1 times: list 1 holds list 2 holds ... list depth.
    return b"]" * depth + b"a" * (depth - 1)


def put(i):
    return b"r" + struct.pack("<I", i)


def get(i):
    return b"j" + struct.pack("<I", i)


def laughs(levels, fan, base=500000):
    # level 0 = ['lol']; level k = [level k-1] * fan, each a memo reference: 10**levels items if expanded.
    out = b"](X" + struct.pack("<I", 3) + b"lole" + put(base)
    for k in range(1, levels + 1):
        out += b"0](" + get(base + k - 1) * fan + b"e" + put(base + k)
    return out


def self_referencing_list(base=600000):
    return b"]" + put(base) + get(base) + b"a"


# 1. Pickles that crashed or hung the reader.
write("deep_nested.pkl", with_label_cell(nested_lists(12500)))
case("deep-nested-list", "deep_nested.pkl", stderr=["row 0", "nested"])
write("self_reference.pkl", with_label_cell(self_referencing_list()))
case("self-referencing-list", "self_reference.pkl", stderr=["row 0", "nested"])
write("billion_laughs.pkl", with_label_cell(laughs(40, 30)))
case("billion-laughs-label", "billion_laughs.pkl", stderr=["row 0", "nested"])
write("billion_laughs_map.pkl", with_map_cell(laughs(40, 30)))
case("billion-laughs-map", "billion_laughs_map.pkl", stderr=["row 0", "list of 30", "not a 2-D array"])
write("deep_nested_map.pkl", with_map_cell(nested_lists(12500)))
case("deep-nested-map", "deep_nested_map.pkl", stderr=["row 0", "list of 1", "not a 2-D array"])
write("self_reference_dict_key.pkl", b"\x80\x02}" + self_referencing_list() + b"K\x01s.")
case("self-referencing-dict-key", "self_reference_dict_key.pkl", stderr=["unhashable"], commands=("info",))
shared = good_map(7)
many = frame_pickle(frame([shared] * 500_000, ["Center"] * 500_000, numbered=False))
assert len(many) > 10_000_000
write("memo_repeated.pkl.gz", gz(many))
case("memo-repeated-10mb", "memo_repeated.pkl.gz", stderr=["row 1", "same array object as row 0"])
case("memo-repeated-10mb-skip", "memo_repeated.pkl.gz", exit_code=0, stderr=["499999 invalid rows"],
     commands=("info",), extra=("--skip-invalid",), stdout=["count: 1"])
header = b"\x80\x04"
write("huge_bytes.pkl", header + b"\x8e" + struct.pack("<Q", 2 << 30) + bytes(5000) + b".")
case("huge-declared-bytes", "huge_bytes.pkl", stderr=["2147483648 bytes is declared"], commands=("info",))
write("huge_unicode.pkl", b"\x80\x03X" + struct.pack("<I", 0xFFFFFFF0) + b"x" * 5000 + b".")
case("huge-declared-str", "huge_unicode.pkl", stderr=["bytes is declared"], commands=("info",))
write("huge_bytearray.pkl", b"\x80\x05\x96" + struct.pack("<Q", 1 << 40) + bytes(5000) + b".")
case("huge-declared-bytearray", "huge_bytearray.pkl", stderr=["bytes is declared"], commands=("info",))
write("huge_frame.pkl", b"\x80\x04\x95" + struct.pack("<Q", 1 << 33) + b"N.")
case("huge-declared-frame", "huge_frame.pkl", stderr=["frame of", "bytes is declared"], commands=("info",))
write("huge_bytes.pkl.gz", gz(header + b"\x8e" + struct.pack("<Q", 60 << 20) + bytes(5000)))
case("huge-declared-bytes-gz", "huge_bytes.pkl.gz", stderr=["ends early"], commands=("info",))
write("huge_shape.pkl", with_map_cell(
    b"cnumpy.core.multiarray\n_reconstruct\n(cnumpy\nndarray\nK\x00\x85C\x01bt"
    b"R(K\x01M\x50\xc3M\x50\xc3\x86cnumpy\ndtype\n(X\x02\x00\x00\x00u1K\x00K\x01tR"
    b"(K\x03X\x01\x00\x00\x00|NNNJ\xff\xff\xff\xffJ\xff\xff\xff\xffK\x00tb\x89C\x0a" + bytes(10) + b"tb"))
case("huge-declared-shape", "huge_shape.pkl", stderr=["shape (50000, 50000)", "more than 2^31"],
     commands=("info",))
chunk = b"\x8e" + struct.pack("<Q", 1 << 20) + bytes(1 << 20) + b"0"
write("gz_bomb.pkl.gz", gz(header + chunk * 200 + b"N."))
case("gzip-bomb", "gz_bomb.pkl.gz", stderr=["decompression bomb"], commands=("info",))
write("xz_bomb.pkl.xz", xz(header + chunk * 200 + b"N."))
case("xz-bomb", "xz_bomb.pkl.xz", stderr=["decompression bomb"], commands=("info",))
write("mark_pop_mark.pkl.gz", gz(b"\x80\x02" + b"N" * 200_000 + b"(1" * 4_000_000 + b"."))
case("mark-pop-mark-pairs", "mark_pop_mark.pkl.gz", stderr=["None", "not a pandas DataFrame"], commands=("info",))
write("long_digits.pkl.gz", gz(b"L" + b"9" * 2_000_000 + b"L\n."))
case("long-decimal-int", "long_digits.pkl.gz", stderr=["digits"], commands=("info",))
write("stack_underflow.pkl", b"\x80\x02a.")
case("stack-underflow", "stack_underflow.pkl", stderr=["malformed pickle", "'a'"], commands=("info",))

# 8. Wafer map values and shapes.
write("text_named.pkl.gz", b"this is a text file, not gzip\n")
case("text-file-named-gz", "text_named.pkl.gz", stderr=["named .gz but not gzip-compressed"])
f8 = frame_pickle(frame([good_map(1, dtype=np.float64), good_map(2, dtype=np.float64)]))
write("float_exact.pkl", f8)
case("float-map-exact-values", "float_exact.pkl", exit_code=0, commands=("info",), stdout=["count: 2"])
case("float-map-exact-values", "float_exact.pkl", exit_code=0, commands=("export",), stdout=["wrote 2"])
case("float-map-exact-values", "float_exact.pkl", exit_code=0, commands=("classify",))
descr = b"X" + struct.pack("<I", 2) + b"f8"
assert descr in f8
write("dtype_without_size.pkl", f8.replace(descr, b"X" + struct.pack("<I", 1) + b"f"))
case("dtype-without-size", "dtype_without_size.pkl", stderr=["dtype 'f' has no item size"])
for name, value, shown in (("float_map_2_9.pkl", 2.9, "2.9"), ("float_map_1_5.pkl", 1.5, "1.5"),
                           ("float_map_nan.pkl", float("nan"), "NaN")):
    bad = good_map(3, dtype=np.float64)
    bad[5, 6] = value
    write(name, frame_pickle(frame([good_map(1, dtype=np.float64), bad])))
    case(name.replace(".pkl", "").replace("_", "-"), name,
         stderr=["row 1", "waferMap value " + shown + " at (5, 6) is not 0, 1 or 2"])
three = good_map(4)
three[2, 3] = 3
write("value_3.pkl", frame_pickle(frame([three])))
case("map-value-3", "value_3.pkl", stderr=["row 0", "value 3 at (2, 3)"])
negative = good_map(5, dtype=np.int8)
negative[1, 1] = -1
write("negative.pkl", frame_pickle(frame([good_map(6, dtype=np.int8), negative])))
case("map-value-negative", "negative.pkl", stderr=["row 1", "value -1 at (1, 1)"])
write("empty_map.pkl", frame_pickle(frame([good_map(1), np.zeros((0, 0), dtype=np.uint8)])))
case("empty-0x0-map", "empty_map.pkl", stderr=["row 1", "empty (0 x 0)"])
write("wide_map.pkl", frame_pickle(frame([np.ones((1, 5000), dtype=np.uint8)])))
case("absurd-shape-1x5000", "wide_map.pkl", stderr=["row 0", "1 x 5000", "at most 4096"])
write("one_d_map.pkl", frame_pickle(frame([np.ones(30, dtype=np.uint8)])))
case("one-dimensional-map", "one_d_map.pkl", stderr=["row 0", "shape (30,)"])

# --skip-invalid: rows 1 and 3 are bad, 0, 2 and 4 are read.
mixed = [good_map(10), np.zeros((0, 0), dtype=np.uint8), good_map(11), three, good_map(12)]
write("skip_mixed.pkl", frame_pickle(frame(mixed)))
case("mixed-rows-strict", "skip_mixed.pkl", stderr=["row 1", "empty"])
case("mixed-rows-skip", "skip_mixed.pkl", exit_code=0, extra=("--skip-invalid",),
     stderr=["2 invalid rows", "1, 3"], commands=("info", "export"))
case("mixed-rows-skip", "skip_mixed.pkl", exit_code=0, extra=("--skip-invalid",),
     stderr=["2 invalid rows", "1, 3"], commands=("classify",))
CASES.append({"name": "mixed-rows-skip-json", "args": ["wafer", "info", "{dir}/skip_mixed.pkl", "--skip-invalid",
              "--json"], "exit": 0, "stderr": ["2 invalid rows"],
              "stdout": ["\"invalid_rows\"", "\"count\" : 3", "\"rows\" : [ 1, 3 ]"], "setup": None})

with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(CASES, f, indent=1)
    f.write("\n")
