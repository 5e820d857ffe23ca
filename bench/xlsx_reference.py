#!/usr/bin/env python3
"""Reading an org chart workbook in Python with openpyxl, as a Python user would: the reference for
orgmap's Excel reader (Sources/OrgImport/Excel).

It opens the workbook with `openpyxl.load_workbook(path, read_only=True)` (openpyxl's streaming mode), takes
the first sheet, or the one named with --sheet, and iterates every row's values. It prints how many rows
it read, how many of them hold a value (orgmap's reader skips rows without one), and the seconds taken.

Usage: xlsx_reference.py WORKBOOK [--sheet NAME]
"""

import argparse
import sys
import time

import openpyxl


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("workbook")
    parser.add_argument("--sheet", help="the sheet to read (default: the first)")
    args = parser.parse_args()

    started = time.monotonic()
    workbook = openpyxl.load_workbook(args.workbook, read_only=True)
    sheet = workbook[args.sheet] if args.sheet else workbook.worksheets[0]
    rows = 0
    with_values = 0
    cells = 0
    for values in sheet.iter_rows(values_only=True):
        rows += 1
        present = sum(1 for value in values if value is not None and value != "")
        if present:
            with_values += 1
            cells += present
    workbook.close()
    seconds = time.monotonic() - started

    print(f"sheet: {sheet.title}")
    print(f"rows: {rows}")
    print(f"rows with a value: {with_values}")
    print(f"cells with a value: {cells}")
    print(f"seconds: {seconds:.2f}")


if __name__ == "__main__":
    sys.exit(main())
