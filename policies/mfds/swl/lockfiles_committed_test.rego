package samdscan.mfds.swl.lockfiles_committed_test

import data.samdscan.mfds.swl.lockfiles_committed as p
import rego.v1

test_locked_and_pinned_passes if {
	count(p.deny) == 0 with input as {"dependencies": {
		"manifests": [{"path": "pyproject.toml", "parsed": true, "direct_count": 2, "lockfile": "uv.lock"}],
		"lockfiles": [{"path": "uv.lock", "parsed": true, "unpinned": []}],
		"base_images": [{"path": "Dockerfile", "line": 1, "image": "python@sha256:ab", "pinned": true}],
	}}
}

test_manifest_without_lockfile_fails if {
	d := p.deny with input as {"dependencies": {"manifests": [{"path": "web/package.json", "parsed": true, "direct_count": 3, "lockfile": null}]}}
	[f.key | some f in d] == ["nolock|web/package.json"]
}

test_manifest_without_dependencies_needs_no_lockfile if {
	count(p.deny) == 0 with input as {"dependencies": {"manifests": [{"path": "package.json", "parsed": true, "direct_count": 0, "lockfile": null}]}}
}

test_unpinned_requirements_and_tagged_images_fail if {
	d := p.deny with input as {"dependencies": {
		"lockfiles": [{"path": "requirements.txt", "parsed": true, "unpinned": ["flask"]}],
		"base_images": [{"path": "Dockerfile", "line": 3, "image": "python:3.12", "pinned": false}],
	}}
	{[f.key, object.get(f, "line", 0)] | some f in d} == {["unpinned|requirements.txt", 0], ["image|Dockerfile|python:3.12", 3]}
}
