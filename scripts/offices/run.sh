#!/bin/sh
# Office files muster's own generator does not make, judged by their own truth:
#   scripts/offices/run.sh [OUTDIR]   (default /tmp/muster-offices; needs `swift build` first)
# Writes the files, runs muster on them, and prints validation precision and recall and the
# registry's pairwise precision and recall of people.
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
REPOSITORY=$(cd "$HERE/../.." && pwd)
OUT=${1:-/tmp/muster-offices}
M="$REPOSITORY/.build/debug/muster"
rm -rf "$OUT"
python3 "$HERE/make_offices.py" "$OUT"
cd "$OUT"
"$M" run --pipeline pipeline.json --no-progress > run.out 2> run.err || echo "muster run exit $?"
"$M" quarantine --pipeline pipeline.json --show-pii --limit 100000 > quarantine.txt
python3 "$HERE/compare.py" "$OUT" > "$OUT/compare.txt"
head -6 "$OUT/compare.txt"
