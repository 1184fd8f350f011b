# METADATA
# title: Dependencies pinned by committed lockfiles and base images by digest
# description: |
#   IEC 62304 §8.1 requires the configuration items, SOUP included, to be identified so that a
#   release can be rebuilt exactly (§5.8.5 for class B and C). A dependency manifest without a
#   committed lockfile, a requirements file with floating versions, or a container base image
#   pulled by tag rather than by digest makes every build resolve different software.
# custom:
#   ko:
#     title: "커밋된 잠금 파일로 고정된 의존성과 다이제스트로 고정된 기반 이미지"
#     description: |
#       IEC 62304 §8.1은 릴리스를 정확히 다시 빌드할 수 있도록 SOUP를 포함한 형상 항목의 식별을
#       요구합니다(등급 B·C는 §5.8.5). 커밋된 잠금 파일이 없는 의존성 매니페스트, 버전이 고정되지 않은
#       requirements 파일, 다이제스트가 아닌 태그로 가져오는 컨테이너 기반 이미지는 빌드할 때마다 다른
#       소프트웨어를 만듭니다.
#     recommended_action: |
#       패키지 관리자가 쓰는 잠금 파일(Cargo.lock, package-lock.json, poetry.lock,
#       uv.lock, go.sum, Gemfile.lock, ...)을 커밋하고, Python requirements를
#       `==`로 고정하며(pip-compile), 기반 이미지를 다이제스트로 고정하십시오: `FROM
#       python:3.12-slim@sha256:...`.
#     applies: "항상."
#     escalation: "항상 오류입니다(재현할 수 없는 출시)."
#   id: MFDS-SWL-008
#   severity: error
#   precision: high
#   since: 0.1.0
#   pillar: P1
#   status: established
#   evidence: [dependencies.manifests?, dependencies.lockfiles?, dependencies.base_images?]
#   applies: Always.
#   escalation: Always an error (a non-reproducible release).
#   recommended_action: |
#     Commit the lockfile your package manager writes (Cargo.lock, package-lock.json, poetry.lock,
#     uv.lock, go.sum, Gemfile.lock, ...), pin Python requirements with `==` (pip-compile), and
#     pin base images by digest: `FROM python:3.12-slim@sha256:...`.
#   references:
#     - {source: "IEC 62304:2006+A1:2015", clause: "8.1.1", title: "Establish means to identify configuration items"}
#     - {source: "IEC 62304:2006+A1:2015", clause: "5.8.5", title: "Document how released software was created"}
package samdscan.mfds.swl.lockfiles_committed

import rego.v1

manifests := m if {
	m := input.dependencies.manifests
	is_array(m)
} else := []

lockfiles := l if {
	l := input.dependencies.lockfiles
	is_array(l)
} else := []

images := i if {
	i := input.dependencies.base_images
	is_array(i)
} else := []

deny contains f if {
	some m in manifests
	m.parsed
	m.direct_count > 0
	m.lockfile == null
	f := {
		"msg": sprintf("%s declares %d dependencies but no lockfile is committed beside it", [m.path, m.direct_count]),
		"msg_ko": sprintf("%s이(가) 의존성 %d개를 선언하지만 옆에 커밋된 잠금 파일이 없습니다", [m.path, m.direct_count]),
		"path": m.path,
		"key": sprintf("nolock|%s", [m.path]),
	}
}

deny contains f if {
	some l in lockfiles
	count(object.get(l, "unpinned", [])) > 0
	f := {
		"msg": sprintf("%s leaves %d requirements unpinned (no `==` version): %s", [l.path, count(l.unpinned), concat(", ", l.unpinned)]),
		"msg_ko": sprintf("%s에 고정되지 않은(`==` 버전 없는) 요구사항이 %d개 있습니다: %s", [l.path, count(l.unpinned), concat(", ", l.unpinned)]),
		"path": l.path,
		"key": sprintf("unpinned|%s", [l.path]),
	}
}

deny contains f if {
	some i in images
	not i.pinned
	f := {
		"msg": sprintf("base image %s is not pinned by digest (add @sha256:...)", [i.image]),
		"msg_ko": sprintf("기반 이미지 %s이(가) 다이제스트로 고정되지 않았습니다(@sha256:... 추가)", [i.image]),
		"path": i.path,
		"line": i.line,
		"key": sprintf("image|%s|%s", [i.path, i.image]),
	}
}
