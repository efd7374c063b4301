#!/usr/bin/env bash
# Renders a run's report.html in headless Chromium (Debian's package) and checks that
# every figure the page shows (each element with data-key) equals the same figure in the
# run's report.json. Also saves a screenshot, report.png, beside the report.
#
#   scripts/check-report-html.sh .muster/runs/<run-id>          # installs chromium if missing (root, apt)
#   scripts/check-report-html.sh --no-install .muster/runs/<id>  # exit 77 if chromium is missing
#
# Exit: 0 the page rendered and its figures match; 1 a mismatch or the page did not
# render; 77 chromium is not installed (and --no-install); 64 bad usage.
set -euo pipefail

install=1
if [[ "${1:-}" == "--no-install" ]]; then install=0; shift; fi
dir="${1:-}"
if [[ -z "$dir" || ! -f "$dir/report.json" || ! -f "$dir/report.html" ]]; then
    echo "usage: $0 [--no-install] RUN_DIRECTORY (holding report.json and report.html)" >&2
    exit 64
fi
dir="$(cd "$dir" && pwd)"

browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$browser" ]]; then
    if [[ $install -eq 0 ]]; then
        echo "chromium is not installed: the report was NOT checked in a browser" >&2
        exit 77
    fi
    echo "installing chromium (apt-get install -y chromium) …" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    browser="$(command -v chromium)"
fi

flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --hide-scrollbars)
dom="$(mktemp)"
trap 'rm -f "$dom"' EXIT
"$browser" "${flags[@]}" --dump-dom "file://$dir/report.html" >"$dom" 2>/dev/null
"$browser" "${flags[@]}" --window-size=1280,2400 --screenshot="$dir/report.png" "file://$dir/report.html" >/dev/null 2>&1 || true

python3 - "$dir/report.json" "$dom" <<'PY'
import html.parser, json, re, sys

report = json.load(open(sys.argv[1]))
dom = open(sys.argv[2], encoding="utf-8").read()

class Figures(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.figures = [], []
    def handle_starttag(self, tag, attrs):
        key = dict(attrs).get("data-key")
        self.stack.append([key, ""] if key else None)
    def handle_endtag(self, tag):
        if self.stack:
            item = self.stack.pop()
            if item:
                self.figures.append((item[0], item[1].strip()))
    def handle_data(self, data):
        for item in self.stack:
            if item:
                item[1] += data

def resolve(path):
    value = report
    for name, index in re.findall(r"([A-Za-z]+)(?:\[(\d+)\])?", path):
        if name == "count" and isinstance(value, list):
            value = len(value); continue
        value = value[name]
        if index:
            value = value[int(index)]
    return value

def shown(value):
    if isinstance(value, bool):
        return {"balance", "do NOT balance"}
    if value is None:
        return {"—"}
    return {str(value)}

parser = Figures()
parser.feed(dom)
if "<body" not in dom or not parser.figures:
    print("report.html did not render: no figures in the DOM", file=sys.stderr); sys.exit(1)
wrong = []
for key, text in parser.figures:
    expected = resolve(key)
    if isinstance(expected, bool):
        ok = text == ("balance" if expected else "do NOT balance")
    else:
        ok = text in shown(expected)
    if not ok:
        wrong.append(f"{key}: page shows {text!r}, report.json has {expected!r}")
for required in ("books.recordsIn", "books.accepted", "books.quarantined", "books.merged", "books.participants"):
    if required not in {key for key, _ in parser.figures}:
        wrong.append(f"{required}: not on the page")
if wrong:
    print("\n".join(wrong), file=sys.stderr); sys.exit(1)
print(f"report.html rendered in Chromium; {len(parser.figures)} figures match report.json")
PY
