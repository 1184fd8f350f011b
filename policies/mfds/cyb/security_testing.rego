# METADATA
# title: Security testing and static-analysis evidence
# description: |
#   IEC 81001-5-1 §5.7 asks for security requirements, threat mitigation and vulnerability
#   testing, and the MFDS guidance asks for the verification data of the cybersecurity
#   requirements. From a repository that shows as: a CI workflow that runs a static analyser
#   (CodeQL, Semgrep, cargo-deny, cargo-audit, clippy with -D warnings, Bandit, ESLint security
#   rules, gosec...), its results committed as SARIF with no error-level result left without a
#   suppression justification, a secure-coding standard, and fuzzing harnesses when the product
#   has modules that parse external input (named parse, decode, DICOM, HL7 or FHIR). Tools are
#   found by name in the workflow files.
# custom:
#   ko:
#     title: "보안 시험과 정적 분석 증거"
#     description: |
#       IEC 81001-5-1 §5.7은 보안 요구사항 시험, 위협 완화 시험, 취약점 시험을 요구하고, 식약처 지침은 사이버보안
#       요구사항의 검증 자료를 요구합니다. 저장소에서는 다음으로 드러납니다: 정적 분석 도구(CodeQL, Semgrep,
#       cargo-deny, cargo-audit, -D warnings의 clippy, Bandit, ESLint 보안 규칙, gosec 등)를 실행하는 CI
#       워크플로, 억제 사유 없이 남은 오류 수준 결과가 없는 SARIF 결과, 시큐어 코딩 표준, 그리고 외부 입력을
#       해석하는 모듈(parse, decode, DICOM, HL7, FHIR라는 이름)이 있으면 퍼징 하네스. 도구는 워크플로 파일의
#       이름으로 찾습니다.
#     recommended_action: |
#       CI(`.github/workflows/`)에서 정적 분석(예: `semgrep ci --sarif`, CodeQL, Bandit)을 실행하고 릴리스의
#       SARIF 결과를 커밋하되, 오류 수준 결과는 고치거나 억제 사유(`suppressions[].justification`)를 적으십시오.
#       `docs/security/secure-coding.md`(시큐어 코딩 표준)를 두고, 외부 입력 파서에는 `fuzz/`(cargo-fuzz,
#       Atheris, ClusterFuzzLite) 퍼징 대상을 추가하십시오.
#     applies: "네트워크 연결 제품."
#   id: MFDS-CYB-010
#   severity: warning
#   precision: medium
#   since: 0.2.0
#   pillar: P2
#   status: established
#   evidence: [security_testing, documents.secure_coding_standard, source_modules.modules?]
#   presence: true
#   applies: Connected products.
#   recommended_action: |
#     Run static analysis in CI (`.github/workflows/`; e.g. `semgrep ci --sarif`, CodeQL, Bandit)
#     and commit the release's SARIF results, fixing each error-level result or giving its
#     suppression a justification (`suppressions[].justification`). Keep a secure-coding standard
#     (`docs/security/secure-coding.md`) and add fuzz targets (`fuzz/`: cargo-fuzz, Atheris,
#     ClusterFuzzLite) for the parsers of external input.
#   references:
#     - {source: "IEC 81001-5-1:2021", clause: "5.7", title: "Software system testing"}
#     - {source: "IEC 81001-5-1:2021", clause: "5.5.1", title: "Secure coding standards"}
#     - {source: "MFDS medical device cybersecurity approval/review guideline (revised 2024-11-27 and 2025-01-10)", title: "Verification of cybersecurity requirements"}
package samdscan.mfds.cyb.security_testing

import data.samdscan.lib.documents
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.connected

not_applicable_because contains {"msg": "the product is not connected (product.connected is not true)", "msg_ko": "네트워크에 연결되는 제품이 아닙니다(product.connected가 true가 아님)"} if not profile.connected

testing := object.get(input, "security_testing", {})

workflows := object.get(testing, "workflows", [])

reports := object.get(testing, "sast_reports", [])

harnesses := object.get(testing, "fuzz_harnesses", [])

sast_workflows := [w | some w in workflows; count(w.tools) > 0]

config_anchor := {"path": input.config.path, "line": 1} if is_string(input.config.path)

else := {}

# A finding about the CI: its first workflow file, else the config.
ci_anchor := {"path": workflows[0].path} if count(workflows) > 0

else := config_anchor

deny contains f if {
	count(sast_workflows) == 0
	f := object.union(ci_anchor, {
		"msg": sprintf("no CI workflow runs a static analyser (%d workflow files read; looked for `codeql`, `semgrep`, `cargo-deny`, `cargo-audit`, `clippy -D warnings`, `bandit`, `eslint-plugin-security`, `gosec`, `sonarqube`, `snyk code`)", [count(workflows)]),
		"msg_ko": sprintf("정적 분석 도구를 실행하는 CI 워크플로가 없습니다(워크플로 파일 %d개 확인; `codeql`, `semgrep`, `cargo-deny`, `cargo-audit`, `clippy -D warnings`, `bandit`, `eslint-plugin-security`, `gosec`, `sonarqube`, `snyk code`를 찾음)", [count(workflows)]),
		"key": "no-sast-workflow",
	})
}

parsed_reports := [r | some r in reports; r.parsed]

deny contains f if {
	count(parsed_reports) == 0
	f := object.union(ci_anchor, {
		"msg": "no static-analysis results (SARIF from `codeql`, `semgrep`, `bandit`, `clippy`...) are committed for the release",
		"msg_ko": "릴리스의 정적 분석 결과(`codeql`, `semgrep`, `bandit`, `clippy` 등의 SARIF)가 커밋되어 있지 않습니다",
		"key": "no-sast-results",
	})
}

deny contains f if {
	some r in reports
	not r.parsed
	f := {
		"msg": sprintf("SARIF log %s does not parse: %s", [r.path, r.error]),
		"msg_ko": sprintf("SARIF 로그 %s을(를) 읽을 수 없습니다: %s", [r.path, r.error]),
		"path": r.path,
		"key": sprintf("unparsed|%s", [r.path]),
	}
}

shown(u) := sprintf("%s at %s", [u.rule, u.location]) if is_string(u.location)

else := u.rule

more(r) := sprintf(", and %d more", [r.unjustified_count - count(r.unjustified)]) if r.unjustified_count > count(r.unjustified)

else := ""

more_ko(r) := sprintf(" 외 %d개", [r.unjustified_count - count(r.unjustified)]) if r.unjustified_count > count(r.unjustified)

else := ""

deny contains f if {
	some r in parsed_reports
	r.unjustified_count > 0
	names := concat(", ", [shown(u) | some u in r.unjustified])
	f := {
		"msg": sprintf("%s (%s) has %d error-level results without a suppression justification (%s%s)", [r.path, concat(", ", r.tools), r.unjustified_count, names, more(r)]),
		"msg_ko": sprintf("%s(%s)에 억제 사유 없는 오류 수준 결과가 %d개 있습니다(%s%s)", [r.path, concat(", ", r.tools), r.unjustified_count, names, more_ko(r)]),
		"path": r.path,
		"key": sprintf("unjustified|%s", [r.path]),
	}
}

deny contains f if {
	count(documents.of_kind("secure_coding_standard")) == 0
	f := documents.missing_ko("secure_coding_standard", "no secure-coding standard found (looked for names such as docs/security/secure-coding.md or a title like \"Secure Coding Standard\" / \"시큐어 코딩\")", "시큐어 코딩 표준이 없습니다(docs/security/secure-coding.md 같은 이름이나 \"시큐어 코딩\" / \"Secure Coding Standard\" 같은 제목을 확인함)")
}

# Modules that parse external input, by name.
parsers := [m | some m in object.get(input, ["source_modules", "modules"], []); regex.match(`(?i)pars|decod|dicom|hl7|fhir`, m.name)]

deny contains f if {
	count(parsers) > 0
	count(harnesses) == 0
	names := concat(", ", [m.path | some m in parsers])
	f := object.union(config_anchor, {
		"msg": sprintf("modules that parse external input (%s) have no fuzzing harness (a `fuzz/` cargo-fuzz project, `.clusterfuzzlite/` or `oss-fuzz/` config, `*_fuzzer.c*`, `fuzz_*.py`, `*_fuzz_test.go`)", [names]),
		"msg_ko": sprintf("외부 입력을 해석하는 모듈(%s)에 퍼징 하네스(`fuzz/` cargo-fuzz 프로젝트, `.clusterfuzzlite/` 또는 `oss-fuzz/` 설정, `*_fuzzer.c*`, `fuzz_*.py`, `*_fuzz_test.go`)가 없습니다", [names]),
		"key": "no-fuzzing",
	})
}
