#!/usr/bin/env python3
"""The leader metrics of orgmap's report computed with pandas from the same CSV files, as an analyst's notebook
would: the reference for `orgmap report` in bench/run (issue 16).

It reads the org chart and the links, takes the engineering departments given with --engineering (a notebook
would write its list by hand; bench/run passes the ones orgmap's JSON report names), and for every
engineering leader (someone in engineering with direct reports, or a leadership title) sums the weight of
their links inside their own department, to the rest of engineering and to the business, per business
department reached, and computes Krackhardt's E-I index on weights. Links are undirected: each counts for
both people. It prints how many leaders it found, how many have a defined E-I, a checksum of the E-I values
and the seconds taken; with --json it also writes {leader id: E-I} for bench/run to compare with orgmap's.

Usage: report_reference.py PEOPLE_CSV LINKS_CSV --engineering "Engineering;Platform;..." [--json FILE]
"""

import argparse
import json
import re
import sys
import time

import pandas as pd

LEADERSHIP_TITLE = re.compile(r"\b(?:chief|cto|cio|vp|vice president|director|head|manager|lead)\b", re.IGNORECASE)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("people")
    parser.add_argument("links")
    parser.add_argument("--engineering", required=True, help="engineering departments, separated by ';'")
    parser.add_argument("--json", help="write {leader id: E-I index} here")
    args = parser.parse_args()
    engineering = set(args.engineering.split(";"))

    started = time.monotonic()
    people = pd.read_csv(args.people, dtype=str, keep_default_na=False)
    people = people.rename(columns={"Employee ID": "id", "Job Title": "title", "Department": "department", "Manager ID": "manager"})
    links = pd.read_csv(args.links, usecols=["source", "target", "weight"], dtype={"source": str, "target": str, "weight": float})

    people["engineering"] = people["department"].isin(engineering)
    reports = people.loc[people["manager"] != "", "manager"].value_counts()
    people["reports"] = people["id"].map(reports).fillna(0).astype(int)
    people["leader"] = people["engineering"] & ((people["reports"] > 0) | people["title"].str.contains(LEADERSHIP_TITLE))

    # Every link for both its people; self-links and people outside the org chart left out.
    both = pd.concat([
        links.rename(columns={"source": "person", "target": "other"}),
        links.rename(columns={"target": "person", "source": "other"}),
    ], ignore_index=True)
    both = both[both["person"] != both["other"]]
    leaders = people.loc[people["leader"], ["id", "department"]].rename(columns={"id": "person", "department": "own"})
    mine = both.merge(leaders, on="person")
    mine = mine.merge(people[["id", "department", "engineering"]].rename(columns={"id": "other"}), on="other")

    mine["side"] = "business"
    mine.loc[mine["engineering"] & (mine["department"] == mine["own"]), "side"] = "own"
    mine.loc[mine["engineering"] & (mine["department"] != mine["own"]), "side"] = "other_engineering"
    sums = mine.pivot_table(index="person", columns="side", values="weight", aggfunc="sum", fill_value=0.0)
    for side in ["own", "other_engineering", "business"]:
        if side not in sums:
            sums[side] = 0.0
    internal = sums["own"] + sums["other_engineering"]
    external = sums["business"]
    ei = ((external - internal) / (external + internal)).where(external + internal > 0)
    reached = mine[~mine["engineering"]].groupby("person")["department"].nunique()
    seconds = time.monotonic() - started

    defined = ei.dropna()
    print(f"leaders: {int(people['leader'].sum())}")
    print(f"leaders with links: {len(sums)}")
    print(f"leaders with an E-I index: {len(defined)}")
    print(f"E-I checksum: {defined.sum():.6f}")
    print(f"business departments reached, in all: {int(reached.sum())}")
    print(f"seconds: {seconds:.2f}")
    if args.json:
        with open(args.json, "w") as out:
            json.dump({person: value for person, value in defined.items()}, out)


if __name__ == "__main__":
    sys.exit(main())
