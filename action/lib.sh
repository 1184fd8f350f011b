# shellcheck shell=bash
# Helpers shared by the action's step scripts (sourced, never run on its own).
#
# Every message that can carry user input goes through `escape`, so that a value with a line
# break cannot smuggle a workflow command; every step output goes through `set_output`.

set -euo pipefail

# escape TEXT: TEXT made safe for a workflow-command message.
escape() {
  local s=${1//'%'/%25}
  s=${s//$'\r'/%0D}
  s=${s//$'\n'/%0A}
  printf '%s' "$s"
}

# fail MESSAGE: an error annotation, then exit 2 (the step fails).
fail() {
  printf '::error title=samdscan::%s\n' "$(escape "$*")"
  exit 2
}

notice() { printf '::notice title=samdscan::%s\n' "$(escape "$*")"; }
warning() { printf '::warning title=samdscan::%s\n' "$(escape "$*")"; }

# set_output NAME VALUE: a step output (a value with a line break is refused).
set_output() {
  case $2 in *$'\n'* | *$'\r'*) fail "output $1 would contain a line break" ;; esac
  printf '%s=%s\n' "$1" "$2" >>"${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"
}

# sha256 FILE...: `HEX  FILE` lines, with sha256sum (Linux, Git for Windows) or shasum (macOS).
sha256() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$@"
  elif command -v shasum >/dev/null 2>&1; then
    shasum -a 256 "$@"
  else
    fail "neither sha256sum nor shasum is installed"
  fi
}

# The action's own checkout (the folder above action/).
action_dir() { (cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd); }

# exe_name: `samdscan.exe` on Windows, `samdscan` elsewhere.
exe_name() {
  case ${RUNNER_OS:-$(uname -s)} in
    Windows | MINGW* | MSYS* | CYGWIN*) echo samdscan.exe ;;
    *) echo samdscan ;;
  esac
}
