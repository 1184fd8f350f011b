# Evidence records cut at an extractor's cap (the extractor names each in a diagnostic): a rule
# that judges what such a record lists has judged only part of the file, so it reports these
# reasons as `not_evaluated` and is never "passed" over it.
package samdscan.lib.truncated

import rego.v1

# Scan reports with more serious vulnerabilities than `serious` keeps.
serious contains r if {
	some rep in object.get(input, ["vulnerability_scans", "reports"], [])
	rep.serious_truncated == true
	kept := count(rep.serious)
	r := {
		"msg": sprintf("not all vulnerabilities judged: %s lists %d serious vulnerabilities and only the first %d are in the evidence", [rep.path, rep.serious_count, kept]),
		"msg_ko": sprintf("모든 취약점을 판단하지 못했습니다: %s에 심각한 취약점이 %d개 있으나 증거에는 처음 %d개만 있습니다", [rep.path, rep.serious_count, kept]),
	}
}

# Records among `docs` (SBOMs, VEX documents) with more VEX statements than `vex.statements`
# keeps.
vex(docs) := {r |
	some doc in docs
	doc.vex.truncated == true
	kept := count(doc.vex.statements)
	r := {
		"msg": sprintf("not all VEX statements read: %s holds %d statements and only the first %d are in the evidence", [doc.path, doc.vex.count, kept]),
		"msg_ko": sprintf("모든 VEX 문을 읽지 못했습니다: %s에 VEX 문이 %d개 있으나 증거에는 처음 %d개만 있습니다", [doc.path, doc.vex.count, kept]),
	}
}

# More direct dependencies than `dependencies.direct` keeps.
direct contains r if {
	input.dependencies.direct_truncated == true
	kept := count(input.dependencies.direct)
	r := {
		"msg": sprintf("not all dependencies judged: the manifests and lockfiles declare %d direct dependencies and only the first %d are in the evidence", [input.dependencies.direct_total, kept]),
		"msg_ko": sprintf("모든 의존성을 판단하지 못했습니다: 매니페스트와 잠금 파일에 직접 의존성이 %d개 있으나 증거에는 처음 %d개만 있습니다", [input.dependencies.direct_total, kept]),
	}
}

# SOUP lists with more entries than `entries` keeps.
soup contains r if {
	some l in object.get(input, ["soup", "lists"], [])
	l.truncated == true
	r := {
		"msg": sprintf("not all SOUP items read: only the first %d entries of %s are in the evidence", [count(l.entries), l.path]),
		"msg_ko": sprintf("모든 SOUP 항목을 읽지 못했습니다: 증거에는 %s의 처음 %d개 항목만 있습니다", [l.path, count(l.entries)]),
	}
}
