# METADATA
# title: Foundation model identified and version-pinned
# description: |
#   MFDS's generative-AI guideline (2025-01-24) asks the application to state the software version,
#   operating environment and cloud services used. For a device built on a foundation model that
#   means naming the model, its provider and deployment mode, and pinning an exact version,
#   snapshot or weights hash: an alias such as `-latest` lets the provider change the approved
#   device without a change request.
# custom:
#   ko:
#     title: "파운데이션 모델 식별 및 버전 고정"
#     description: |
#       식약처 생성형 AI 가이드라인(2025-01-24)은 신청서에 소프트웨어 버전, 운영 환경, 사용하는 클라우드
#       서비스를 적도록 합니다. 파운데이션 모델 기반 의료기기라면 모델, 제공자, 배포 방식을 밝히고 정확한 버전, 스냅샷
#       또는 가중치 해시로 고정해야 합니다: `-latest` 같은 별칭은 제공자가 변경 신청 없이 허가된 의료기기를
#       바꾸게 합니다.
#     recommended_action: |
#       `docs/ai/genai.yaml`에 `foundation_model: {name, provider,
#       revision, deployment}`를 적되, `revision`은 날짜가 있는 스냅샷, 커밋 또는
#       sha256이어야 하며 `latest`나 `main`이어서는 안 됩니다.
#     applies: "product.ai.generative인 생성형 인공지능 제품."
#   id: MFDS-GAI-001
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [ai.genai.foundation_models, profile.ai]
#   presence: true
#   applies: Products with product.ai.generative.
#   recommended_action: |
#     Write `docs/ai/genai.yaml` with `foundation_model: {name, provider, revision, deployment}`,
#     where `revision` is a dated snapshot, commit or sha256, never `latest` or `main`.
#   references:
#     - {source: "MFDS generative AI medical device approval/review guideline (2025-01-24)", title: "Software version and operating environment"}
package samdscan.mfds.gai.foundation_model_pinned

import data.samdscan.lib.ai
import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.generative

not_applicable_because contains ai.not_generative_reason if not profile.generative

models := ai.genai("foundation_models")

deny contains f if {
	count(models) == 0
	f := ai.missing_ko("genai_config", "the product declares generative AI but no foundation-model configuration was found (docs/ai/genai.yaml)", "생성형 AI 사용을 선언했지만 파운데이션 모델 구성이 없습니다(docs/ai/genai.yaml)")
}

deny contains f if {
	some m in models
	not m.parsed
	f := {"msg_ko": sprintf("%s을(를) 읽을 수 없습니다: %s", [m.path, object.get(m, "error", "unknown error")]), "msg": sprintf("%s cannot be read: %s", [m.path, object.get(m, "error", "unknown error")]), "path": m.path, "key": sprintf("unreadable|%s", [m.path])}
}

deny contains f if {
	some m in models
	m.parsed
	not m.pinned
	f := {"msg_ko": sprintf("%s: 파운데이션 모델이 고정되지 않았습니다: %s", [m.path, m.unpinned_because]), "msg": sprintf("%s: foundation model not pinned: %s", [m.path, m.unpinned_because]), "path": m.path, "line": 1, "key": sprintf("unpinned|%s", [m.path])}
}

deny contains f if {
	some m in models
	m.parsed
	missing := [k | some k in ["provider", "deployment"]; not stated(m, k)]
	count(missing) > 0
	f := {"msg_ko": sprintf("%s에 파운데이션 모델의 %s이(가) 없습니다", [m.path, concat(" 또는 ", missing)]), "msg": sprintf("%s does not state the foundation model's %s", [m.path, concat(" or ", missing)]), "path": m.path, "line": 1, "key": sprintf("fields|%s", [m.path])}
}

# A missing field is reported under OPA too (`not is_string(m[k])` is undefined there).
stated(m, k) if is_string(m[k])
