#!/usr/bin/python3
"""Makes wm811k_subset.pkl: a class-stratified subset of real WM-811K maps for tests and demos.

Run from the repository root with Debian's pandas 1.5 / numpy 1.24:
    /usr/bin/python3 datasets/wm811k/make_subset.py PATH/TO/wm811k_dev.pkl
The source is the 13,070-map development file described in this folder's README. The rows keep their
order and layout (Kaggle LSWMD columns, labels as (1,1) arrays, pickle protocol 5); the index is reset.
Also adds the pandas facts of the subset to src/test/resources/wafer/golden.json.
"""
import json
import os
import sys

import numpy as np
import pandas as pd

PER_CLASS = {'none': 800, 'Edge-Ring': 300, 'Edge-Loc': 250, 'Center': 250, 'Loc': 250,
             'Scratch': 150, 'Random': 120, 'Donut': 116, 'Near-full': 28}
SEED = 20261130
HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, '..', '..', 'src', 'test', 'resources', 'wafer', 'golden.json')
sys.path.insert(0, os.path.join(HERE, '..', '..', 'src', 'test', 'resources', 'wafer'))


def label(cell):
    if isinstance(cell, np.ndarray):
        return str(cell.flat[0]) if cell.size else None
    return None if cell is None else str(cell)


def main(source):
    dev = pd.read_pickle(source)
    labels = np.array([label(c) for c in dev.failureType], dtype=object)
    rng = np.random.default_rng(SEED)
    keep = []
    for name, n in PER_CLASS.items():
        rows = np.flatnonzero(labels == name)
        keep.extend(rng.choice(rows, size=min(n, len(rows)), replace=False).tolist())
    subset = dev.iloc[sorted(keep)].reset_index(drop=True)
    target = os.path.join(HERE, 'wm811k_subset.pkl')
    subset.to_pickle(target, protocol=5)
    from make_fixtures import file_facts  # the same facts as for every other fixture
    with open(GOLDEN) as f:
        golden = json.load(f)
    golden['wm811k_subset.pkl'] = file_facts(subset, 'trianTestLabel', [0, 1, 1000, len(subset) - 1])
    with open(GOLDEN, 'w') as f:
        json.dump(golden, f, indent=1, sort_keys=True)
    print(len(subset), 'maps written to', target)


if __name__ == '__main__':
    main(sys.argv[1])
