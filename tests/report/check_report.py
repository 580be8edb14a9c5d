"""Checks a rendered board report (tests/report/test_report.sh).

Usage: check_report.py RUN_H5 REPORT_HTML REPORT_PDF_TXT PNG...

- every PNG has ink (dark pixels) over a fair share of its area and some coloured pixels
  (the charts), so a blank or unstyled page fails;
- the HTML's text and the PDF's text both hold, per scenario, the mean placements over the
  replications of the HDF5 results, written as the Dutch report writes a figure (from 1,000 on
  no decimals, from 10 on one, below two; '.' groups thousands, ',' is the decimal mark);
- both texts are Dutch: Dutch month names and the report's Dutch headings, and none of the
  English headings.
"""

import html.parser
import sys

import h5py
import numpy as np
from PIL import Image


def dutch_figure(x: float) -> str:
    decimals = 0 if abs(x) >= 1000 else 1 if abs(x) >= 10 else 2
    text = f"{x:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


class TextOf(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def main() -> int:
    run_h5, report_html, pdf_txt, *pngs = sys.argv[1:]
    failures = []

    for png in pngs:
        pixels = np.asarray(Image.open(png).convert("RGB")).astype(int)
        ink = (pixels.min(axis=2) < 160).mean()
        colour = ((pixels.max(axis=2) - pixels.min(axis=2)) > 60).mean()
        print(f"{png}: {pixels.shape[1]}x{pixels.shape[0]}, ink {ink:.3f}, colour {colour:.4f}")
        if ink < 0.01:
            failures.append(f"{png} is (nearly) blank: ink {ink:.4f}")
    html_png = pngs[0]
    pixels = np.asarray(Image.open(html_png).convert("RGB")).astype(int)
    if ((pixels.max(axis=2) - pixels.min(axis=2)) > 60).mean() < 0.001:
        failures.append(f"{html_png} shows no coloured chart")
    if len(pngs) < 3:
        failures.append(f"the PDF has {len(pngs) - 1} page(s), expected several")

    parser = TextOf()
    with open(report_html, encoding="utf-8") as f:
        parser.feed(f.read())
    html_text = " ".join(" ".join(parser.parts).split())
    with open(pdf_txt, encoding="utf-8") as f:
        pdf_text = " ".join(f.read().split())

    with h5py.File(run_h5, "r") as h5:
        names = [n.decode() if isinstance(n, bytes) else str(n) for n in h5.attrs["scenarios"]]
        for name in names:
            placements = np.asarray(h5[f"/scenarios/{name}/kpis/placements"][()])
            expected = dutch_figure(float(placements.mean()))
            for label, text in (("HTML", html_text), ("PDF", pdf_text)):
                if f"{expected} [" not in text:
                    failures.append(f"{label}: mean placements of {name}, {expected}, not found")
            print(f"{name}: mean placements {expected} (from the HDF5 results)")

    for label, text in (("HTML", html_text), ("PDF", pdf_text)):
        for word in ("Oordeel", "Kerncijfers", "Herkomst", "mrt", "okt", "personen"):
            if word not in text:
                failures.append(f"{label}: '{word}' missing from the Dutch report")
        for word in ("Verdict", "Key figures", "Provenance", "replications", "placements per"):
            if word in text:
                failures.append(f"{label}: English '{word}' in the Dutch report")
        if "niet van nul te onderscheiden" not in text and "buiten toeval" not in text:
            failures.append(f"{label}: the verdict judges no difference")

    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
