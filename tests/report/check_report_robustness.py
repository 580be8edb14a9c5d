"""Checks the robustness section of a board report (tests/report/test_report.sh).

Usage: check_report_robustness.py ROBUSTNESS_CSV ROBUSTNESS_H5 REPORT_HTML REPORT_PDF_TXT

Every assumption of the screening's CSV that was taken to its extremes (extremes = 1) must be
in the HTML's and the PDF's text: its readable name with the key path in brackets after it and its net savings difference B - A at the low and at the high end, written as the
Dutch report writes a euro difference for the board (rounded to 10 below 1.000, to 100 below
10.000, to 1.000 above; "€ +12.000", "€ -3.400", "€ 0"). The file's name and the count of rows
must match too.
"""

import csv
import math
import re
import sys

from check_report import TextOf  # the page's text, without its style


def board_round(x: float) -> float:
    a = abs(x)
    step = 1000.0 if a >= 10000 else 100.0 if a >= 1000 else 10.0
    # Python's round() rounds halves to even; the report rounds them away from zero.
    return math.copysign(math.floor(a / step + 0.5) * step, x)


def dutch_signed_eur(x: float) -> str:
    r = board_round(x)
    digits = f"{abs(r):,.0f}".replace(",", ".")
    if r > 0:
        return f"€ +{digits}"
    if r < 0:
        return f"€ -{digits}"
    return "€ 0"


def main() -> int:
    csv_file, h5_file, report_html, pdf_txt = sys.argv[1:]
    with open(csv_file, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["extremes"] == "1"]
    parser = TextOf()
    with open(report_html, encoding="utf-8") as f:
        parser.feed(f.read())
    html_text = " ".join(" ".join(parser.parts).split())
    with open(pdf_txt, encoding="utf-8") as f:
        pdf_text = " ".join(f.read().split())

    failures = []
    if not rows:
        failures.append("the screening took no assumption to its extremes")
    for name, text in (("HTML", html_text), ("PDF", pdf_text)):
        if "De aannames die het meest uitmaken" not in text:
            failures.append(f"{name}: no section 'De aannames die het meest uitmaken'")
        if f"Uit {h5_file}" not in text:
            failures.append(f"{name}: does not name the robustness file {h5_file}")
        if "Voor dit rapport niet onderzocht" in text:
            failures.append(f"{name}: says the robustness was not examined")
        for row in rows:
            key = row["key"]
            low = dutch_signed_eur(float(row["net_savings_eur_at_lo_mean"]))
            high = dutch_signed_eur(float(row["net_savings_eur_at_hi_mean"]))
            # Named readably, the key in the brackets after the name: "name (key)", "name
            # (key, 11 waarden)", "name (elasticiteit; key)".
            if not re.search(r"[(;] ?" + re.escape(key) + r"[,)]", text):
                failures.append(f"{name}: assumption {key} is missing or has no readable name")
            for label, amount in (("low", low), ("high", high)):
                if amount not in text:
                    failures.append(f"{name}: {key} at the {label} end: {amount} is missing")
            print(f"{name}: {key}: {low} / {high}")
    for failure in failures:
        print("FAIL:", failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
