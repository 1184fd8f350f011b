# METADATA
# title: Software requirements with unique, stable ids
# description: |
#   IEC 62304 §5.2 requires documented software requirements, including risk-control and
#   security requirements, and every later trace (tests, risk controls, change records) needs
#   stable ids to point at. samdscan reads requirements from Markdown, YAML, CSV, doorstop and
#   StrictDoc files under the requirement folders and requires at least one id matching
#   `verification.requirement_id`, each defined once.
# custom:
#   ko:
#     title: "고유하고 안정적인 ID를 가진 소프트웨어 요구사항"
#     description: |
#       IEC 62304 §5.2는 위험통제·보안 요구사항을 포함한 소프트웨어 요구사항의 문서화를 요구하며, 이후의 모든
#       추적(시험, 위험통제, 변경 기록)은 가리킬 안정적인 ID를 필요로 합니다. samdscan은 요구사항 폴더의
#       Markdown, YAML, CSV, doorstop, StrictDoc 파일(예: `요구사항 명세서`,
#       `소프트웨어 요구사항 명세서`)에서 요구사항을 읽고, `verification.requirement_id`에 맞는
#       ID가 하나 이상 있으며 각각 한 번만 정의되기를 요구합니다.
#     recommended_action: |
#       소프트웨어 요구사항을 저장소에 두고(예: 요구사항마다 `## REQ-1: 제목` 제목이나 표 행이 있는
#       `docs/requirements/srs.md`; docs/verification.md 참조), 모든 요구사항에
#       고유한 ID를 부여하고 재사용하지 마십시오. ID 형식이 다르면
#       `verification.requirement_id`를 설정하십시오.
#     applies: "모든 소프트웨어 안전성 등급."
#   id: MFDS-SWL-002
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [requirements.items, requirements.files?]
#   presence: true
#   applies: All safety classes.
#   recommended_action: |
#     Keep the software requirements in the repository, e.g. `docs/requirements/srs.md` with one
#     `## REQ-1: Title` heading (or table row) per requirement (see docs/verification.md), give
#     every requirement its own id and never reuse one. Set `verification.requirement_id` if your
#     ids have another form.
#   references:
#     - {source: "IEC 62304:2006+A1:2015", clause: "5.2", title: "Software requirements analysis"}
#     - {source: "MFDS medical device software approval/review guideline (안내서-0612-04, 2023-07-05)", title: "Software requirements specification"}
package samdscan.mfds.swl.requirements_ids

import data.samdscan.lib.documents
import rego.v1

items := i if {
	i := input.requirements.items
	is_array(i)
} else := []

files := f if {
	f := input.requirements.files
	is_array(f)
} else := []

looked_in := "looked in docs/requirements/**, requirements/**, *requirements*.md, SRS*, *.sdoc, needs.json, specifications titled \"Software Requirements\", doorstop documents and front matter requirement records" if {
	count(files) == 0
} else := sprintf("read %s", [concat(", ", [file_note(f) | some f in files])])

file_note(f) := sprintf("%s (an unfilled template)", [f.path]) if f.unfilled == true

else := f.path

deny contains f if {
	count(items) == 0
	f := documents.missing_ko("requirements", sprintf("no software requirement ids found (%s; ids must match `%s`, set by verification.requirement_id)", [looked_in, input.requirements.id_pattern]), sprintf("소프트웨어 요구사항 ID가 없습니다(%s; ID는 verification.requirement_id로 정한 `%s`에 맞아야 함)", [looked_in_ko, input.requirements.id_pattern]))
}

# Each id defined more than once, with its definitions in file order, found in n log n: the
# (id, position) pairs sorted and cut into runs where the id changes (a scan of every item per id
# would cost n x n on a large requirement set).
pairs := sort([[r.id, i] | some i, r in items])

run_starts := [j |
	some j, _ in pairs
	not same_id_as_previous(j)
]

same_id_as_previous(j) if {
	j > 0
	pairs[j - 1][0] == pairs[j][0]
}

run_end(k) := run_starts[k + 1] - 1 if k + 1 < count(run_starts)

else := count(pairs) - 1

duplicates contains [id, defs] if {
	some k, start in run_starts
	end := run_end(k)
	end > start
	id := pairs[start][0]
	defs := [items[pairs[j][1]] | some j in numbers.range(start, end)]
}

deny contains f if {
	some [id, defs] in duplicates
	where := [sprintf("%s:%d", [d.path, d.line]) | some d in defs]
	f := {
		"msg": sprintf("requirement id %s is defined %d times (%s); ids must be unique", [id, count(defs), concat(", ", where)]),
		"msg_ko": sprintf("요구사항 ID %s이(가) %d번 정의되어 있습니다(%s); ID는 고유해야 합니다", [id, count(defs), concat(", ", where)]),
		"path": defs[1].path,
		"line": defs[1].line,
		"key": sprintf("duplicate|%s", [id]),
	}
}

looked_in_ko := "docs/requirements/**, requirements/**, *requirements*.md, SRS*, *.sdoc, needs.json, \"소프트웨어 요구사항\" 제목의 명세서, doorstop 문서와 머리말(front matter)의 요구사항 기록을 확인함" if {
	count(files) == 0
} else := sprintf("읽은 파일: %s", [concat(", ", [file_note_ko(f) | some f in files])])

file_note_ko(f) := sprintf("%s(작성되지 않은 템플릿)", [f.path]) if f.unfilled == true

else := f.path
