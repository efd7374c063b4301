#!/usr/bin/env python3
"""Compiles data/wilayah/dki_jakarta_wilayah.csv into
Sources/MusterStages/Normalize/WilayahTable.swift.

Run from the repository root after updating the CSV:

    python3 scripts/generate-wilayah-table.py

The output is a generated file: edit the CSV (and its SOURCE.md), never the Swift.
"""
import csv
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "wilayah" / "dki_jakarta_wilayah.csv"
TARGET = ROOT / "Sources" / "MusterStages" / "Normalize" / "WilayahTable.swift"


def swift_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    with SOURCE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    lines = [
        "// GENERATED FILE. DO NOT EDIT!",
        "// Made by scripts/generate-wilayah-table.py from data/wilayah/dki_jakarta_wilayah.csv.",
        "// Region codes and names: cahyadsn/wilayah (MIT, Copyright (c) 2017-2025 Cahya DSN),",
        "// postal codes: cahyadsn/wilayah_kodepos (MIT, Copyright (c) 2024 Cahya DSN); codes per",
        "// Kepmendagri 2025. See data/wilayah/SOURCE.md, LICENSE and LICENSE-kodepos.",
        "",
        "/// The official DKI Jakarta region list (Kemendagri codes, dotted), compiled from the",
        "/// project's copy of the data so normalize needs no file at run time.",
        "enum WilayahTable {",
        "    /// Kota/kabupaten: code, official name.",
        "    static let regencies: [(code: String, name: String)] = [",
    ]
    for row in rows:
        if row["level"] == "kabupaten_kota":
            lines.append(f"        ({swift_string(row['code'])}, {swift_string(row['name'])}),")
    lines += ["    ]", "", "    /// Kecamatan: code, official name.", "    static let kecamatan: [(code: String, name: String)] = ["]
    for row in rows:
        if row["level"] == "kecamatan":
            lines.append(f"        ({swift_string(row['code'])}, {swift_string(row['name'])}),")
    lines += [
        "    ]",
        "",
        "    /// Kelurahan: code (its kecamatan's code plus one part), official name, postal code.",
        "    static let kelurahan: [(code: String, name: String, postalCode: String)] = [",
    ]
    for row in rows:
        if row["level"] == "kelurahan":
            lines.append(
                f"        ({swift_string(row['code'])}, {swift_string(row['name'])}, {swift_string(row['postal_code'])}),"
            )
    lines += ["    ]", "}", ""]
    TARGET.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
