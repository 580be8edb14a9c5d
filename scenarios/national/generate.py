#!/usr/bin/python3
"""Writes the national roll-out scenarios: one file per labour-market region (35) and README.md.

Run from anywhere with /usr/bin/python3 (standard library only):

    /usr/bin/python3 scenarios/national/generate.py

Each file extends ../gooi-en-vechtstreek.toml and states only what differs:
- size: every volume of the base times the region's scale factor r = labour force / 136,000
  (Gooi en Vechtstreek, S-opl: 4,618 WW benefits at a WW rate of 3.4%): cohort inflows and
  initial stocks, employers and zzp'ers, the outreach volumes (planned calls, inbound requests
  at full awareness) and the instrument budget; staff 2 fte x r rounded (at least 1), with the
  centre budget paying exactly that staff at the S-opl cost per fte (EUR 100,000 a year);
- time: the start month of the region's phase (S-aanpak annex 3, domain.md section 7), a
  one-year service and the base's 12 months of follow-up; the base's calendar profiles (the
  economy's find-work factor, the WW and TOZO inflow profiles) are read from the region's start
  month on, and the holidays are those within the region's horizon.
  Volumes include the seats of instruments with limited places, so the whole menukaart is
  restated (a variant's [[instruments]] replaces the base's).
Everything else (rates, shares, sector mix, attributes, the instruments apart from their seats)
is Gooi en Vechtstreek's.

The values to scale are read from the base file, so rerunning after a change of the base keeps
the regions in step with it. The WW cohorts are scaled by the region's published running WW
benefits (REGIONAL_WW, NATIONAL_WW: each with its source and publication date, all before the
region's start); the other volumes by the labour force, whose figures are approximations (see
LABOUR_FORCE_NOTE).
"""

import datetime
import math
import pathlib
import tomllib

HERE = pathlib.Path(__file__).resolve().parent
BASE = HERE.parent / "gooi-en-vechtstreek.toml"
REGIONS_DIR = HERE.parent / "regions"  # the phase-1 start regions, with their own header

BASE_LABOUR_FORCE = 136_000  # S-opl: 4,618 WW benefits / 3.4% WW rate
BASE_START = datetime.date(2020, 11, 1)
COST_PER_FTE_EUR = 100_000  # S-opl: EUR 200,000 for 2 fte for a year

# ---- Running WW benefits per labour-market region (issue 13, item 6), at the reference month
# end of September 2020: UWV's monthly figures for September 2020 appeared on 15 October 2020,
# before the first region's start (1 November 2020), so every region's starting stock uses only
# figures published before its start (a later region could use later months; all keep the
# base's 1 November 2020 state, see README). Sources were found in stored copies of press
# reports of UWV's and CBS's releases (the UWV dashboard 'WW-uitkeringen per arbeidsmarktregio'
# itself was not available); the address and the publication date of each are given.
NATIONAL_WW = {
    # month: (running WW benefits, source, publication date)
    "2020-09": (278_000, "UWV/CBS monthly figures, as reported by bd.nl 'Werkloosheid onverwacht "
                "omlaag in september' (https://www.bd.nl/economie/werkloosheid-onverwacht-omlaag-"
                "in-september~a93740cd/): 278,000 WW benefits end September 2020, 292,000 end "
                "August", "2020-10-15"),
    "2020-08": (292_000, "same report", "2020-10-15"),
    "2019-09": (233_000, "CBS/UWV monthly figures 18 October 2019, as reported by "
                "katwijkshypotheekhuys.nl 'Meer mensen aan het werk': 'Eind september 2019 "
                "verstrekte UWV 233.000 WW-uitkeringen'", "2019-10-18"),
}
REFERENCE_MONTH = "2020-09"
# Regional running WW benefits published before the region's start: (value, month, source,
# publication date). "2020-09" figures are used as they are (public); earlier ones are carried
# to September 2020 by the national growth since their month (derived: the region keeps its
# share of the national stock, which understates regions hit harder than average).
REGIONAL_WW = {
    "groningen": (9_143, "2020-09", "UWV regional release as reported by oogtv.nl 'Aantal "
                  "WW-uitkeringen in Groningen neemt verder af' (https://www.oogtv.nl/2020/10/aantal"
                  "-ww-uitkeringen-in-groningen-neemt-verder-af/): 9,143 end September 2020, 3.0% of "
                  "the labour force", "2020-10-15"),
    "friesland": (10_270, "2020-09", "UWV regional release as reported by Omrop Fryslân 'Tal "
                  "WW-utkearings rint al fiif moannen werom' (https://www.omropfryslan.nl/nijs/"
                  "1000855): 10,270 end September 2020, 3.0% of the labour force", "2020-10-15"),
    "amersfoort": (4_939, "2020-09", "UWV regional release as reported by omroepspakenburg.nl "
                   "'Aantal WW-uitkeringen regio daalt verder' (https://www.omroepspakenburg.nl/"
                   "2020/10/15/): 4,939 end September 2020, 2.7% of the labour force",
                   "2020-10-15"),
    "gooi-en-vechtstreek-rmt": (4_618, "2020-08", "S-opl (oplegger mobiliteitsdienstverlening, "
                                "October 2020): 4,618 end August 2020, 3.4% of the labour force",
                                "2020-10-01"),
    "drenthe": (6_901, "2019-09", "UWV regional release as reported by RTV Drenthe 'Minder "
                "Drenten in de WW' (https://www.rtvdrenthe.nl/nieuws/153112): 6,901 end "
                "September 2019, 2.8% of the labour force", "2019-10-17"),
    "zeeland": (3_688, "2019-09", "UWV regional release as reported by PZC 'Economie draait als "
                "een dolle' (https://www.pzc.nl/zeeuws-nieuws/economie-draait-als-een-dolle-"
                "minder-zeeuwen-werkloos-maar-of-dat-zo-blijft-is-de-vraag~a81a20ec/): 3,688 end "
                "September 2019", "2019-11-14"),
    "achterhoek": (3_277, "2019-09", "UWV regional release as reported by De Stentor 'Sterkste "
                   "daling WW in Achterhoek' (https://www.destentor.nl/achterhoek/sterkste-daling-"
                   "ww-in-achterhoek~a7818387/): 3,277 end September 2019", "2019-10-17"),
}
# Published WW rates (WW benefits / labour force) that give a region's labour force.
REGIONAL_WW_RATE = {"groningen": 0.030, "friesland": 0.030, "amersfoort": 0.027}
# The base's modelled WW stock on 1 November 2020 (cohorts ww_inflow and short_ww), set from
# 4,618 end August 2020: a region's WW cohorts are the base's x (regional WW / this).
WW_COHORTS = ("ww_inflow", "short_ww")


def regional_ww(stems_by_lf):
    """Running WW benefits end September 2020 per region: (value, label, publication date).

    Public where a September 2020 figure was found; derived from an earlier regional figure and
    the national growth where one was found; the rest of the national figure split by labour
    force elsewhere (no regional figure found: the label says so)."""
    national, national_source, national_published = NATIONAL_WW[REFERENCE_MONTH]
    out = {}
    for stem, (v, month, source, published) in REGIONAL_WW.items():
        if month == REFERENCE_MONTH:
            out[stem] = (v, f"public: {source}, published {published}", published)
            continue
        then = NATIONAL_WW[month][0]
        scaled = round(v * national / then)
        out[stem] = (scaled,
                     f"derived: {v:,} end of {month} ({source}, published {published}) x national "
                     f"{national:,} / {then:,} (end {REFERENCE_MONTH} / end {month}; "
                     f"{national_source}, published {national_published}) = {scaled:,}",
                     national_published)
    rest = national - sum(v for v, _, _ in out.values())
    others = {stem: lf for stem, lf in stems_by_lf.items() if stem not in out}
    total_lf = sum(others.values())
    for stem, lf in others.items():
        scaled = round(rest * lf / total_lf)
        out[stem] = (scaled,
                     f"derived: no regional figure found before the start; the national {national:,} "
                     f"end September 2020 ({national_source}, published {national_published}) less "
                     f"the {len(REGIONAL_WW)} regions with a figure = {rest:,}, shared by labour force "
                     f"~{lf:,} of {total_lf:,} (assumption: approximate labour force; the region's "
                     f"WW rate taken as the average of these regions) = {scaled:,}",
                     national_published)
    return out


LABOUR_FORCE_NOTE = (
    "assumption: approximate 2020 labour force, the order of magnitude of CBS's figure for the "
    "labour-market region (not looked up; replace by CBS StatLine 'Arbeidsdeelname; regionale "
    "indeling 2020')"
)

# (file stem, name, labour force 2020 (approximate, rounded to 5,000), phase)
# Phases 1-4 name their regions (S-aanpak annex 3); phase 5 is "all other regions".
REGIONS = [
    ("groot-amsterdam", "Groot Amsterdam", 745_000, 1),
    ("midden-brabant", "Midden-Brabant", 245_000, 1),
    ("midden-utrecht", "Midden-Utrecht", 530_000, 1),
    ("rijnmond", "Rijnmond", 730_000, 2),
    ("stedendriehoek-en-noordwest-veluwe", "Stedendriehoek en Noordwest Veluwe", 305_000, 2),
    ("west-brabant", "West-Brabant", 355_000, 2),
    ("noordoost-brabant", "Noordoost-Brabant", 340_000, 3),
    ("zuidoost-brabant", "Zuidoost-Brabant", 310_000, 3),
    ("haaglanden", "Haaglanden", 500_000, 3),
    ("zuid-limburg", "Zuid-Limburg", 290_000, 4),
    ("twente", "Twente", 335_000, 4),
    ("groningen", "Groningen", 315_000, 4),
    ("friesland", "Friesland", 345_000, 5),
    ("drenthe", "Drenthe", 215_000, 5),
    ("regio-zwolle", "Regio Zwolle", 320_000, 5),
    ("flevoland", "Flevoland", 240_000, 5),
    ("noord-holland-noord", "Noord-Holland Noord", 340_000, 5),
    ("zaanstreek-waterland", "Zaanstreek/Waterland", 180_000, 5),
    ("zuid-kennemerland-en-ijmond", "Zuid-Kennemerland en IJmond", 225_000, 5),
    # Not "gooi-en-vechtstreek": the scenario name is the file stem, and the base has that one.
    ("gooi-en-vechtstreek-rmt", "Gooi en Vechtstreek", 136_000, 5),
    ("amersfoort", "Amersfoort", 170_000, 5),
    ("foodvalley", "FoodValley", 190_000, 5),
    ("achterhoek", "Achterhoek", 210_000, 5),
    ("midden-gelderland", "Midden-Gelderland", 215_000, 5),
    ("rijk-van-nijmegen", "Rijk van Nijmegen", 200_000, 5),
    ("rivierenland", "Rivierenland", 135_000, 5),
    ("holland-rijnland", "Holland Rijnland", 290_000, 5),
    ("zuid-holland-centraal", "Zuid-Holland Centraal", 135_000, 5),
    ("midden-holland", "Midden-Holland", 125_000, 5),
    ("drechtsteden", "Drechtsteden", 140_000, 5),
    ("gorinchem", "Gorinchem", 80_000, 5),
    ("zeeland", "Zeeland", 200_000, 5),
    ("helmond-de-peel", "Helmond-De Peel", 110_000, 5),
    ("noord-limburg", "Noord-Limburg", 150_000, 5),
    ("midden-limburg", "Midden-Limburg", 115_000, 5),
]

# What the start-region files leave out: the base's sector mix and attributes are Gooi en
# Vechtstreek's (general knowledge of the regions, not sourced figures).
REGION_NOTES = {
    "groot-amsterdam": """
Left out: Schiphol (aviation, a hard-hit sector of S-aanpak that the base's sector list lacks),
Amsterdam's larger shares of horeca, culture and tourism, and its higher bijstand share; all
shares and rates are Gooi en Vechtstreek's, so this region's load is probably understated.
""",
    "midden-utrecht": """
Left out: the region's larger shares of business services, ICT, education and care and its
younger labour force (a student city); all shares and rates are Gooi en Vechtstreek's.
""",
    "midden-brabant": """
Left out: the region's larger shares of logistics, distribution and manufacturing (Tilburg,
Waalwijk) and of leisure (Kaatsheuvel); all shares and rates are Gooi en Vechtstreek's.
""",
}

PHASE_START = {
    1: datetime.date(2020, 11, 1),
    2: datetime.date(2020, 12, 1),
    3: datetime.date(2021, 1, 1),
    4: datetime.date(2021, 2, 1),
}
PHASE_LABEL = {
    1: "seed: S-aanpak annex 3, phase 1 (start regions, November 2020)",
    2: "seed: S-aanpak annex 3, phase 2 (December 2020)",
    3: "seed: S-aanpak annex 3, phase 3 (January 2021; the annex prints 2020)",
    4: "seed: S-aanpak annex 3, phase 4 (February 2021; the annex prints 2020)",
}
# Phase 5 ("Maart - April") names no regions and no order: the larger half by labour force
# starts on 1 March 2021, the rest on 1 April 2021 (assumption, reproducible, easy to change).
PHASE5_MARCH = datetime.date(2021, 3, 1)
PHASE5_APRIL = datetime.date(2021, 4, 1)

# Dutch public holidays on working days, 2020-2023, and the team's Christmas break (the base's
# list, continued to the latest horizon end, March 2023).
HOLIDAYS = [
    "2020-12-25", "2020-12-28", "2020-12-29", "2020-12-30", "2020-12-31", "2021-01-01",
    "2021-04-05", "2021-04-27", "2021-05-13", "2021-05-24",
    "2021-12-27", "2021-12-28", "2021-12-29", "2021-12-30", "2021-12-31",
    "2022-04-18", "2022-04-27", "2022-05-26", "2022-06-06",
    "2022-12-26", "2022-12-27", "2022-12-28", "2022-12-29", "2022-12-30",
]
HOLIDAYS_LABEL = ("public: Dutch public holidays 2020-2023 within this horizon; assumption: office "
                  "closed between Christmas and New Year, as in the base")

COHORTS = ["threatened", "temp_contract_ending", "ww_inflow", "short_ww", "pw_applicant", "tozo",
           "youth", "banenafspraak"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def value(node):
    """The value of a plain or labelled ({ value = ..., source = ... }) TOML entry."""
    return node["value"] if isinstance(node, dict) and "value" in node else node


def add_months(date, months):
    index = date.year * 12 + date.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def months_between(a, b):
    return (b.year - a.year) * 12 + (b.month - a.month)


def month_name(date):
    return f"{MONTHS[date.month - 1]} {date.year}"


def number(x, decimals=1):
    """A TOML float with at most `decimals` decimals (trailing zeros dropped, at least one)."""
    text = f"{x:.{decimals}f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def number_list(values, decimals=1, per_line=12, indent=4):
    items = [number(v, decimals) for v in values]
    lines = [", ".join(items[i:i + per_line]) for i in range(0, len(items), per_line)]
    return "[" + (",\n" + " " * indent).join(lines) + "]"


def toml_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def toml_value(v):
    """A value read by tomllib, written back as TOML (labelled values as inline tables)."""
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(x)}" for k, x in v.items()) + " }"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return toml_string(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat()
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    raise TypeError(f"cannot write {v!r} as TOML")


def start_dates():
    """Start date per region stem."""
    starts = {}
    phase5 = [r for r in REGIONS if r[3] == 5]
    by_size = sorted(phase5, key=lambda r: (-r[2], r[1]))
    march = {r[0] for r in by_size[:math.ceil(len(by_size) / 2)]}
    for stem, _name, _lf, phase in REGIONS:
        if phase < 5:
            starts[stem] = PHASE_START[phase]
        else:
            starts[stem] = PHASE5_MARCH if stem in march else PHASE5_APRIL
    return starts


def start_label(phase, start):
    if phase < 5:
        return PHASE_LABEL[phase]
    which = "larger" if start == PHASE5_MARCH else "smaller"
    return (f"seed: S-aanpak annex 3, phase 5 (March-April 2021, all other regions); assumption: "
            f"{month_name(start)} for the {which} half of phase 5 by labour force")


class Region:
    def __init__(self, base, stem, name, labour_force, phase, start, ww):
        self.base = base
        self.stem = stem
        self.name = name
        self.ww, self.ww_label, self.ww_published = ww
        if stem in REGIONAL_WW_RATE:  # derived from the published WW rate
            labour_force = round(REGIONAL_WW[stem][0] / REGIONAL_WW_RATE[stem], -3)
        self.labour_force = labour_force
        base_ww = sum(value(base["cohorts"][c]["initial_stock"]) for c in WW_COHORTS)
        self.base_ww = base_ww
        self.ww_ratio = self.ww / base_ww
        self.phase = phase
        self.start = start
        self.shift = months_between(BASE_START, start)
        self.ratio = round(labour_force / BASE_LABOUR_FORCE, 3)
        base_advisors = value(base["staff"]["advisors"])
        self.advisors_exact = base_advisors * self.ratio
        self.advisors = max(1, round(self.advisors_exact))
        self.centre_budget = self.advisors * COST_PER_FTE_EUR
        follow_up = value(base["horizon"]["follow_up_months"])
        self.service_end = add_months(start, 12) - datetime.timedelta(days=1)
        self.horizon_end = add_months(start, 12 + follow_up) - datetime.timedelta(days=1)

    # -- labels
    def scaled(self, what="base"):
        if self.stem in REGIONAL_WW_RATE:
            lf = (f"labour force {self.labour_force:,} (derived: {REGIONAL_WW[self.stem][0]:,} WW "
                  f"benefits / the published WW rate {REGIONAL_WW_RATE[self.stem]:.1%})")
        else:
            lf = (f"labour force ~{self.labour_force:,} (assumption: approximate CBS 2020 "
                  f"figure)")
        return f"derived: {what} x {self.ratio:.3f} = {lf} / {BASE_LABOUR_FORCE:,} (S-opl)"

    def ww_scaled(self, what="base"):
        return (f"derived: {what} x {self.ww_ratio:.3f} = running WW end September 2020 "
                f"{self.ww:,} / the base's modelled WW stock {self.base_ww:,.0f}; the region's WW "
                f"figure: {self.ww_label}")

    def shifted(self, what):
        return (f"derived: {what} read from {month_name(self.start)} on (the base starts in "
                f"November 2020)")

    # -- parts
    def header(self, start_region=False):
        lf = f"{self.labour_force:,}"
        ratio = f"{self.ratio:.3f}"
        if start_region:
            lines = [
                "# GENERATED by scenarios/national/generate.py, which also writes "
                f"national/{self.stem}.toml",
                "# (the same scenario with the national header): do not edit by hand; change the",
                "# script (or the base scenario) and run /usr/bin/python3 scenarios/national/generate.py.",
                "#",
                f"# Start region of phase 1: {self.name}, service from {self.start.isoformat()} to "
                f"{self.service_end.isoformat()},",
                f"# follow-up to {self.horizon_end.isoformat()}: the base's dates. With Groot "
                "Amsterdam, Midden-Brabant and",
                "# Midden-Utrecht the national approach started in November 2020, followed closely by the",
                "# national steering group (S-aanpak section 3 and annex 3; S-hvt).",
                "#",
                "# Question: what a mobility centre organised like Gooi en Vechtstreek's would do at this",
                "# region's size, with the same load per advisor: how many fte and how much money it",
                "# takes, and what it yields (placements, prevented WW and PW inflow, euros saved).",
                "#",
            ]
        else:
            lines = [
                "# GENERATED by scenarios/national/generate.py: do not edit by hand; change the script",
                "# (or the base scenario) and run /usr/bin/python3 scenarios/national/generate.py.",
                "#",
                f"# National roll-out of the regional mobility teams (domain.md section 7): {self.name},",
                f"# phase {self.phase}, service from {self.start.isoformat()} to "
                f"{self.service_end.isoformat()}, follow-up to {self.horizon_end.isoformat()}.",
                "#",
                "# Question: what a mobility centre organised like Gooi en Vechtstreek's would do in this",
                "# region, started when the phased roll-out (S-aanpak annex 3) reached it. One of 35 files;",
                "# running them together as one national replication is issue 7 (MPI), for now each runs",
                "# as a separate scenario.",
                "#",
            ]
        lines += [
            f"# WW: running WW benefits end September 2020 {self.ww:,} (see the labels of the WW",
            f"# cohorts for the source and scenarios/national/README.md); the WW cohorts are the",
            f"# base's x {self.ww:,} / {self.base_ww:,.0f} = {self.ww_ratio:.3f}.",
        ]
        if self.ratio == 1.0:
            lines += [
                "# Size: the base's own region (labour force ~136,000: 4,618 WW benefits at a 3.4% WW",
                "# rate, S-opl): the other sizes, staff and budgets as in the base.",
            ]
        else:
            lines += [
                f"# Size: labour force ~{lf} (an approximation of the CBS 2020 figure, see",
                f"# scenarios/national/README.md) / 136,000 (Gooi en Vechtstreek: 4,618 WW benefits at a",
                f"# 3.4% WW rate, S-opl) = {ratio}.",
                f"# The other cohorts' inflows and initial stocks, employers, zzp'ers, outreach volumes (planned calls,",
                f"# inbound requests), the instrument budget and the places of instruments with limited",
                f"# seats are the base's x {ratio} (the whole menukaart is restated for that: a variant's",
                f"# [[instruments]] replaces the base's). Staff:",
                f"# 2 fte x {ratio} = {self.advisors_exact:.2f} -> {self.advisors} advisor"
                f"{'s' if self.advisors != 1 else ''}"
                f"{' (at least one)' if self.advisors_exact < 0.5 else ''}; the centre budget pays"
                f" exactly them,",
                f"# {self.advisors} x EUR 100,000 (S-opl cost per fte) = EUR {self.centre_budget:,}.",
            ]
        if self.shift:
            lines += [
                f"# Time: the base's calendar profiles (economy, WW and TOZO inflow) are read from",
                f"# {month_name(self.start)} on ({self.shift} month{'s' if self.shift > 1 else ''}"
                f" after the base's start); the initial stocks are the base's state",
                f"# of 1 Nov 2020{', scaled' if self.ratio != 1.0 else ''} (a simplification);"
                f" holidays are those within the horizon.",
            ]
        lines += [
            "# Everything else (rates, shares, sector mix, attributes, the instruments otherwise) is",
            "# Gooi en Vechtstreek's: a first approximation, not a regional calibration.",
        ]
        if start_region and self.stem in REGION_NOTES:
            lines += ["#"] + ["# " + line if line else "#"
                              for line in REGION_NOTES[self.stem].strip("\n").split("\n")]
        return "\n".join(lines)

    def horizon(self):
        if not self.shift:
            return ""
        holidays = [h for h in HOLIDAYS
                    if self.start <= datetime.date.fromisoformat(h) <= self.horizon_end]
        base_holidays = [d.isoformat() for d in value(self.base["horizon"]["holidays"])]
        out = ["[horizon]",
               f"start_date = {{ value = {self.start.isoformat()}, source = "
               f"{toml_string(start_label(self.phase, self.start))} }}",
               f"service_end_date = {{ value = {self.service_end.isoformat()}, source = "
               f"\"derived: one year of service from the start, as S-opl funds it\" }}"]
        if holidays != base_holidays:
            out.append(f"holidays = {{ value = [{', '.join(holidays)}], source = "
                       f"{toml_string(HOLIDAYS_LABEL)} }}")
        return "\n".join(out)

    def employers(self):
        if self.ratio == 1.0:
            return ""
        e = self.base["employers"]
        return "\n".join([
            "[employers]",
            f"source = {toml_string(self.scaled())}",
            f"employers = {round(value(e['employers']) * self.ratio)}"
            f"  # {value(e['employers']):,} x {self.ratio:.3f}",
            f"zzp = {round(value(e['zzp']) * self.ratio)}  # {value(e['zzp']):,} x {self.ratio:.3f}",
        ])

    def shifted_list(self, table, entries):
        """A `table` with each of the base's lists in `entries` ((key, decimals, what) each) read
        from the region's start month on (its month 0 is the base's start), or "" when the region
        starts with the base or no list holds more than one value."""
        lines = []
        for key, decimals, what in entries:
            values = value(self.base[table][key])
            if not self.shift or len(values) <= 1:
                continue
            values = values[min(self.shift, len(values) - 1):]
            lines.append(f"{key} = {{ value = {number_list(values, decimals, 12, 4)}, source = "
                         f"{toml_string(self.shifted(what))} }}")
        return "\n".join([f"[{table}]"] + lines) if lines else ""

    def hazards(self):
        return self.shifted_list("hazards", [("find_work_factor_by_month", 2,
                                              "the base calendar profile")])

    def economy(self):
        """A region starting later starts later on the same outlook."""
        return self.shifted_list("economy", [
            ("unemployment_rate_pct", 1, "the base economy path (CPB MEV 2021 base)"),
            ("vacancies_per_unemployed", 2,
             "the base tightness path (vacancies held at the end-Q2 2020 level)"),
        ])

    def ww_cohort(self, name):
        """A WW cohort: inflow and stock are the base's x the region's running WW relative to the
        base's (the region's inflow/stock ratio taken as Gooi en Vechtstreek's), with the date
        the WW figure was published."""
        c = self.base["cohorts"][name]
        inflow = [float(v) for v in value(c["inflow_per_month"])]
        if self.shift and len(inflow) > 1:
            inflow = inflow[min(self.shift, len(inflow) - 1):]
            what = f"base profile read from {month_name(self.start)} on"
        else:
            what = "base"
        stock = round(value(c["initial_stock"]) * self.ww_ratio)
        published = f"published = {self.ww_published}"
        return "\n".join([
            f"[cohorts.{name}]",
            f"inflow_per_month = {{ value = "
            f"{number_list([v * self.ww_ratio for v in inflow], 1, 8, 4)}, "
            f"source = {toml_string(self.ww_scaled(what))}, {published} }}",
            f"initial_stock = {{ value = {number(stock, 1)}, source = "
            f"{toml_string(self.ww_scaled())}, {published} }}"
            f"  # {number(value(c['initial_stock']))} x {self.ww_ratio:.3f}",
        ])

    def cohort(self, name):
        if name in WW_COHORTS:
            return self.ww_cohort(name)
        c = self.base["cohorts"][name]
        inflow = [float(v) for v in value(c["inflow_per_month"])]
        stock = round(value(c["initial_stock"]) * self.ratio)
        out = [f"[cohorts.{name}]"]
        if self.ratio == 1.0 and not (self.shift and len(inflow) > 1):
            return ""
        if self.shift and len(inflow) > 1:
            shifted = inflow[min(self.shift, len(inflow) - 1):]
            label = (f"derived: base profile read from {month_name(self.start)} on, "
                     + self.scaled("x").removeprefix("derived: x "))
            if self.ratio == 1.0:
                label = f"derived: base profile read from {month_name(self.start)} on"
            out.append(f"inflow_per_month = {{ value = "
                       f"{number_list([v * self.ratio for v in shifted], 1, 8, 4)}, "
                       f"source = {toml_string(label)} }}")
            if self.ratio != 1.0:
                out.append(f"initial_stock = {{ value = {number(stock, 1)}, source = "
                           f"{toml_string(self.scaled())} }}"
                           f"  # {number(value(c['initial_stock']))} x {self.ratio:.3f}")
        else:
            out.insert(1, f"source = {toml_string(self.scaled())}")
            out.append(f"inflow_per_month = {number_list([v * self.ratio for v in inflow], 1, 8, 4)}"
                       + (f"  # {number_list(inflow, 1, 100)} x {self.ratio:.3f}" if len(inflow) == 1
                          else f"  # the base's profile x {self.ratio:.3f}"))
            out.append(f"initial_stock = {number(stock, 1)}"
                       f"  # {number(value(c['initial_stock']))} x {self.ratio:.3f}")
        return "\n".join(out)

    def staff(self):
        if self.advisors == value(self.base["staff"]["advisors"]):
            return ""
        label = (f"derived: 2 fte (S-opl) x {self.ratio:.3f} = {self.advisors_exact:.2f}, rounded"
                 + (" up to one advisor" if self.advisors_exact < 0.5 else ""))
        return "\n".join([
            "[staff]",
            f"advisors = {{ value = {self.advisors}, source = {toml_string(label)} }}"
            f"  # 2 x {self.ratio:.3f} = {self.advisors_exact:.2f}",
        ])

    def outreach(self):
        if self.ratio == 1.0:
            return ""
        o = self.base["outreach"]
        return "\n".join([
            "[outreach]",
            f"source = {toml_string(self.scaled('base volume') + '; conversion shares kept')}",
            f"calls_per_week = {number(value(o['calls_per_week']) * self.ratio, 1)}"
            f"  # {number(value(o['calls_per_week']))} x {self.ratio:.3f}",
            f"inbound_requests_per_month = "
            f"{number(value(o['inbound_requests_per_month']) * self.ratio, 1)}"
            f"  # {number(value(o['inbound_requests_per_month']))} x {self.ratio:.3f}",
        ])

    def instruments(self):
        """The whole menukaart (a variant's array of tables replaces the base's), with the seats
        of instruments that have a limited number of places scaled."""
        if self.ratio == 1.0:
            return ""
        blocks = []
        for item in self.base["instruments"]:
            lines = ["[[instruments]]"]
            for key, v in item.items():
                if key == "seats" and value(v) > 0:
                    seats = max(1, round(value(v) * self.ratio))
                    label = self.scaled(f"base {value(v)} places")
                    lines.append(f"seats = {{ value = {seats}, source = {toml_string(label)} }}"
                                 f"  # {value(v)} x {self.ratio:.3f}")
                else:
                    lines.append(f"{key} = {toml_value(v)}")
            blocks.append("\n".join(lines))
        return "\n\n".join(blocks)

    def budget(self):
        if self.ratio == 1.0:
            return ""
        b = self.base["budget"]
        instruments = round(value(b["instrument_budget_eur"]) * self.ratio, -3)
        return "\n".join([
            "[budget]",
            f"centre_budget_eur = {{ value = {number(self.centre_budget, 1)}, source = "
            f"\"derived: {self.advisors} fte at the S-opl cost per fte (EUR 200,000 for 2 fte)\" }}"
            f"  # {self.advisors} x {COST_PER_FTE_EUR:,}",
            f"instrument_budget_eur = {{ value = {number(instruments, 1)}, source = "
            f"{toml_string(self.scaled())} }}"
            f"  # {value(b['instrument_budget_eur']):,.0f} x {self.ratio:.3f}, to EUR 1,000",
        ])

    def text(self, start_region=False):
        region_label = (PHASE_LABEL[self.phase] if self.phase < 5 else
                        "seed: S-aanpak annex 3, phase 5 (all other regions)")
        size = (f"scaled x {self.ratio:.3f} from Gooi en Vechtstreek" if self.ratio != 1.0
                else "the base's size")
        description = (f"{self.name}, phase {self.phase}: {self.advisors} fte from "
                       f"{self.start.isoformat()}, {size} (generated)")
        parts = [
            self.header(start_region),
            "\n".join([
                'extends = "../gooi-en-vechtstreek.toml"',
                f"description = {toml_string(description)}",
                f"region = {{ value = {toml_string(self.name)}, source = "
                f"{toml_string(region_label)} }}",
            ]),
            self.horizon(),
            self.employers(),
            self.hazards(),
            self.economy(),
            *[self.cohort(name) for name in COHORTS],
            self.staff(),
            self.outreach(),
            self.budget(),
            self.instruments(),
        ]
        return "\n\n".join(p for p in parts if p) + "\n"


README_TEXT = """
# National roll-out: one scenario per labour-market region

GENERATED by `generate.py` (run `/usr/bin/python3 scenarios/national/generate.py`); edit the
script, not the files.

The 35 regional mobility teams started in five phases (S-aanpak annex 3, `shared/domain.md`
section 7): phase 1 November 2020, phase 2 December 2020, phase 3 January 2021, phase 4
February 2021, phase 5 March-April 2021 for all other regions. The annex names no order within
phase 5; here the larger half by labour force starts on 1 March 2021, the rest on 1 April 2021
(an assumption). Gooi en Vechtstreek is in phase 5 as an RMT region, although its own mobility
centre (the base scenario) started on 1 November 2020 (S-opl). Its file here is
`gooi-en-vechtstreek-rmt.toml`: a scenario's name is its file stem, and the base already has
that name. The three phase-1 regions also have a file in `../regions/` (written by the same
script, with a start-region header): the same scenario under the same name, so do not put a
region's two files in one comparison.

Each file extends `../gooi-en-vechtstreek.toml` and states only what differs:

- **WW.** The WW cohorts (`ww_inflow`, `short_ww`: initial stock and inflow) are the base's x
  the region's running WW benefits at the end of September 2020 / the base's modelled WW stock
  (4,650, set from Gooi en Vechtstreek's 4,618 of August 2020). The regional figures are
  published ones from before each region's start (issue 13, item 6), see *Running WW* below;
  the values carry `published = <date>` (the information cut-off, `docs/information-cutoff.md`).
  The region's WW inflow is taken in the base's ratio to its stock (no regional inflow figure
  was found).
- **Size.** Scale factor r = labour force / 136,000 (Gooi en Vechtstreek, S-opl: 4,618 WW
  benefits at a WW rate of 3.4%). Times r: the other cohorts' inflows and initial stocks, employers and
  zzp'ers, planned outreach calls and inbound requests at full awareness, the instrument budget
  and the places of instruments with limited seats (for which the whole menukaart is restated:
  a variant's `[[instruments]]` replaces the base's). Staff: 2 fte x r, rounded (at least 1),
  and a centre budget of EUR 100,000 per advisor (the S-opl cost per fte), so that the model
  can pay every advisor it starts.
- **Time.** The first day of the phase's month, one year of service and the base's 12 months
  of follow-up; the base's calendar profiles (find-work factor, WW and TOZO inflow) are read
  from that month on; holidays are those within the region's horizon. The initial stocks are
  the base's state of 1 November 2020, scaled (a simplification for the later phases).
- Everything else (hazard rates, shares, the sector mix, attributes, the instruments apart
  from their seats) is Gooi en Vechtstreek's: a first approximation, not a regional
  calibration.

**Running WW.** Reference month: end of September 2020 (UWV's monthly figures for September
appeared on 15 October 2020, before the first start on 1 November 2020; later regions could use
later months, but all start from the base's 1 November 2020 state). National: 278,000 (UWV/CBS,
15 October 2020). Found per region, in stored copies of regional press reports of UWV's
releases (the UWV dashboard itself was not available): Groningen 9,143, Friesland 10,270 and
Amersfoort 4,939 at the end of September 2020 (public, 15 October 2020); Gooi en Vechtstreek
4,618 (August 2020, S-opl), Drenthe 6,901, Zeeland 3,688 and Achterhoek 3,277 (September 2019),
carried to September 2020 by the national growth (derived). For the other 28 regions no
regional figure from before the start was found: they share the rest of the national figure by
their approximate labour force (derived, and the label says so). The national starting stock
is therefore 278,000 by construction (323,652 with the old labour-force scaling); the
regional split outside the seven regions is an assumption (each has the average WW rate of
those 28 regions), which understates hard-hit regions such as Groot Amsterdam (+46% year on
year in August 2020 against +23% nationally, ESB 14 October 2020) and overstates others.
Every source, address and publication date is in `REGIONAL_WW` and `NATIONAL_WW` in
`generate.py` and in the value labels.

**Labour force.** The figures below approximate CBS's 2020 labour force (15-75 years) per
labour-market region, rounded to 5,000 and of the right order of magnitude (they sum to about
9.5 million, CBS's national figure for 2020); they were not looked up region by region, so the
labels call them assumptions (for Groningen, Friesland and Amersfoort the labour force is
derived from the published WW benefits and WW rate). Replace them by CBS StatLine
'Arbeidsdeelname; regionale indeling 2019' (table 84703NED, final figures, on line before 14
August 2020; the 2020 table appeared after the cut-off) in `REGIONS` in `generate.py` and rerun.
The base scenario's own national share (1.46%) uses 9.3 million.

**Running.** Each file is a scenario of its own: `werkstroom run scenarios/national/<file>`.
Running all 35 as one national replication is issue 7 (MPI); until then they are run as
separate scenarios. The tests load all 35 and run three of them (the first two by file name
and the largest).
"""


def readme(regions):
    total = sum(r.labour_force for r in regions)
    lines = README_TEXT.strip("\n").split("\n") + [
        "",
        "| region | file | phase | start | running WW end Sep 2020 | WW figure | labour force | scale factor r | advisors | centre budget EUR |",
        "|---|---|---|---|---:|---|---:|---:|---:|---:|",
    ]
    for r in sorted(regions, key=lambda r: (r.start, r.name)):
        kind = ("published" if r.ww_label.startswith("public:") else
                "carried from earlier" if r.stem in REGIONAL_WW else "national share")
        lines.append(f"| {r.name} | `{r.stem}.toml` | {r.phase} | {r.start.isoformat()} | "
                     f"{r.ww:,} | {kind} | "
                     f"{r.labour_force:,.0f} | {r.ratio:.3f} | {r.advisors} | {r.centre_budget:,} |")
    lines += [
        f"| **total** | | | | **{sum(r.ww for r in regions):,}** | | **{total:,.0f}** | "
        f"**{total / BASE_LABOUR_FORCE:.2f}** | "
        f"**{sum(r.advisors for r in regions)}** | **{sum(r.centre_budget for r in regions):,}** |",
        "",
    ]
    return "\n".join(lines)


def main():
    with open(BASE, "rb") as f:
        base = tomllib.load(f)
    assert len(REGIONS) == 35 and len({r[0] for r in REGIONS}) == 35
    starts = start_dates()
    ww = regional_ww({stem: lf for stem, _name, lf, _phase in REGIONS})
    regions = [Region(base, stem, name, lf, phase, starts[stem], ww[stem])
               for stem, name, lf, phase in REGIONS]
    for region in regions:  # the information cut-off (issue 13, item 5)
        assert datetime.date.fromisoformat(region.ww_published) < region.start, region.stem
    for region in regions:
        (HERE / f"{region.stem}.toml").write_text(region.text(), encoding="utf-8")
        if region.phase == 1:
            (REGIONS_DIR / f"{region.stem}.toml").write_text(region.text(start_region=True),
                                                             encoding="utf-8")
    (HERE / "README.md").write_text(readme(regions), encoding="utf-8")
    print(f"wrote {len(regions)} scenarios and README.md to {HERE}")


if __name__ == "__main__":
    main()
