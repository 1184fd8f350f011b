# annotations.jq: samdscan's JSON report as GitHub workflow commands, one per live finding (with
# --base, per new finding): `::error file=PATH,line=N,title=RULE::MESSAGE` (warning, notice).
# Escaped as GitHub's runner expects, so a file name or message cannot end the command and start
# another: in the message % CR LF become %25 %0D %0A; in properties also : and , (%3A %2C).
def data: gsub("%"; "%25") | gsub("\r"; "%0D") | gsub("\n"; "%0A");
def property: data | gsub(":"; "%3A") | gsub(","; "%2C");
.findings[]
| select(.waiver == null and .baseline_state != "absent")
| select($base == "" or .baseline_state == "new")
| ({"error": "error", "warning": "warning", "note": "notice"}[.level]) as $command
| "::\($command) file=\(.path | property),line=\(.line),title=\(.rule_id | property)::\(.message | data)"
