package samdscan.mfds.rsk.risk_report_current_test

import data.samdscan.mfds.rsk.risk_report_current as p
import rego.v1

doc := {"risk_management_report": [{"path": "docs/risk/risk-management-report.md"}]}

release := {"tag": "v1.2.0", "date": "2026-09-30", "version": "1.2.0"}

report(changed, version) := {"path": "docs/risk/risk-management-report.md", "last_changed": changed, "stated_version": version, "stated_date": null}

test_report_updated_for_the_release_passes if {
	count(p.deny) == 0 with input as {"documents": doc, "risks": {"currency": {"history": true, "latest_release": release, "reports": [report("2026-09-30", null)]}}}
	count(p.deny) == 0 with input as {"documents": doc, "risks": {"currency": {"history": true, "latest_release": release, "reports": [report("2026-01-01", "1.2.0")]}}}
}

test_stale_report_fails if {
	d := p.deny with input as {"documents": doc, "risks": {"currency": {"history": true, "latest_release": release, "reports": [report("2026-01-01", "1.1")]}}}
	count(d) == 1
	some f in d
	f.key == "stale|docs/risk/risk-management-report.md"
}

test_missing_report_fails if {
	d := p.deny with input as {"documents": {"risk_management_report": []}, "config": {"path": ".samdscan.yaml", "lines": {"product": 2}}, "risks": {"currency": {"history": true}}}
	some f in d
	f.key == "missing"
}

test_without_history_is_not_evaluated if {
	count(p.not_evaluated) == 1 with input as {"documents": doc, "risks": {"currency": {"history": false, "latest_release": null, "reports": []}}}
}

test_no_release_yet_passes if {
	count(p.deny) == 0 with input as {"documents": doc, "risks": {"currency": {"history": true, "latest_release": null, "reports": [report("2026-01-01", null)]}}}
}
