#!/usr/bin/env bash
# materialise.sh EXAMPLE DIR: builds example EXAMPLE (its number, e.g. 04, or its folder name) as
# the git repository DIR, the one way for every user of the examples (the test suite, .ci, you).
#
# An example folder with an overlay.yaml holds only what differs from its base example:
#   base: 01-cardiowatch-compliant     # the example it starts from (itself possibly an overlay)
#   delete:                            # optional: files of the base it does not have
#     - docs/soup/soup-list.md
# Its other files are added to, or replace, the base's. A folder without overlay.yaml is complete.
# The files go into DIR, which gets one commit `Import example (CR-1)` with a `Reviewed-by:`
# trailer (the import is a traced, reviewed change: examples fail only for their own reasons),
# dated 2026-10-01 (the examples are judged at that date); then the example's own history.sh, if
# any, runs inside DIR to add the later history it is about. Neither file is copied into DIR.
set -euo pipefail

examples=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

die() {
  echo "materialise.sh: $*" >&2
  exit 2
}

# folder NAME: the example folder that NAME (a number or a folder name) names.
folder() {
  local matches=()
  case $1 in '' | */* | .*) die "'$1' is not an example name" ;; esac
  [ -f "$examples/$1/README.md" ] && matches=("$examples/$1")
  [ ${#matches[@]} -gt 0 ] || for dir in "$examples/$1"-*/; do
    [ -f "$dir/README.md" ] && matches+=("${dir%/}")
  done
  [ ${#matches[@]} -eq 1 ] || die "no single example is named '$1' (see $examples)"
  echo "${matches[0]}"
}

# read_overlay FILE: sets `base` and the `deletes` array from an overlay.yaml; dies naming the
# file and line of anything else.
read_overlay() {
  local file=$1 n=0 line in_delete=false
  base="" deletes=()
  while IFS= read -r line || [ -n "$line" ]; do
    n=$((n + 1))
    case $line in
      '' | '#'*) ;;
      'base: '*) base=${line#base: } in_delete=false ;;
      'delete:') in_delete=true ;;
      '  - '*)
        $in_delete || die "$file:$n: a list item outside 'delete:'"
        deletes+=("${line#  - }")
        ;;
      *) die "$file:$n: expected 'base: EXAMPLE', 'delete:' or '  - PATH', found: $line" ;;
    esac
  done <"$file"
  [ -n "$base" ] || die "$file: no 'base:'"
}

# copy_files FOLDER DEST [CHAIN]: the files of example FOLDER, its base's first, into DEST.
# CHAIN lists the examples already on the way down, to refuse a base that loops.
copy_files() {
  local dir=$1 dest=$2 chain="${3:-} $1 " overlay=$1/overlay.yaml base_dir path
  if [ -f "$overlay" ]; then
    read_overlay "$overlay"
    local own_base=$base own_deletes=(${deletes[@]+"${deletes[@]}"})
    base_dir=$(folder "$own_base")
    case $chain in *" $base_dir "*) die "$overlay: base $own_base leads back to itself" ;; esac
    copy_files "$base_dir" "$dest" "$chain"
    for path in ${own_deletes[@]+"${own_deletes[@]}"}; do
      [ -f "$dest/$path" ] || die "$overlay: deletes $path, which $own_base does not have"
      rm "$dest/$path"
    done
  fi
  cp -R "$dir/." "$dest/"
  rm -f "$dest/overlay.yaml" "$dest/history.sh"
}

[ $# -eq 2 ] || die "usage: materialise.sh EXAMPLE DIR (EXAMPLE: a number such as 04, or a folder name)"
example=$(folder "$1")
repo=$2
[ ! -e "$repo" ] || [ -z "$(ls -A "$repo")" ] || die "$repo exists and is not empty"
mkdir -p "$repo"
copy_files "$example" "$repo"

# The same commits on every machine: no user or system git config, a fixed identity and date.
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.com
export GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.com
export GIT_AUTHOR_DATE=2026-10-01T12:00:00Z GIT_COMMITTER_DATE=2026-10-01T12:00:00Z
cd "$repo"
git -c init.defaultBranch=main init -q
git add -A
git commit -q -m "Import example (CR-1)" -m "Reviewed-by: Quality Assurance <qa@example.com>"
if [ -f "$example/history.sh" ]; then
  bash "$example/history.sh" >&2
fi
echo "$(basename "$example") is in $repo"
