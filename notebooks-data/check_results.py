#!/usr/bin/python3
"""Checks a werkstroom results file against its contract, docs/results-schema.md.

Usage: /usr/bin/python3 notebooks-data/check_results.py FILE.h5 [--csv DIR] [--schema DOC]

Opens the HDF5 file with h5py (and its tables with pandas), checks every promise of the schema
page -- attributes and their types, the months, every series of every scenario with its shape,
unit and description, the key figures, the summary and paired-difference tables recomputed
from the per-replication values -- and with --csv the CSV tables against the HDF5 file. The
names, units and descriptions are read from the schema page's tables. Prints "OK ..." and exits
0, or prints every failure and exits 1 (2 for a file that cannot be read at all).
"""

import argparse
import math
import re
import sys
from pathlib import Path

import h5py
import numpy as np
import pandas as pd

FORMAT = "werkstroom-results"
FORMAT_VERSION = 1
SCENARIO_MEMBERS = {"months", "monthly", "with_service", "without_service",
                    "arrived_by_month_end", "kpis", "summary"}
TABLE_FIELDS = ["kpi", "unit", "mean", "sd", "lower95", "upper95", "replications"]
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
DEFAULT_SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "results-schema.md"

try:  # the 95% Student-t quantile, to recompute the intervals
    from scipy.stats import t as student_t
except ImportError:  # pragma: no cover - scipy is a Debian package next to h5py
    student_t = None


class Checker:
    def __init__(self):
        self.failures = []
        self.checked = 0

    def expect(self, condition, message):
        self.checked += 1
        if not condition:
            self.failures.append(message)
        return bool(condition)


def read_schema_tables(doc):
    """The name tables of the schema page: {marker: [(name, unit, description), ...]}."""
    tables = {}
    current = None
    for line in Path(doc).read_text(encoding="utf-8").splitlines():
        marker = re.match(r"<!-- table: (\w+) -->", line)
        if marker:
            current = tables.setdefault(marker.group(1), [])
            continue
        if current is None:
            continue
        row = re.match(r"^\| `([^`]+)` \| ([^|]*) \| (.*) \|$", line)
        if row:
            current.append((row.group(1), row.group(2).strip(), row.group(3).strip()))
        elif not line.startswith("|"):
            current = None
    for needed in ("monthly", "world", "scenario_series", "key_figures", "diagnostic_kpis",
                   "route_kpis", "party_kpis"):
        if not tables.get(needed):
            raise SystemExit(f"check_results: {doc} has no table '{needed}'")
    return tables


def is_utf8_vlen(dtype):
    info = h5py.check_string_dtype(dtype)
    return info is not None and info.encoding == "utf-8" and info.length is None


def text_attribute(c, obj, name, where):
    if not c.expect(name in obj.attrs, f"{where}: attribute '{name}' missing"):
        return None
    dtype = obj.attrs.get_id(name).dtype
    c.expect(is_utf8_vlen(dtype), f"{where}: attribute '{name}' is not a UTF-8 string")
    value = obj.attrs[name]
    c.expect(isinstance(value, str), f"{where}: attribute '{name}' is not a scalar string")
    return value if isinstance(value, str) else None


def text_list_attribute(c, obj, name, where):
    if not c.expect(name in obj.attrs, f"{where}: attribute '{name}' missing"):
        return []
    dtype = obj.attrs.get_id(name).dtype
    c.expect(is_utf8_vlen(dtype), f"{where}: attribute '{name}' is not a UTF-8 string list")
    value = obj.attrs[name]
    c.expect(getattr(value, "ndim", 0) == 1, f"{where}: attribute '{name}' is not a list")
    return [v.decode("utf-8") if isinstance(v, bytes) else str(v) for v in np.atleast_1d(value)]


def int_attribute(c, obj, name, where, dtype="<i8"):
    if not c.expect(name in obj.attrs, f"{where}: attribute '{name}' missing"):
        return None
    found = obj.attrs.get_id(name).dtype
    c.expect(found == np.dtype(dtype), f"{where}: attribute '{name}' is {found}, not {dtype}")
    return int(obj.attrs[name])


def text_dataset(c, group, name, where):
    if not c.expect(name in group and isinstance(group[name], h5py.Dataset),
                    f"{where}: dataset '{name}' missing"):
        return []
    ds = group[name]
    c.expect(is_utf8_vlen(ds.dtype), f"{where}/{name}: not UTF-8 strings")
    c.expect(ds.ndim == 1, f"{where}/{name}: not one-dimensional")
    return list(ds.asstr()[()])


def check_months(c, months, where):
    c.expect(len(months) > 0, f"{where}: no months")
    for m in months:
        if not c.expect(MONTH.match(m), f"{where}: month label '{m}' is not YYYY-MM"):
            return
    index = [int(m[:4]) * 12 + int(m[5:]) for m in months]
    c.expect(all(b - a == 1 for a, b in zip(index, index[1:])),
             f"{where}: months are not consecutive")


def described(c, ds, where, unit=None, description=None):
    found_unit = text_attribute(c, ds, "unit", where)
    found_description = text_attribute(c, ds, "description", where)
    c.expect(bool(found_description), f"{where}: empty description")
    if unit is not None:
        c.expect(found_unit == unit, f"{where}: unit '{found_unit}', schema says '{unit}'")
    if description is not None:
        c.expect(found_description == description,
                 f"{where}: description '{found_description}', schema says '{description}'")


def number_dataset(c, group, name, where, shape):
    path = f"{where}/{name}"
    if not c.expect(name in group and isinstance(group[name], h5py.Dataset),
                    f"{path}: dataset missing"):
        return None
    ds = group[name]
    c.expect(ds.dtype == np.dtype("<f8"), f"{path}: type {ds.dtype}, not float64")
    c.expect(ds.shape == shape, f"{path}: shape {ds.shape}, expected {shape}")
    return ds


def statistics_table(c, group, name, where):
    path = f"{where}/{name}"
    if not c.expect(name in group and isinstance(group[name], h5py.Dataset),
                    f"{path}: dataset missing"):
        return None
    ds = group[name]
    fields = list(ds.dtype.names or [])
    if not c.expect(fields == TABLE_FIELDS, f"{path}: fields {fields}, expected {TABLE_FIELDS}"):
        return None
    c.expect(ds.ndim == 1, f"{path}: not one-dimensional")
    for text in ("kpi", "unit"):
        c.expect(is_utf8_vlen(ds.dtype[text]), f"{path}: field {text} is not a UTF-8 string")
    for number in ("mean", "sd", "lower95", "upper95"):
        c.expect(ds.dtype[number] == np.dtype("<f8"), f"{path}: field {number} is not float64")
    c.expect(ds.dtype["replications"] == np.dtype("<i8"), f"{path}: replications is not int64")
    described(c, ds, path, unit="")
    table = pd.DataFrame(ds[()])
    for text in ("kpi", "unit"):
        table[text] = table[text].map(lambda v: v.decode("utf-8") if isinstance(v, bytes) else v)
    return table


def expected_statistics(values):
    """mean, sd, lower95, upper95 as kernel::summarise computes them."""
    values = np.asarray(values, dtype=float)
    n = len(values)
    mean = float(np.mean(values))
    sd = float(np.std(values, ddof=1)) if n > 1 else 0.0
    half = None
    if n < 2:
        half = 0.0
    elif student_t is not None:
        half = float(student_t.ppf(0.975, n - 1)) * sd / math.sqrt(n)
    return mean, sd, half


def check_statistics_row(c, row, values, path):
    # NaN marks a replication where the figure does not exist (a budget that never ran out has
    # no month it ran out in): the row summarises the others, and with none its numbers are NaN.
    values = np.asarray(values, dtype=float)
    values = values[~np.isnan(values)]
    name = f"{path} row {row['kpi']}"
    if len(values) == 0:
        c.expect(int(row["replications"]) == 0 and math.isnan(row["mean"]),
                 f"{name}: no replication has it, so replications 0 and mean NaN expected")
        return
    mean, sd, half = expected_statistics(values)
    close = lambda a, b: math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9 * (1 + abs(mean)))
    c.expect(close(row["mean"], mean), f"{name}: mean {row['mean']}, recomputed {mean}")
    c.expect(close(row["sd"], sd), f"{name}: sd {row['sd']}, recomputed {sd}")
    c.expect(int(row["replications"]) == len(values),
             f"{name}: replications {row['replications']}, expected {len(values)}")
    c.expect(row["lower95"] <= row["mean"] <= row["upper95"], f"{name}: mean outside interval")
    c.expect(close(row["mean"] - row["lower95"], row["upper95"] - row["mean"]),
             f"{name}: interval not symmetric")
    if half is not None:
        c.expect(math.isclose(row["upper95"] - row["mean"], half, rel_tol=1e-6, abs_tol=1e-9),
                 f"{name}: half width {row['upper95'] - row['mean']}, recomputed {half}")


def kpi_order(keys, key_figures):
    first = [k for k in key_figures if k in keys]
    return first + sorted(k for k in keys if k not in set(key_figures))


def check_hdf5(c, f, schema):
    monthly = {name: (unit, desc) for name, unit, desc in schema["monthly"]}
    world = {name: (unit, desc) for name, unit, desc in schema["world"]}
    running = world.pop("running_<state>")
    states = re.findall(r"`([a-z_]+)`", running[1].split(":", 1)[1])
    for state in states:
        world[f"running_{state}"] = (running[0], f"people in state {state} at the month end")
    scenario_series = {name: (unit, desc) for name, unit, desc in schema["scenario_series"]}
    key_figures = [name for name, _, _ in schema["key_figures"]]
    kpi_units = {name: unit for name, unit, _ in schema["key_figures"] + schema["diagnostic_kpis"]}
    # route.<route>.<figure>: one schema row per figure for every route.
    route_units = {name.rsplit(".", 1)[1]: unit for name, unit, _ in schema.get("route_kpis", [])}
    # party.<party>.<figure>: one schema row per figure for every party.
    party_units = {name.rsplit(".", 1)[1]: unit for name, unit, _ in schema.get("party_kpis", [])}

    class KpiUnits(dict):
        def get(self, key, default=""):
            if key.startswith("route.") and key.rsplit(".", 1)[1] in route_units:
                return route_units[key.rsplit(".", 1)[1]]
            if key.startswith("party.") and key.rsplit(".", 1)[1] in party_units:
                return party_units[key.rsplit(".", 1)[1]]
            return dict.get(self, key, default)

    kpi_units = KpiUnits(kpi_units)

    # Root.
    c.expect(text_attribute(c, f, "format", "/") == FORMAT, f"/: format is not '{FORMAT}'")
    c.expect(int_attribute(c, f, "format_version", "/") == FORMAT_VERSION,
             f"/: format_version is not {FORMAT_VERSION}")
    c.expect(bool(text_attribute(c, f, "version", "/")), "/: empty version")
    c.expect(text_attribute(c, f, "revision", "/") is not None, "/: no revision")
    int_attribute(c, f, "master_seed", "/", dtype="<u8")
    asked = int_attribute(c, f, "replications", "/")
    int_attribute(c, f, "threads", "/")
    started = text_attribute(c, f, "started_at", "/") or ""
    c.expect(UTC.match(started), f"/: started_at '{started}' is not YYYY-MM-DDThh:mm:ssZ")
    text_attribute(c, f, "command_line", "/")
    names = text_list_attribute(c, f, "scenarios", "/")
    c.expect(len(names) > 0 and len(set(names)) == len(names), "/: scenarios empty or not unique")
    for name in names:
        c.expect("/" not in name and name.strip(".") != "", f"/: bad scenario name '{name}'")
    c.expect(text_list_attribute(c, f, "key_figures", "/") == key_figures,
             "/: key_figures differ from the schema's table")
    root_months = text_dataset(c, f, "months", "/")
    check_months(c, root_months, "/months")
    if "months" in f:
        described(c, f["months"], "/months", unit="month")
    for member in ("scenarios", "differences"):
        if not c.expect(member in f and isinstance(f[member], h5py.Group), f"/{member} missing"):
            return {}
    c.expect(sorted(f["scenarios"].keys()) == sorted(names),
             "/scenarios: groups differ from the attribute 'scenarios'")

    kpis_by_scenario = {}
    replications = None
    for index, name in enumerate(names):
        where = f"/scenarios/{name}"
        if not c.expect(name in f["scenarios"], f"{where}: group missing"):
            continue
        g = f["scenarios"][name]
        text_attribute(c, g, "name", where)
        text_attribute(c, g, "file", where)
        c.expect(bool(text_attribute(c, g, "scenario_text", where)), f"{where}: empty scenario_text")
        c.expect(int_attribute(c, g, "index", where) == index, f"{where}: index is not {index}")
        missing = SCENARIO_MEMBERS - set(g.keys())
        if not c.expect(not missing, f"{where}: members missing: {sorted(missing)}"):
            continue
        months = text_dataset(c, g, "months", where)
        check_months(c, months, f"{where}/months")
        described(c, g["months"], f"{where}/months", unit="month")
        if index == 0:
            c.expect(months == root_months, f"{where}/months differ from /months")
        reps = g["arrived_by_month_end"].shape[0] if g["arrived_by_month_end"].ndim else 0
        if replications is None:
            replications = reps
            if asked is not None:
                c.expect(reps == max(asked, 1),
                         f"{where}: {reps} replications, root attribute says {asked}")
        c.expect(reps == replications, f"{where}: {reps} replications, first scenario has "
                                       f"{replications}")
        shape = (reps, len(months))

        for group_name, table in (("monthly", monthly), ("with_service", world),
                                  ("without_service", world)):
            group = g[group_name]
            c.expect(set(group.keys()) == set(table),
                     f"{where}/{group_name}: members differ from the schema: "
                     f"{sorted(set(group.keys()) ^ set(table))}")
            for series, (unit, desc) in table.items():
                ds = number_dataset(c, group, series, f"{where}/{group_name}", shape)
                if ds is not None:
                    described(c, ds, f"{where}/{group_name}/{series}", unit, desc)
        for series, (unit, desc) in scenario_series.items():
            ds = number_dataset(c, g, series, where, shape)
            if ds is not None:
                described(c, ds, f"{where}/{series}", unit, desc)

        kpis = {}
        for key, ds in g["kpis"].items():
            path = f"{where}/kpis/{key}"
            if number_dataset(c, g["kpis"], key, f"{where}/kpis", (reps,)) is None:
                continue
            described(c, ds, path, kpi_units.get(key, ""))
            kpis[key] = ds[()]
        for key in key_figures:
            c.expect(key in kpis, f"{where}/kpis: key figure {key} missing")
        kpis_by_scenario[name] = kpis

        summary = statistics_table(c, g, "summary", where)
        if summary is not None:
            c.expect(list(summary["kpi"]) == kpi_order(set(kpis), key_figures),
                     f"{where}/summary: rows are not the key figures in schema order")
            for _, row in summary.iterrows():
                if row["kpi"] in kpis:
                    c.expect(row["unit"] == kpi_units.get(row["kpi"], ""),
                             f"{where}/summary row {row['kpi']}: unit '{row['unit']}'")
                    check_statistics_row(c, row, kpis[row["kpi"]], f"{where}/summary")

    differences = f["differences"]
    c.expect(sorted(differences.keys()) == sorted(names[1:]),
             "/differences: members are not the scenarios after the first")
    for name in names[1:]:
        where = f"/differences/{name}"
        if name not in differences or names[0] not in kpis_by_scenario:
            continue
        c.expect(text_attribute(c, differences[name], "versus", where) == names[0],
                 f"{where}: versus is not '{names[0]}'")
        table = statistics_table(c, differences, name, "/differences")
        if table is None:
            continue
        base, this = kpis_by_scenario[names[0]], kpis_by_scenario.get(name, {})
        both = {k for k in this if k in base}
        c.expect(list(table["kpi"]) == kpi_order(both, key_figures),
                 f"{where}: rows are not the shared key figures in schema order")
        for _, row in table.iterrows():
            if row["kpi"] in both:
                check_statistics_row(c, row, this[row["kpi"]] - base[row["kpi"]], where)

    # Every dataset anywhere has a unit and a description.
    def visit(path, obj):
        if isinstance(obj, h5py.Dataset):
            c.expect("unit" in obj.attrs and "description" in obj.attrs,
                     f"/{path}: attribute unit or description missing")
    f.visititems(visit)
    return {"scenarios": names, "replications": replications or 0,
            "months": len(root_months), "kpis": kpis_by_scenario}


def check_csv(c, f, directory, found):
    directory = Path(directory)
    names = found["scenarios"]
    reps = found["replications"]
    headers = {
        "monthly.csv": "scenario,replication,month,indicator,value",
        "kpis.csv": "scenario,replication,kpi,value",
        "summary.csv": "scenario,kpi,mean,sd,lower95,upper95,replications",
        "differences.csv": "scenario,versus,kpi,mean,sd,lower95,upper95",
        "metadata.csv": "key,value",
    }
    tables = {}
    for file, header in headers.items():
        path = directory / file
        if not c.expect(path.is_file(), f"{path}: missing"):
            continue
        with open(path, encoding="utf-8") as stream:
            c.expect(stream.readline().rstrip("\n") == header, f"{path}: header is not '{header}'")
        tables[file] = pd.read_csv(path, float_precision="round_trip", keep_default_na=False,
                                   na_values=["nan", ""], dtype={"scenario": str, "versus": str})
    c.expect(not list(directory.glob("*.tmp")), f"{directory}: temporary files left")
    if len(tables) != len(headers):
        return

    kpi_count = {n: len(found["kpis"][n]) for n in names}
    series = sum(len(f["scenarios"][names[0]][g]) for g in
                 ("monthly", "with_service", "without_service")) + 1
    c.expect(len(tables["monthly.csv"]) == len(names) * reps * found["months"] * series,
             "monthly.csv: wrong number of rows")
    c.expect(len(tables["kpis.csv"]) == reps * sum(kpi_count.values()),
             "kpis.csv: wrong number of rows")
    c.expect(len(tables["summary.csv"]) == sum(kpi_count.values()),
             "summary.csv: wrong number of rows")

    kpis = tables["kpis.csv"]
    for name in names:
        for key, values in found["kpis"][name].items():
            rows = kpis[(kpis.scenario == name) & (kpis.kpi == key)].sort_values("replication")
            c.expect(list(rows.replication) == list(range(reps)) and
                     np.array_equal(rows.value.to_numpy(), values, equal_nan=True),
                     f"kpis.csv: {name} {key} differs from the HDF5 file")

    monthly = tables["monthly.csv"]
    for name in names:
        g = f["scenarios"][name]
        months = list(g["months"].asstr()[()])
        part = monthly[monthly.scenario == name]
        c.expect(set(part.month) == set(months), f"monthly.csv: {name} months differ")
        for indicator, rows in part.groupby("indicator"):
            if "." in indicator:
                world, key = indicator.split(".", 1)
                path = f"{world}/{key}"
            elif indicator == "arrived_by_month_end":
                path = indicator
            else:
                path = f"monthly/{indicator}"
            if not c.expect(path in g, f"monthly.csv: {name} has unknown indicator {indicator}"):
                continue
            grid = rows.pivot(index="replication", columns="month", values="value")[months]
            c.expect(np.array_equal(grid.to_numpy(), g[path][()], equal_nan=True),
                     f"monthly.csv: {name} {indicator} differs from the HDF5 file")

    for file, group in (("summary.csv", None), ("differences.csv", "differences")):
        table = tables[file]
        for name in (names if group is None else names[1:]):
            h5 = f["scenarios"][name]["summary"] if group is None else f["differences"][name]
            expected = pd.DataFrame(h5[()])
            rows = table[table.scenario == name]
            c.expect(len(rows) == len(expected), f"{file}: {name} has {len(rows)} rows")
            if len(rows) == len(expected):
                for column in ("mean", "sd", "lower95", "upper95"):
                    c.expect(np.array_equal(rows[column].to_numpy(), expected[column].to_numpy(),
                                            equal_nan=True),
                             f"{file}: {name} {column} differs from the HDF5 file")
            if group is not None:
                c.expect(set(rows.versus) <= {names[0]}, f"{file}: {name} versus is wrong")

    meta = dict(zip(tables["metadata.csv"].key, tables["metadata.csv"].value.astype(str)))
    c.expect(meta.get("format") == FORMAT, "metadata.csv: format")
    for key in ("version", "revision", "started_at", "command_line"):
        c.expect(meta.get(key) == f.attrs[key], f"metadata.csv: {key} differs from the HDF5 file")
    c.expect(meta.get("master_seed") == str(f.attrs["master_seed"]), "metadata.csv: master_seed")
    for i, name in enumerate(names):
        c.expect(meta.get(f"scenario.{i}.name") == name, f"metadata.csv: scenario.{i}.name")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", help="the HDF5 results file")
    parser.add_argument("--csv", help="a directory of CSV tables of the same run, to check too")
    parser.add_argument("--schema", default=str(DEFAULT_SCHEMA),
                        help="the schema page (default: docs/results-schema.md of this tree)")
    args = parser.parse_args(argv)
    schema = read_schema_tables(args.schema)
    c = Checker()
    try:
        with h5py.File(args.file, "r") as f:
            found = check_hdf5(c, f, schema)
            if args.csv and found:
                check_csv(c, f, args.csv, found)
    except (OSError, KeyError, ValueError) as error:
        print(f"check_results: FAIL: {args.file}: {error}", file=sys.stderr)
        return 2
    if c.failures:
        for failure in c.failures:
            print(f"check_results: FAIL: {failure}", file=sys.stderr)
        print(f"check_results: {len(c.failures)} of {c.checked} checks failed ({args.file})",
              file=sys.stderr)
        return 1
    print(f"check_results: OK {args.file}: {len(found['scenarios'])} scenario(s) x "
          f"{found['replications']} replications x {found['months']} months, "
          f"{c.checked} checks{' (with CSV)' if args.csv else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
