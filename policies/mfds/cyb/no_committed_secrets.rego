# METADATA
# title: No credentials committed to the tree or its history
# description: |
#   A credential in a repository is an exploitable vulnerability whatever the class of the
#   software, and removing it from the tree does not remove it from the history (MFDS
#   cybersecurity guidance: credential and encryption-key management). samdscan searches every
#   file of the scanned tree and the lines added by the newest 1000 commits with an offline
#   pattern set: private key PEM blocks; AWS, GCP, GitHub, Slack and Stripe token formats; and
#   assignments to password / secret / token / API-key names whose value has high entropy
#   (placeholders, variable references and test files are skipped). Findings name the kind of
#   secret, the file, the line and the commit: never the secret.
# custom:
#   ko:
#     title: "트리와 이력에 커밋된 자격 증명 없음"
#     description: |
#       저장소의 자격 증명은 소프트웨어 안전성 등급과 관계없이 악용 가능한 취약점이며, 트리에서 지워도 이력에는
#       남습니다(식약처 의료기기 사이버보안 가이드라인: 자격 증명 및 암호 키 관리). samdscan은 검사한 트리의 모든
#       파일과 최근 1000개 커밋이 추가한 줄을 오프라인 패턴으로 찾습니다: 개인 키 PEM 블록, AWS·GCP·GitHub·
#       Slack·Stripe 토큰 형식, 엔트로피가 높은 값을 password / secret / token / API key 이름에 대입한 줄
#       (예시 값, 변수 참조, 테스트 파일은 제외). 결과에는 비밀의 종류, 파일, 줄, 커밋만 나오며 비밀 자체는
#       나오지 않습니다.
#     recommended_action: |
#       노출된 자격 증명을 즉시 폐기·교체(rotate)하고, 트리에서 지운 뒤 비밀 관리 도구(환경 변수, 비밀 저장소)로
#       옮기십시오. 이력에만 남은 것도 교체가 필요하며, 교체 기록을 docs/security/secret-rotations.md에 남기고
#       CI에 비밀 검사(gitleaks 등)를 두십시오.
#     applies: "항상."
#     escalation: "모든 등급과 안전성 등급에서 오류입니다."
#   id: MFDS-CYB-012
#   severity: error
#   precision: medium
#   since: 0.2.0
#   pillar: P2
#   status: established
#   evidence: [secrets, files]
#   applies: Always.
#   escalation: Error at every grade and class.
#   security_severity: 8.0
#   recommended_action: |
#     Revoke and rotate the exposed credential now, remove it from the tree and load it from a
#     secret store or the environment. A credential left only in history must be rotated too;
#     record the rotation in docs/security/secret-rotations.md and run a secret scanner (gitleaks
#     or similar) in CI.
#   references:
#     - {source: "MFDS medical device cybersecurity approval/review guideline (revised 2024-11-27 and 2025-01-10)", title: "Credential management"}
#     - {source: "IEC 81001-5-1:2021", clause: "5.5.1", title: "Secure coding standards"}
package samdscan.mfds.cyb.no_committed_secrets

import rego.v1

kind_en := {
	"private_key": "private key",
	"aws_access_key": "AWS access key",
	"gcp_api_key": "GCP API key",
	"gcp_service_account_key": "GCP service-account key",
	"github_token": "GitHub token",
	"slack_token": "Slack token",
	"slack_webhook": "Slack webhook URL",
	"stripe_key": "Stripe live key",
	"generic_secret": "hard-coded password or secret",
}

kind_ko := {
	"private_key": "개인 키",
	"aws_access_key": "AWS 액세스 키",
	"gcp_api_key": "GCP API 키",
	"gcp_service_account_key": "GCP 서비스 계정 키",
	"github_token": "GitHub 토큰",
	"slack_token": "Slack 토큰",
	"slack_webhook": "Slack 웹훅 URL",
	"stripe_key": "Stripe 운영 키",
	"generic_secret": "하드코딩된 비밀번호 또는 비밀 값",
}

hits := h if {
	h := input.secrets.hits
	is_array(h)
} else := []

not_evaluated contains {"msg": "the secret search was cut short (more than 200 hits); the hits beyond are unjudged", "msg_ko": "비밀정보 검색이 중간에 끊겼습니다(200건 초과). 그 이후의 검출은 판단되지 않았습니다"} if input.secrets.truncated == true

not_evaluated contains {"msg": sprintf("only the newest %d commits of the history in scope were searched; the lines older commits added are unjudged", [input.secrets.commits_searched]), "msg_ko": sprintf("범위 안의 이력 중 최신 커밋 %d개만 검색했습니다. 그보다 오래된 커밋이 추가한 줄은 판단되지 않았습니다", [input.secrets.commits_searched])} if input.secrets.history_capped == true

from_history(h) if is_string(h.commit)

deny contains f if {
	some h in hits
	h.at_head == true
	not from_history(h)
	f := {
		"msg": sprintf("%s committed in %s line %d (the value is not shown): rotate it and load it from a secret store", [kind_en[h.kind], h.path, h.line]),
		"msg_ko": sprintf("%s이(가) %s %d번째 줄에 커밋되어 있습니다(값은 표시하지 않음): 교체하고 비밀 저장소에서 읽도록 하십시오", [kind_ko[h.kind], h.path, h.line]),
		"path": h.path,
		"line": h.line,
		"key": sprintf("tree|%s|%s", [h.kind, h.path]),
		"sensitive": true,
	}
}

deny contains f if {
	some h in hits
	from_history(h)
	h.at_head == false
	f := {
		"msg": sprintf("%s was added in commit %s (%s line %d) and removed since, but stays in the history (the value is not shown): rotate it", [kind_en[h.kind], h.short_id, h.path, h.line]),
		"msg_ko": sprintf("%s이(가) 커밋 %s(%s %d번째 줄)에서 추가된 뒤 삭제되었으나 이력에 남아 있습니다(값은 표시하지 않음): 교체하십시오", [kind_ko[h.kind], h.short_id, h.path, h.line]),
		"path": h.path,
		"key": sprintf("history|%s|%s|%s", [h.kind, h.path, h.commit]),
		"sensitive": true,
	}
}
