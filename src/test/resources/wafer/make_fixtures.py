#!/usr/bin/python3
"""Makes the wafer-reader test fixtures and golden numbers with Debian's pandas 1.5 / numpy 1.24.

Run from the repository root:  /usr/bin/python3 src/test/resources/wafer/make_fixtures.py
Reads the shared WM-811K samples in ../shared/data/wm811k (see SOURCES.md there for the data
licence) and writes, next to this script:
  lswmd_protocol2.pkl, lswmd_protocol4.pkl      Kaggle LSWMD layout, 4 real maps (C-order uint8,
                                                Fortran-order uint8, int64, and an unlabelled one)
  lswmd_protocol5.pkl.gz, lswmd_protocol5.pkl.xz the same frame, compressed by pandas
  mir_wm811k.pkl                                MIR WM811K layout: alphabetical columns, trainTestLabel,
                                                plain string labels, 0 for unlabelled (protocol 2)
  mir_categorical.pkl                           MIR layout with categorical label columns (protocol 5)
  legacy_pandas018_py2.pkl, legacy_pandas013_py2.pkl
                                                the same 4 maps written as Python 2 with pandas 0.18
                                                (pandas.indexes.*, BlockManager state with "0.14.1")
                                                or pre-0.14.1 pandas (block items only) would write
                                                them: str data, latin-1 lot name "lot\xe9"
  out_of_band.pkl, out_of_band.buffers          the Kaggle frame pickled with protocol 5 and a
                                                buffer_callback; the buffers file holds each buffer
                                                as an 8-byte little-endian length and its bytes
  extra_columns.pkl                             the Kaggle frame plus datetime, float32, complex and
                                                string columns a fab export might add
  bad_die_value.pkl                             the Kaggle frame with a die value 3 in map 2
  truncated.pkl                                 the first half of lswmd_protocol4.pkl
  not_a_frame.pkl                               a pickled dict
  malicious_*.pkl                               pickles that would create /tmp/defectlens-pickle-ran-*
  golden.json                                   facts pandas reads from all of the above and the shared files
"""
import json
import math
import os
import pickle
import subprocess

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, '..', '..', '..', '..', '..', 'shared', 'data', 'wm811k')
MARKER = '/tmp/defectlens-pickle-ran-'


def out(name):
    return os.path.join(HERE, name)


def label_text(cell):
    if isinstance(cell, np.ndarray):
        return str(cell.flat[0]) if cell.size else None
    if cell is None or (isinstance(cell, float) and math.isnan(cell)) or cell == 0:
        return None
    return str(cell)


def num(x):
    x = float(x)
    return None if math.isnan(x) else x


def map_facts(df, rows, split_col):
    facts = []
    for i in rows:
        r = df.iloc[i]
        m = np.asarray(r.waferMap)
        facts.append({'row': int(i), 'rows': int(m.shape[0]), 'cols': int(m.shape[1]),
                      'sum': int(m.astype(np.int64).sum()), 'fail': int((m == 2).sum()),
                      'pass': int((m == 1).sum()), 'first_row': ''.join(str(int(v)) for v in m[0]),
                      'label': label_text(r.failureType), 'split': label_text(r[split_col]),
                      'dieSize': num(r.dieSize), 'lotName': label_text(r.lotName),
                      'waferIndex': num(r.waferIndex)})
    return facts


def file_facts(df, split_col, rows):
    labels = [label_text(c) for c in df.failureType]
    classes = pd.Series([l for l in labels if l is not None]).value_counts()
    splits = pd.Series([label_text(c) for c in df[split_col]]).value_counts(dropna=True)
    shapes = {np.asarray(m).shape for m in df.waferMap}
    return {'maps': len(df), 'labelled': sum(l is not None for l in labels),
            'classes': {k: int(v) for k, v in classes.items()},
            'splits': {k: int(v) for k, v in splits.items()},
            'distinct_shapes': len(shapes), 'samples': map_facts(df, rows, split_col)}


class Evil:
    """Pickles as a call of func(*args); unpickling it in Python would run the call."""

    def __init__(self, func, *args):
        self.func, self.args = func, args

    def __reduce__(self):
        return self.func, self.args


class Py2Global:
    """A module.name that the legacy pickler writes with the GLOBAL opcode, as Python 2 did."""

    def __init__(self, module, name):
        self.module, self.name = module, name


class Py2Obj:
    """A call func(*args) (or cls.__new__ with NEWOBJ) followed by BUILD(state) when state is given."""

    def __init__(self, func, args, state=None, newobj=False):
        self.func, self.args, self.state, self.newobj = func, args, state, newobj


class LegacyPickler(pickle._Pickler):
    """Protocol 2 as Python 2 wrote it: bytes become str opcodes (latin-1 text), globals use GLOBAL."""

    dispatch = dict(pickle._Pickler.dispatch)

    def save_py2_str(self, obj):
        if len(obj) < 256:
            self.write(pickle.SHORT_BINSTRING + bytes([len(obj)]) + obj)
        else:
            self.write(pickle.BINSTRING + len(obj).to_bytes(4, 'little') + obj)
        self.memoize(obj)

    def save_global_py2(self, obj):
        self.write(pickle.GLOBAL + obj.module.encode() + b'\n' + obj.name.encode() + b'\n')
        self.memoize(obj)

    def save_obj(self, obj):
        self.save(obj.func)
        self.save(obj.args)
        self.write(pickle.NEWOBJ if obj.newobj else pickle.REDUCE)
        self.memoize(obj)
        if obj.state is not None:
            self.save(obj.state)
            self.write(pickle.BUILD)

    dispatch[bytes] = save_py2_str
    dispatch[Py2Global] = save_global_py2
    dispatch[Py2Obj] = save_obj


def py2_dtype(dt):
    endian = b'|' if dt.itemsize == 1 or dt.kind in 'OS' else b'<'
    elsize = dt.itemsize if dt.kind in 'USV' else -1
    flags = 63 if dt.kind == 'O' else 0
    return Py2Obj(Py2Global('numpy', 'dtype'), (dt.str[1:].encode(), 0, 1),
                  (3, endian, None, None, None, elsize, -1 if dt.kind != 'O' else -1, flags))


def py2_value(v):
    if isinstance(v, np.ndarray):
        return py2_array(v)
    if isinstance(v, str):
        return v.encode('latin-1')
    return v


def py2_array(a):
    fortran = a.ndim > 1 and a.flags.f_contiguous and not a.flags.c_contiguous
    if a.dtype == object:
        data = [py2_value(v) for v in a.ravel(order='C')]
        fortran = False
    else:
        data = a.tobytes(order='F' if fortran else 'C')
    return Py2Obj(Py2Global('numpy.core.multiarray', '_reconstruct'),
                  (Py2Global('numpy', 'ndarray'), (0,), b'b'),
                  (1, a.shape, py2_dtype(a.dtype), fortran, data))


def py2_index(names):
    data = np.empty(len(names), dtype=object)
    data[:] = names
    return Py2Obj(Py2Global('pandas.indexes.base', '_new_Index'),
                  (Py2Global('pandas.indexes.base', 'Index'), {b'data': py2_array(data), b'name': None}))


def legacy_frame(df, extra_state):
    """df as pandas 0.18 (extra_state) or pandas < 0.14.1 (block items only) pickled it in Python 2."""
    n = len(df)
    cols = list(df.columns)
    rows = Py2Obj(Py2Global('pandas.indexes.base', '_new_Index'),
                  (Py2Global('pandas.indexes.range', 'RangeIndex'),
                   {b'start': 0, b'stop': n, b'step': 1, b'name': None}))
    items = py2_index(cols)
    float_cols = [c for c in cols if df[c].dtype == np.float64]
    object_cols = [c for c in cols if df[c].dtype == object]
    blocks = []
    for names in (float_cols, object_cols):
        values = np.empty((len(names), n), dtype=df[names[0]].dtype)
        for j, c in enumerate(names):
            values[j, :] = list(df[c].values) if values.dtype == object else df[c].values
        locs = [cols.index(c) for c in names]
        blocks.append((values, names, locs))
    axes = [items, rows]
    block_values = [py2_array(v) for v, _, _ in blocks]
    block_items = [py2_index(names) for _, names, _ in blocks]
    extra = {}
    if extra_state:
        placements = [Py2Obj(Py2Global('__builtin__', 'slice'), (locs[0], locs[-1] + 1, 1))
                      if locs == list(range(locs[0], locs[-1] + 1)) else py2_array(np.array(locs, dtype=np.int64))
                      for _, _, locs in blocks]
        extra = {b'0.14.1': {b'axes': axes, b'blocks': [{b'values': v, b'mgr_locs': p}
                                                        for v, p in zip(block_values, placements)]}}
    mgr = Py2Obj(Py2Global('pandas.core.internals', 'BlockManager'), (),
                 (axes, block_values, block_items, extra), newobj=True)
    return Py2Obj(Py2Global('pandas.core.frame', 'DataFrame'), (),
                  {b'_data': mgr, b'_typ': b'dataframe', b'_metadata': []}, newobj=True)


def main():
    golden = {}
    extra = pd.read_pickle(os.path.join(SHARED, 'LSWMD_sample_extra_column.pkl'))
    golden['LSWMD_sample_extra_column.pkl'] = file_facts(extra, 'trianTestLabel', [0, 1, 57, 199])
    dev = pd.read_pickle(os.path.join(SHARED, 'wm811k_dev.pkl'))
    golden['wm811k_dev.pkl'] = file_facts(dev, 'trianTestLabel', [0, 1, 5000, 13069])

    src = extra.iloc[:4]
    maps = [np.ascontiguousarray(src.iloc[0].waferMap),
            np.asfortranarray(src.iloc[1].waferMap),
            np.ascontiguousarray(src.iloc[2].waferMap).astype(np.int64),
            np.ascontiguousarray(src.iloc[3].waferMap)]
    lswmd = pd.DataFrame({
        'waferMap': maps,
        'dieSize': src.dieSize.values,
        'lotName': list(src.lotName.values),
        'waferIndex': src.waferIndex.values,
        'trianTestLabel': [src.iloc[0].trianTestLabel, src.iloc[1].trianTestLabel,
                           src.iloc[2].trianTestLabel, np.array([], dtype=float).reshape(0, 0)],
        'failureType': [src.iloc[0].failureType, src.iloc[1].failureType,
                        src.iloc[2].failureType, np.array([], dtype=float).reshape(0, 0)],
    })
    for protocol in (2, 4):
        lswmd.to_pickle(out('lswmd_protocol%d.pkl' % protocol), protocol=protocol, compression=None)
    lswmd.to_pickle(out('lswmd_protocol5.pkl.gz'), protocol=5, compression={'method': 'gzip', 'mtime': 0})
    lswmd.to_pickle(out('lswmd_protocol5.pkl.xz'), protocol=5, compression='xz')
    golden['lswmd_protocol4.pkl'] = file_facts(lswmd, 'trianTestLabel', [0, 1, 2, 3])

    mir = pd.DataFrame({
        'dieSize': src.dieSize.values,
        'failureType': [label_text(src.iloc[0].failureType), label_text(src.iloc[1].failureType),
                        label_text(src.iloc[2].failureType), 0],
        'lotName': list(src.lotName.values),
        'trainTestLabel': [label_text(src.iloc[0].trianTestLabel), label_text(src.iloc[1].trianTestLabel),
                           label_text(src.iloc[2].trianTestLabel), 0],
        'waferIndex': src.waferIndex.values,
        'waferMap': [np.ascontiguousarray(m) for m in src.waferMap],
    })
    mir.to_pickle(out('mir_wm811k.pkl'), protocol=2, compression=None)
    golden['mir_wm811k.pkl'] = file_facts(mir, 'trainTestLabel', [0, 1, 2, 3])
    cat = mir.copy()
    cat['failureType'] = pd.Categorical([label_text(v) for v in mir.failureType])
    cat['trainTestLabel'] = pd.Categorical([label_text(v) for v in mir.trainTestLabel])
    cat.to_pickle(out('mir_categorical.pkl'), protocol=5, compression=None)

    legacy = lswmd.copy()
    legacy['lotName'] = ['lot\xe9'] + list(lswmd.lotName[1:])
    for name, extra_state in (('legacy_pandas018_py2.pkl', True), ('legacy_pandas013_py2.pkl', False)):
        with open(out(name), 'wb') as f:
            LegacyPickler(f, protocol=2).dump(legacy_frame(legacy, extra_state))

    extra_cols = lswmd.copy()
    extra_cols['inspected'] = pd.to_datetime(['2015-01-0%d 12:00' % (i + 1) for i in range(4)])
    extra_cols['yield'] = np.array([0.9, 0.8, 0.7, 0.6], dtype=np.float32)
    extra_cols['impedance'] = np.array([1 + 2j, 3j, 1, 0], dtype=np.complex128)
    extra_cols['operator'] = ['ann', 'bob', 'cy', 'di']
    extra_cols.to_pickle(out('extra_columns.pkl'), protocol=5, compression=None)

    bad = lswmd.copy()
    broken = np.array(bad.waferMap[2], copy=True)
    broken[0, 0] = 3
    bad['waferMap'] = list(bad.waferMap[:2]) + [broken] + list(bad.waferMap[3:])
    bad.to_pickle(out('bad_die_value.pkl'), protocol=4, compression=None)

    buffers = []
    open(out('out_of_band.pkl'), 'wb').write(pickle.dumps(lswmd, protocol=5, buffer_callback=buffers.append))
    with open(out('out_of_band.buffers'), 'wb') as f:
        for b in buffers:
            raw = b.raw().tobytes()
            f.write(len(raw).to_bytes(8, 'little') + raw)

    data = open(out('lswmd_protocol4.pkl'), 'rb').read()
    open(out('truncated.pkl'), 'wb').write(data[:len(data) // 2])
    pickle.dump({'waferMap': [1, 2, 3]}, open(out('not_a_frame.pkl'), 'wb'), protocol=4)

    # os.system named with the protocol-0 GLOBAL opcode, written by hand as a Python 2 pickle would be.
    cmd = 'touch %sos-system' % MARKER
    open(out('malicious_os_system.pkl'), 'wb').write(b"cos\nsystem\n(S'%s'\ntR." % cmd.encode())
    # posix.system through STACK_GLOBAL (protocol 4), as pickle.dumps of os.system writes it on Linux.
    pickle.dump(Evil(os.system, 'touch %sposix-system' % MARKER),
                open(out('malicious_posix_system.pkl'), 'wb'), protocol=4)
    pickle.dump(Evil(subprocess.Popen, ['touch', MARKER + 'popen']),
                open(out('malicious_popen.pkl'), 'wb'), protocol=3)
    # a real-looking frame whose last wafer map is a call of builtins.eval: the foreign global comes
    # after many allowed ones, in the middle of the stream.
    evil = lswmd.copy()
    evil['waferMap'] = list(evil.waferMap[:3]) + [
        Evil(eval, "__import__('os').system('touch %seval')" % MARKER)]
    evil.to_pickle(out('malicious_eval_in_frame.pkl'), protocol=5, compression=None)

    with open(out('golden.json'), 'w') as f:
        json.dump(golden, f, indent=1, sort_keys=True)
        f.write('\n')


if __name__ == '__main__':
    main()
