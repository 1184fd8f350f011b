# Helpers over `input.ai` shared by the AI, generative-AI and AI-labeling policies: the lists of
# AI evidence, why a rule does not apply, and where a finding about missing AI evidence points
# (the `evidence.<kind>` setting if the user set one, else `product.ai` in the config).
package samdscan.lib.ai

import data.samdscan.lib.documents
import rego.v1

section := s if {
	s := input.ai
	is_object(s)
} else := {}

list(key) := l if {
	l := section[key]
	is_array(l)
} else := []

genai(key) := l if {
	l := section.genai[key]
	is_array(l)
} else := []

deployed_artifacts := [a | some a in list("artifacts"); a.deployed]

# The paths an artifact record stands for: itself, and the files a DVC file tracks.
names(a) := {a.path} | {o.path | some o in object.get(a, "dvc_outputs", [])}

# Every path of every model artifact found.
artifact_names := {n | some a in list("artifacts"); some n in names(a)}

not_ai_reason := {"msg": "the product does not declare AI (product.ai.enabled is not true)", "msg_ko": "제품이 AI를 선언하지 않았습니다(product.ai.enabled가 true가 아님)"}

not_generative_reason := {"msg": "the product does not declare generative AI (product.ai.generative is not true)", "msg_ko": "제품이 생성형 AI를 선언하지 않았습니다(product.ai.generative가 true가 아님)"}

# A finding about missing AI evidence of `kind` (documents.missing, anchored at `product.ai`).
missing(kind, msg) := documents.missing_near(kind, msg, documents.config_anchor("product.ai"))

# `missing` with the message in English and Korean.
missing_ko(kind, msg, msg_ko) := documents.missing_near_ko(kind, msg, msg_ko, documents.config_anchor("product.ai"))

# The required parts no document of a list has.
missing_everywhere(docs) := {p |
	some d in docs
	some p, _ in d.parts
	every other in docs {
		other.parts[p] == null
	}
}
