# Certificates listed in the evidence index as external records (MFDS-QMS-003, MFDS-QMS-004):
# every entry under an expectation id (`ID` or `ID/part`), and whether each is still valid at the
# scan date (`expires`, YYYY-MM-DD, compared with input.as_of).
package samdscan.lib.certificates

import rego.v1

# The external records under `id`, by entry key.
records(id) := {key: e |
	some key, e in input.evidence_index.entries
	is_object(e.external)
	under(key, id)
}

under(key, id) if key == id

under(key, id) if startswith(key, sprintf("%s/", [id]))

# Where a record's finding points: the evidence index at the entry's line.
at(key) := {"path": input.evidence_index.path, "line": object.get(input.evidence_index.entries[key], "line", 1)}

# Findings about the validity dates of the records under `id`.
date_findings(id) := {f |
	some key, e in records(id)
	e.external.valid == true
	not e.external.expires
	f := object.union(at(key), {
		"msg": sprintf("the certificate %s (%s) gives no expiry date: add `expires: YYYY-MM-DD`", [e.external.document_id, key]),
		"msg_ko": sprintf("인증서 %s(%s)에 유효기간 만료일이 없습니다: `expires: YYYY-MM-DD`를 추가하십시오", [e.external.document_id, key]),
		"key": sprintf("%s/no-expiry", [key]),
	})
} | {f |
	some key, e in records(id)
	e.external.valid == true
	e.external.expires < input.as_of
	f := object.union(at(key), {
		"msg": sprintf("the certificate %s (%s) expired on %s, before the scan date %s", [e.external.document_id, key, e.external.expires, input.as_of]),
		"msg_ko": sprintf("인증서 %s(%s)이(가) 스캔 기준일 %s 이전인 %s에 만료되었습니다", [e.external.document_id, key, input.as_of, e.external.expires]),
		"key": sprintf("%s/expired", [key]),
	})
}

# Why records under `id` cannot be judged: they are invalid (MFDS-GEN-004 names their problems).
invalid_reasons(id) := {r |
	some key, e in records(id)
	e.external.valid != true
	r := {
		"msg": sprintf("the evidence index record %s is invalid (MFDS-GEN-004 names its problems), so the certificate is not judged", [key]),
		"msg_ko": sprintf("증거 색인 기록 %s이(가) 유효하지 않아(MFDS-GEN-004가 문제를 알림) 인증서를 판단하지 않았습니다", [key]),
	}
}
