"""Exit 0 when two HDF5 files hold the same datasets with bit-identical contents.

By default attributes are not compared: they carry the run's start time and command line,
which differ between a single-process and an MPI run by design. With --attributes every
attribute of every group and dataset is compared too, bit for bit, except the root attributes
named by --except (comma-separated; e.g. the run provenance a merge of shards cannot share with
a single run, docs/results-schema.md "Shards and merge").

Usage: same_datasets.py A.h5 B.h5 [--attributes [--except NAME,NAME...]]
"""
import argparse
import sys

import h5py
import numpy as np


def datasets(f):
    out = {}
    f.visititems(lambda name, obj: out.__setitem__(name, obj[()]) if isinstance(obj, h5py.Dataset) else None)
    return out


def attributes(f, skip_root):
    """{(object path, attribute name): value} of the root and every group and dataset."""
    out = {}

    def collect(name, obj):
        for key in obj.attrs:
            if name == "/" and key in skip_root:
                continue
            out[(name, key)] = obj.attrs[key]

    collect("/", f)
    f.visititems(collect)
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


def difference(kind, xa, xb):
    """What differs between two {name: value} maps of `kind` ("datasets", "attributes"), or None."""
    if sorted(xa) != sorted(xb):
        return f"different {kind}: {sorted(set(xa) ^ set(xb))[:10]}"
    differing = [name for name in xa if not same(xa[name], xb[name])]
    if differing:
        return f"{len(differing)} {kind} differ, e.g. {differing[:5]}"
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("--attributes", action="store_true")
    parser.add_argument("--except", dest="skip", default="")
    args = parser.parse_args()
    skip = {name for name in args.skip.split(",") if name}
    with h5py.File(args.a, "r") as fa, h5py.File(args.b, "r") as fb:
        da, db = datasets(fa), datasets(fb)
        problem = difference("datasets", da, db)
        if problem:
            print(problem)
            return 1
        message = f"{len(da)} datasets identical"
        if args.attributes:
            aa, ab = attributes(fa, skip), attributes(fb, skip)
            problem = difference("attributes", aa, ab)
            if problem:
                print(problem)
                return 1
            message += f", {len(aa)} attributes identical"
            if skip:
                message += f" (not compared: /{', /'.join(sorted(skip))})"
        print(message)
        return 0

if __name__ == "__main__":
    sys.exit(main())
