# Helpers over `input.history` shared by the git-history rules: why history cannot be judged,
# the commits in scope, which areas a commit touched, the file a finding about a commit points
# at, and how a commit is named in messages.
package samdscan.lib.history

import rego.v1

# Why the history cannot support a judgement (non-empty: the rule is "not evaluated").
unusable contains r if {
	input.history.available != true
	r := {
		"msg": sprintf("git history not available: %s", [input.history.reason]),
		"msg_ko": sprintf("git 이력을 사용할 수 없습니다: %s", [input.history.reason]),
	}
}

unusable contains r if {
	input.history.available == true
	input.history.truncated == true
	r := {"msg": "the history in scope is cut short by a shallow clone; fetch the full history (for example actions/checkout with fetch-depth: 0)", "msg_ko": "범위 안의 이력이 얕은 복제로 잘려 있습니다. 전체 이력을 가져오십시오(예: actions/checkout의 fetch-depth: 0)"}
}

commits := c if {
	c := input.history.commits
	is_array(c)
} else := []

# Commits that changed files themselves (merges and shallow boundaries excluded).
own_changes(c) if {
	not c.merge
	not c.shallow_boundary
	count(c.changes) > 0
}

touches(c, area) if area in c.areas

# The merge on the first-parent line that brought `c` in (`input.history.merges`, keyed by id:
# its references, the areas of the commits it brought in), looked up, never searched for.
merge_of(c) := m if {
	is_string(c.merged_by)
	m := input.history.merges[c.merged_by]
}

# A merge whose message names a change request brought `c` in (a pull request's merge).
covered_by_merge(c) if count(merge_of(c).references) > 0

# The software systems a commit touched (`system:<name>` areas).
systems_touched(c) := {substring(a, 7, -1) | some a in c.areas; startswith(a, "system:")}

# Some commit in scope changed a file of `area`.
range_touches(area) if {
	some c in commits
	touches(c, area)
}

# A file of `area` (or of an area named `area:...`) the commit changed and that still exists,
# else any file it changed that still exists, else the last path of a file of `area` it
# deleted, else of any file it deleted.
path_in(c, area) := p if {
	ps := [ch.path | some ch in c.changes; in_area(ch, area); ch.status != "deleted"]
	count(ps) > 0
	p := ps[0]
} else := p if {
	ps := [ch.path | some ch in c.changes; ch.status != "deleted"]
	count(ps) > 0
	p := ps[0]
} else := p if {
	ps := [ch.path | some ch in c.changes; in_area(ch, area)]
	count(ps) > 0
	p := ps[0]
} else := p if {
	ps := [ch.path | some ch in c.changes]
	count(ps) > 0
	p := ps[0]
} else := null

# An area is named whole (`system:app` is not `system:apple`), or as the kind of a named area
# (`system` is every `system:<name>`).
in_area(change, area) if {
	some a in change.areas
	a == area
}

in_area(change, area) if {
	some a in change.areas
	startswith(a, concat("", [area, ":"]))
}

# `abc1234 "Subject"`: how findings name a commit.
label(c) := sprintf("%s \"%s\"", [c.short_id, c.subject])

# A trailer of the commit with this key (case-insensitive) and a non-empty value.
has_trailer(c, key) if {
	some t in c.trailers
	lower(t.key) == lower(key)
	t.value != ""
}

# Release tags whose commit is the tip or one of its ancestors.
releases := [t | some t in input.history.tags; t.release; t.reachable == true]

# Why a rule that judges every release tag cannot pass: a narrowed scope (a number of commits,
# a date, a revision) or a --base scan checks only the newest release tags (the others have
# `reachable: null`).
tags_unchecked contains r if {
	n := object.get(input.history, "release_tags_unchecked", 0)
	n > 0
	r := {
		"msg": sprintf("%d older release tags were not checked in this history scope (%s): history.scope: all, or --since all, checks every release tag", [n, input.history.scope.description]),
		"msg_ko": sprintf("이 이력 범위(%s)에서는 오래된 릴리스 태그 %d개를 확인하지 않았습니다: history.scope: all 또는 --since all로 모든 릴리스 태그를 확인합니다", [input.history.scope.description, n]),
	}
}

# Why a rule over the release parts cannot pass: a narrowed scope (a number of commits, a date, a
# revision) or a --base scan compared `n` fewer releases (`what`, `what_ko`: which ones) than the
# default scope would.
releases_narrowed(n, what, what_ko) := {
	"msg": sprintf("%d older %s were not checked in this history scope (%s): the default scope or history.scope: all checks them", [n, what, input.history.scope.description]),
	"msg_ko": sprintf("이 이력 범위(%s)에서는 오래된 %s %d개를 확인하지 않았습니다: 기본 범위 또는 history.scope: all로 확인합니다", [input.history.scope.description, what_ko, n]),
}
