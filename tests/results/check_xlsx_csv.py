"""Checks the Excel workbook and the CSV dialects of two runs of one comparison (same seed)
against each other and against the HDF5 file of the first run, by independent recomputation:
  WORK/en.h5, WORK/en/ (--csv, en dialect), WORK/en.xlsx (--lang en)
  WORK/nl/ (--csv-dialect nl), WORK/nl.xlsx (--lang nl)
Usage: /usr/bin/python3 check_xlsx_csv.py WORK. Exits non-zero with a message on the first
failure."""
import csv
import datetime
import math
import pathlib
import sys

import h5py
import numpy as np
import openpyxl

work = pathlib.Path(sys.argv[1])
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def close(a, b, rel=1e-12):
    # The workbook holds 16 significant digits (libxlsxwriter's "%.16G").
    return math.isclose(a, b, rel_tol=rel, abs_tol=1e-9)


def read_csv(path, delimiter=","):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter=delimiter))
    return rows[0], rows[1:]


h5 = h5py.File(work / "en.h5", "r")
scenarios = list(h5["scenarios"].keys())
months = [m.decode() if isinstance(m, bytes) else m for m in h5["months"][()]]

# The scenario order of the files: that of summary.csv (the order of the comparison).
_, summary_rows = read_csv(work / "en" / "summary.csv")
scenario_order = list(dict.fromkeys(r[0] for r in summary_rows))
check(sorted(scenario_order) == sorted(scenarios), "scenarios of summary.csv and HDF5 differ")

# The indicator order: that of monthly.csv for the first scenario, replication and month.
long_header, long_rows = read_csv(work / "en" / "monthly.csv")
indicators = []
for r in long_rows:
    if r[1] != "0" or r[0] != scenario_order[0] or "." in r[3]:
        break
    if r[3] not in indicators:
        indicators.append(r[3])
check(len(indicators) == 42, f"expected 42 service indicators, found {len(indicators)}")


def band(values):
    values = np.asarray(values, dtype=float)
    values = values[~np.isnan(values)]
    if values.size == 0:
        return None
    # Type 7 quantiles: NumPy's default ("linear").
    return values.mean(), np.percentile(values, 5), np.percentile(values, 95)


def check_workbook(path, language):
    wb = openpyxl.load_workbook(path)
    names = wb.sheetnames
    first = "Kerncijfers" if language == "nl" else "Key figures"
    check(names[0] == first, f"{path}: first sheet {names[0]!r}, expected {first!r}")
    check(len(names) == 43, f"{path}: {len(names)} sheets, expected 43")
    check(len({n.lower() for n in names}) == len(names), f"{path}: sheet names not unique")
    for n in names:
        check(len(n) <= 31 and not any(c in n for c in "[]:*?/\\"), f"{path}: bad name {n!r}")
    waiting = "Wachtlijst einde maand" if language == "nl" else "Waiting list, month end"
    check(names[1 + indicators.index("waiting_list_end")] == waiting,
          f"{path}: the waiting list sheet is not named {waiting!r}")

    # Key figures: per row the key in column B; per scenario mean, 5%, 95% from column D on, and
    # after every scenario but the first the paired difference (mean, lower, upper).
    ws = wb[first]
    _, diff_rows = read_csv(work / "en" / "differences.csv")
    differences = {(r[0], r[2]): (float(r[3]), float(r[5]), float(r[6])) for r in diff_rows}
    compared = 0
    diffs_compared = 0
    for row in range(4, ws.max_row + 1):
        key = ws.cell(row, 2).value
        check(isinstance(ws.cell(row, 1).value, str), f"{path}: no label in row {row}")
        col = 4
        for s, scenario in enumerate(scenario_order):
            expected = band(h5[f"scenarios/{scenario}/kpis/{key}"][()])
            cells = [ws.cell(row, col + i) for i in range(3)]
            if expected is None:
                check(all(c.value is None for c in cells), f"{path}: {key} should be empty")
            else:
                for c, e in zip(cells, expected):
                    check(c.data_type == "n" and isinstance(c.value, (int, float)),
                          f"{path}: {key} {c.coordinate} is not a number cell")
                    check(close(c.value, e), f"{path}: {key} {c.coordinate} {c.value} != {e}")
                    compared += 1
            col += 3
            if s > 0:
                cells = [ws.cell(row, col + i) for i in range(3)]
                if cells[0].value is not None:
                    want = differences[(scenario, key)]
                    for c, e in zip(cells, want):
                        check(c.data_type == "n" and close(c.value, e),
                              f"{path}: difference {key} {c.coordinate} {c.value} != {e}")
                    a = h5[f"scenarios/{scenario_order[0]}/kpis/{key}"][()]
                    b = h5[f"scenarios/{scenario}/kpis/{key}"][()]
                    check(close(cells[0].value, float(np.nanmean(b - a))),
                          f"{path}: difference {key} is not the mean paired difference")
                    diffs_compared += 1
                col += 3
        if key == "benefit_eur_saved":
            check(ws.cell(row, 4).number_format == "#,##0", f"{path}: euros without #,##0")
    check(compared >= 15 * 3 * len(scenario_order), f"{path}: only {compared} key figure cells")
    check(len(scenario_order) < 2 or diffs_compared >= 10, f"{path}: {diffs_compared} differences")

    # Monthly sheets: months as dates, per scenario mean, 5%, 95% of monthly/<indicator>.
    for i, indicator in enumerate(indicators):
        ws = wb[names[1 + i]]
        for m, label in enumerate(months):
            c = ws.cell(4 + m, 1)
            check(c.is_date and isinstance(c.value, datetime.datetime) and
                  c.value.strftime("%Y-%m") == label, f"{path}: {ws.title} month {m}: {c.value}")
            for s, scenario in enumerate(scenario_order):
                values = h5[f"scenarios/{scenario}/monthly/{indicator}"][:, m]
                for k, e in enumerate(band(values)):
                    cell = ws.cell(4 + m, 2 + 3 * s + k)
                    check(cell.data_type == "n" and close(cell.value, e),
                          f"{path}: {ws.title} {cell.coordinate} {cell.value} != {e}")


check_workbook(work / "en.xlsx", "en")
check_workbook(work / "nl.xlsx", "nl")

# The nl dialect holds the same fields as en, with ';' and a decimal comma (same seed: the same
# numbers). metadata.csv holds the start time and command line, which differ.
for en_path in sorted((work / "en").glob("*.csv")):
    if en_path.name == "metadata.csv":
        continue
    nl_path = work / "nl" / en_path.name
    with open(nl_path, encoding="utf-8") as f:
        first_line = f.readline()
    check(first_line.count(";") >= 1 and "," not in first_line,
          f"{nl_path}: header not ';'-separated")
    en_header, en_rows = read_csv(en_path)
    nl_header, nl_rows = read_csv(nl_path, delimiter=";")
    check(en_header == nl_header, f"{nl_path}: header differs")
    check(len(en_rows) == len(nl_rows), f"{nl_path}: {len(nl_rows)} rows, en {len(en_rows)}")
    for en_row, nl_row in zip(en_rows, nl_rows):
        check(len(en_row) == len(nl_row), f"{nl_path}: row lengths differ")
        for a, b in zip(en_row, nl_row):
            try:
                number = float(a)
            except ValueError:
                check(a == b, f"{nl_path}: {b!r} != {a!r}")
                continue
            check("." not in b and b.replace(",", ".") == a and
                  (math.isnan(number) or float(b.replace(",", ".")) == number),
                  f"{nl_path}: {b!r} is not {a!r} with a decimal comma")
        if failures:
            break
check(any("," in f for r in read_csv(work / "nl" / "monthly.csv", ";")[1] for f in r),
      "no decimal comma in nl/monthly.csv")

# monthly_summary.csv: per scenario, month and series the mean, 5% and 95% of the replications'
# rows of monthly.csv.
groups = {}
for r in long_rows:
    groups.setdefault((r[0], r[2], r[3]), []).append(float(r[4]))
summary_header, summary = read_csv(work / "en" / "monthly_summary.csv")
check(summary_header == ["scenario", "month", "indicator", "mean", "p5", "p95", "replications"],
      f"monthly_summary.csv header {summary_header}")
check(len(summary) == len(groups), f"monthly_summary.csv: {len(summary)} rows, {len(groups)} groups")
check(len(summary) * 3 == len(long_rows), "monthly_summary.csv is not a third of monthly.csv")
for r in summary:
    values = groups[(r[0], r[1], r[2])]
    mean, p5, p95 = band(values)
    check(math.isclose(float(r[3]), mean, rel_tol=1e-12, abs_tol=1e-12) and
          math.isclose(float(r[4]), p5, rel_tol=1e-12, abs_tol=1e-12) and
          math.isclose(float(r[5]), p95, rel_tol=1e-12, abs_tol=1e-12) and
          int(r[6]) == len(values), f"monthly_summary.csv row {r} != {mean}, {p5}, {p95}")
    if failures:
        break

for f in failures[:20]:
    print("FAIL:", f)
if failures:
    sys.exit(1)
print("xlsx and CSV dialect checks passed")
