"""Exit 0 when two HDF5 files hold the same datasets with bit-identical contents.

Attributes are not compared: they carry the run's start time and command line, which differ
between a single-process and an MPI run by design. Usage: same_datasets.py A.h5 B.h5
"""
import sys

import h5py
import numpy as np


def datasets(f):
    out = {}
    f.visititems(lambda name, obj: out.__setitem__(name, obj[()]) if isinstance(obj, h5py.Dataset) else None)
    return out


def same(a, b):
    a, b = np.asarray(a), np.asarray(b)
    if a.dtype != b.dtype or a.shape != b.shape:
        return False
    if a.dtype.kind == "f":
        return a.tobytes() == b.tobytes()  # bit for bit (NaN payloads included)
    if a.dtype.names:  # a table: field by field, so that a NaN cell equals itself
        return all(same(a[name], b[name]) for name in a.dtype.names)
    return np.array_equal(a, b)


def main():
    with h5py.File(sys.argv[1], "r") as fa, h5py.File(sys.argv[2], "r") as fb:
        da, db = datasets(fa), datasets(fb)
        if sorted(da) != sorted(db):
            print(f"different datasets: {sorted(set(da) ^ set(db))[:10]}")
            return 1
        differing = [name for name in da if not same(da[name], db[name])]
        if differing:
            print(f"{len(differing)} datasets differ, e.g. {differing[:5]}")
            return 1
        print(f"{len(da)} datasets identical")
        return 0


if __name__ == "__main__":
    sys.exit(main())
