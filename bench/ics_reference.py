#!/usr/bin/env python3
"""The reading `orgmap import links FOLDER` does, in Python with `icalendar` and `recurring-ical-events`.

bench/run times it side by side with orgmap on the same calendar files, and compares what both count.
It does the same work as orgmap's reading: every VEVENT of each file (sorted by path, as orgmap reads a
folder) expanded in the window [since, until) of local start dates; each occurrence counted once across files
by (UID, original start: RECURRENCE-ID, or the generated DTSTART, as a UTC instant), the copy with the highest
SEQUENCE kept (the first read on a tie); cancelled, all-day, one-person and crowded (more than
--max-attendees) meetings left out; participants the organizer and every attendee with a mailto address who
did not decline and is not a room, resource or non-participant, lowercased, once each. Every pair of people of
the org chart in a meeting of n participants gets 1/(n-1).

Usage: ics_reference.py FOLDER --since YYYY-MM-DD --until YYYY-MM-DD [--people people.csv] [--pairs out.csv]
"""

import argparse
import csv
import datetime
import os
import sys
import time
from collections import defaultdict

import icalendar
import recurring_ical_events

SKIPPED_STATUSES = {"DECLINED"}
NOT_PEOPLE = {"ROOM", "RESOURCE"}


def address(prop):
    """The participant's address, lowercased: the EMAIL parameter, else a mailto: value; None without one."""
    email = prop.params.get("EMAIL")
    if email:
        text = str(email).strip(" \t")
        if text.lower().startswith("mailto:"):
            text = text[7:].strip(" \t")
        if text:
            return text.lower()
    text = str(prop).strip(" \t")
    if not text.lower().startswith("mailto:"):
        return None
    text = text[7:].strip(" \t")
    return text.lower() or None


def attending(prop):
    params = prop.params
    return (
        str(params.get("PARTSTAT", "")).upper() not in SKIPPED_STATUSES
        and str(params.get("CUTYPE", "")).upper() not in NOT_PEOPLE
        and str(params.get("ROLE", "")).upper() != "NON-PARTICIPANT"
    )


def participants(event):
    """Organizer first, then attendees, each address once."""
    found = []
    organizer = event.get("ORGANIZER")
    if organizer is not None:
        a = address(organizer)
        if a:
            found.append(a)
    attendees = event.get("ATTENDEE", [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    for attendee in attendees:
        if attending(attendee):
            a = address(attendee)
            if a and a not in found:
                found.append(a)
    return found


def instant(value):
    """A DATE or DATE-TIME as seconds since 1970 UTC; floating times and dates read as UTC, as orgmap does."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.timezone.utc)
        return int(value.timestamp())
    return (value - datetime.date(1970, 1, 1)).days * 86400


def local_date(value):
    return value.date() if isinstance(value, datetime.datetime) else value


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--since", required=True)
    parser.add_argument("--until", required=True)
    parser.add_argument("--max-attendees", type=int, default=25)
    parser.add_argument("--people", help="the org chart CSV: pairs only between its emails (default: every address)")
    parser.add_argument("--pairs", help="write each pair's weight to this CSV")
    args = parser.parse_args()
    since = datetime.date.fromisoformat(args.since)
    until = datetime.date.fromisoformat(args.until)
    people = None
    if args.people:
        with open(args.people, newline="", encoding="utf-8") as f:
            reader = csv.reader(f)
            header = [h.strip().lower() for h in next(reader)]
            column = header.index("email")
            people = {row[column].strip().lower() for row in reader if len(row) > column}

    started = time.monotonic()
    paths = sorted(
        os.path.relpath(os.path.join(root, name), args.folder)
        for root, _, names in os.walk(args.folder)
        for name in names
        if name.lower().endswith(".ics")
    )
    # Wide enough for any occurrence whose local start date is in the window, whatever its zone and length.
    query_start = since - datetime.timedelta(days=2)
    query_end = until + datetime.timedelta(days=2)
    kept = {}  # (uid, original start) -> (sequence, skip reason or None, participants)
    occurrences = 0
    events = 0
    duplicates = 0
    for path in paths:
        with open(os.path.join(args.folder, path), "rb") as f:
            calendar = icalendar.Calendar.from_ical(f.read())
        method = str(calendar.get("METHOD", "PUBLISH")).strip().upper()
        events += len(calendar.walk("VEVENT"))
        if method not in ("PUBLISH", "REQUEST"):
            continue
        for event in recurring_ical_events.of(calendar).between(query_start, query_end):
            start = event["DTSTART"].dt
            if not since <= local_date(start) < until:
                continue
            occurrences += 1
            key = (str(event["UID"]), instant(event["RECURRENCE-ID"].dt))
            sequence = int(event.get("SEQUENCE", 0))
            previous = kept.get(key)
            if previous is not None:
                duplicates += 1
                if sequence <= previous[0]:
                    continue
            who = participants(event)
            if str(event.get("STATUS", "")).upper() == "CANCELLED":
                skip = "cancelled"
            elif not isinstance(start, datetime.datetime):
                skip = "all-day"
            elif len(who) < 2:
                skip = "fewer than 2 participants"
            elif len(who) > args.max_attendees:
                skip = "more than --max-attendees participants"
            else:
                skip = None
            kept[key] = (sequence, skip, who)

    weights = defaultdict(float)
    skips = defaultdict(int)
    counted = 0
    for _, skip, who in kept.values():
        if skip:
            skips[skip] += 1
            continue
        counted += 1
        share = 1 / (len(who) - 1)
        present = sorted(a for a in who if people is None or a in people)
        for i, a in enumerate(present):
            for b in present[i + 1:]:
                weights[(a, b)] += share
    seconds = time.monotonic() - started

    left_out = ", ".join(f"{n} {reason}" for reason, n in sorted(skips.items()))
    print(f"files: {len(paths)}")
    print(f"events: {events}")
    print(f"occurrences read: {occurrences}")
    print(f"duplicates: {duplicates}")
    print(f"unique meetings counted: {counted}")
    print(f"left out: {left_out}")
    print(f"pairs: {len(weights)}")
    print(f"total weight: {sum(weights.values()):.6f}")
    print(f"seconds: {seconds:.2f}")
    if args.pairs:
        with open(args.pairs, "w", newline="") as f:
            out = csv.writer(f)
            out.writerow(["a", "b", "weight"])
            for (a, b), w in sorted(weights.items()):
                out.writerow([a, b, f"{w:.9f}"])


if __name__ == "__main__":
    sys.exit(main())
