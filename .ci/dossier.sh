#!/usr/bin/env bash
# The readiness dossier in a real browser, and the tool-validation self-test:
#   1. renders the English and Korean dossiers of a passing (01) and a failing (03) example
#      with headless Chromium (Debian package) to PNG and PDF;
#   2. checks each page logs no console message (a CSP violation or script error would) and
#      makes no request but for its own file: Chromium's net log lists every URL it fetched,
#      and Chromium itself calls a few Google hosts whatever it shows, so a host also called
#      for an empty page is the browser's, any other one the page's; and the HTML names no
#      address to load (no src, no url(), no link or import);
#   3. validates the HTML with html5lib in strict mode (a parse error fails);
#   4. runs `samdscan self-test`, which must pass.
# Installs chromium (apt) and html5lib (pip) when missing; about a minute on 2 cores.
# Prints `N passed, N failed` and exits 1 when a check failed.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source-path=SCRIPTDIR source=checks.sh
. "$root/.ci/checks.sh"

if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
python3 -c 'import html5lib' 2>/dev/null || pip install -q --break-system-packages html5lib 2>/dev/null || pip install -q html5lib

cd "$root"
[ -n "${SAMDSCAN_BIN:-}" ] || cargo build --locked --release -q
bin=${SAMDSCAN_BIN:-$root/target/release/samdscan}

bash examples/materialise.sh 01 "$work/01" >/dev/null
bash examples/materialise.sh 03 "$work/03" >/dev/null

chrome() {
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" "$@"
}

# hosts NETLOG: the hosts of the http(s) URLs a net log lists, one a line.
hosts() {
  grep -o '"url":"https\?://[^/"]*' "$1" | sed 's|.*//||' | sort -u || true
}
# own_requests_only NETLOG PAGE: no URL in the net log but PAGE and the browser's own hosts.
own_requests_only() {
  local other
  other=$(grep -o '"url":"[^"]*' "$1" | sed 's|"url":"||' | grep -vxF "$2" |
    grep -vE "^https?://($(paste -sd'|' "$work/browser-hosts" | sed 's/\./\\./g'))/" || true)
  [ -z "$other" ] || { echo "$other"; return 1; }
}
# names_no_address HTML: no element or style that loads something.
names_no_address() {
  ! grep -niE '<(script|link|img|iframe|object|embed)|src=|url\(|@import|href="[a-z]+:' "$1"
}
printf '<!DOCTYPE html><html lang="en"><title>empty</title></html>\n' >"$work/empty.html"
chrome --log-net-log="$work/empty.netlog.json" --dump-dom "file://$work/empty.html" >/dev/null 2>&1 || true
hosts "$work/empty.netlog.json" >"$work/browser-hosts"

for example in 01 03; do
  for lang in en ko; do
    name="$example-$lang"
    page="$work/$name.html"
    "$bin" scan "$work/$example" --format html --lang "$lang" --fail-on never -o "$page"
    chrome --enable-logging=stderr --v=0 --log-net-log="$work/$name.netlog.json" \
      --dump-dom "file://$page" >"$work/$name.dom" 2>"$work/$name.log" || true
    check "$name: the page renders (its cover heading is in the DOM)" \
      grep -q 'id="cover"' "$work/$name.dom"
    check "$name: no console message" \
      bash -c "! grep -E 'CONSOLE|Refused to|Content Security Policy' '$work/$name.log'"
    check "$name: no request but its own file" own_requests_only "$work/$name.netlog.json" "file://$page"
    check "$name: the HTML names no address to load" names_no_address "$page"
    chrome --screenshot="$work/$name.png" --window-size=1280,1600 --hide-scrollbars "file://$page" >/dev/null 2>&1 || true
    check "$name: PNG rendered" test -s "$work/$name.png"
    chrome --print-to-pdf="$work/$name.pdf" --no-pdf-header-footer "file://$page" >/dev/null 2>&1 || true
    check "$name: PDF rendered" bash -c "head -c 5 '$work/$name.pdf' | grep -q '%PDF-'"
    check "$name: valid HTML (html5lib, strict)" python3 -c '
import sys, html5lib
html5lib.HTMLParser(strict=True).parse(open(sys.argv[1], "rb"))' "$page"
    if [ -n "${SAMDSCAN_DOSSIER_IMAGES:-}" ]; then cp "$work/$name.png" "$SAMDSCAN_DOSSIER_IMAGES/dossier-$name.png"; fi
  done
done

check "samdscan self-test passes" "$bin" self-test
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
