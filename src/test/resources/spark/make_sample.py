"""Writes lswmd_small.pkl: at most 4 maps of each class of datasets/wm811k/LSWMD_sample.pkl (first rows of each
class, file order kept), the Kaggle layout re-pickled by pandas 1.5 (numpy 1.x module paths). The Spark scoring
test classifies these on the desktop and on Spark, so a few maps keep it short.

Run once from the repository root: /usr/bin/python3 src/test/resources/spark/make_sample.py
"""
import pickle

import pandas as pd


class NumpyPaths(pickle.Unpickler):
    """Reads a pickle made with numpy 2.x (numpy._core) under numpy 1.x (numpy.core)."""

    def find_class(self, module, name):
        return super().find_class(module.replace("numpy._core", "numpy.core"), name)


with open("datasets/wm811k/LSWMD_sample.pkl", "rb") as f:
    df = NumpyPaths(f).load()
label = df["failureType"].map(lambda a: str(a[0][0]) if len(a) and len(a[0]) else "")
keep = df[label.groupby(label).cumcount() < 4]
keep.to_pickle("src/test/resources/spark/lswmd_small.pkl", protocol=4)
print(len(keep), "maps:", label[keep.index].value_counts().to_dict())
