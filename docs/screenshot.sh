#!/usr/bin/env bash
# Regenerates docs/report-screenshot.png, the picture in the README: the demo's HTML report as headless Chromium
# draws it at 1280 px, scrolled to its heatmap and department map. Needs Debian's chromium package.
#   docs/screenshot.sh            # light colour scheme
#   docs/screenshot.sh --dark     # dark, into docs/report-screenshot-dark.png
set -euo pipefail
cd "$(dirname "$0")/.."
chromium=$(command -v chromium || command -v chromium-browser || command -v google-chrome) \
  || { echo "docs/screenshot.sh needs Chromium: apt-get install chromium" >&2; exit 1; }
out="$PWD/docs/report-screenshot.png"
scheme=()
if [ "${1:-}" = "--dark" ]; then out="$PWD/docs/report-screenshot-dark.png"; scheme=(--force-dark-mode); fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -q --product orgmap
"$(swift build --show-bin-path)/orgmap" demo --format html > "$work/report.html"
# The page itself stays as it is: a frame shows it scrolled to the pictures.
cat > "$work/frame.html" <<'HTML'
<!DOCTYPE html><html><body style="margin:0"><iframe src="report.html#matrix" width="1280" height="1240" style="border:0;display:block"></iframe></body></html>
HTML
"$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" "${scheme[@]}" \
  --window-size=1280,1240 --virtual-time-budget=3000 --screenshot="$out" "file://$work/frame.html" 2>/dev/null
echo "Wrote $out"
