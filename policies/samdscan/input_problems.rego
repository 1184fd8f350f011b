# METADATA
# title: Repository inputs samdscan could not use
# description: |
#   Evidence that cannot be read is not evidence: a malformed or binary file where a document was
#   expected, a file over the size cap, a symlink pointing outside the repository (never followed),
#   a file listed in the git index but missing on disk, or a path that is not UTF-8. Each is
#   reported with the file's path so that nothing passes silently.
# custom:
#   ko:
#     title: "samdscan이 사용할 수 없는 저장소 입력"
#     description: |
#       읽을 수 없는 증거는 증거가 아닙니다: 문서를 기대한 곳의 손상되었거나 바이너리인 파일, 크기 한도를 넘는 파일,
#       저장소 밖을 가리키는 심볼릭 링크(따라가지 않음), git 색인에 있지만 디스크에 없는 파일, UTF-8이 아닌
#       경로. 아무것도 조용히 통과하지 않도록 각각을 파일 경로와 함께 보고합니다.
#     recommended_action: |
#       발견사항에 적힌 파일을 고치거나 삭제하고, 정당한 증거 파일이 더 크면
#       `evidence.max_file_size`를 올리거나, 심볼릭 링크를 실제 파일로 바꾸십시오.
#     applies: "항상."
#   id: SAMDSCAN-004
#   severity: warning
#   precision: high
#   since: 0.1.0
#   pillar: tool
#   status: established
#   evidence: [diagnostics?, files]
#   applies: Always.
#   recommended_action: |
#     Fix or remove the file named in the finding, raise `evidence.max_file_size` if a legitimate
#     evidence file is larger, or replace the symlink with the file itself.
#   references:
#     - {source: "IEC 62304:2006+A1:2015", clause: "8.1", title: "Configuration identification"}
package samdscan.samdscan.input_problems

import rego.v1

deny contains f if {
	some d in input.diagnostics
	f := {"msg_ko": sprintf("%s: %s", [d.path, d.message]), "msg": sprintf("%s: %s", [d.path, d.message]), "path": d.path, "key": sprintf("diagnostic|%s|%s", [d.path, d.message])}
}

deny contains f if {
	some l in input.files.symlinks_outside
	f := {"msg_ko": sprintf("%s은(는) 저장소 밖의 %s을(를) 가리키는 심볼릭 링크이므로 따라가지 않았습니다", [l.path, l.target]), "msg": sprintf("%s is a symlink to %s, outside the repository; it was not followed", [l.path, l.target]), "key": sprintf("symlink|%s", [l.path])}
}

deny contains f if {
	some p in input.files.missing
	f := {"msg_ko": sprintf("%s은(는) git 색인에 있지만 작업 트리에 없습니다", [p]), "msg": sprintf("%s is in the git index but missing from the working tree", [p]), "key": sprintf("missing|%s", [p])}
}

deny contains f if {
	some s in input.files.skipped
	f := {"msg_ko": sprintf("%s을(를) 건너뛰었습니다: %s", [s.path, s.reason]), "msg": sprintf("%s was skipped: %s", [s.path, s.reason]), "key": sprintf("skipped|%s", [s.path])}
}
