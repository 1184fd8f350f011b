"""The policy pack under OPA (Open Policy Agent, through the Go library in the PyPI wheel
opa-golib-python-bindings), for .ci/opa.sh.

  opa_check.py tests POLICY_DIR
      `opa test` semantics: every module loaded, every `test_*` rule of each `*_test.rego` run
      (true passes; false, undefined or an error fails), as `samdscan policy test` discovers them.
  opa_check.py compare SAMDSCAN POLICY_DIR REPO...
      For each repository: `samdscan evidence` is the input; every rule samdscan reports is
      evaluated under OPA the way samdscan's engine evaluates it (src/policy/engine.rs:
      not observable, `applicable`, `not_observable_because`, absent evidence keys
      (src/policy/judged.rs), `deny`, `not_evaluated`; rules reading `custom.outcomes` in a
      second pass over the first pass's outcomes), and its state and finding messages (English
      and Korean) must equal those of `samdscan scan --format json`.

Prints one line per failure and a closing `N passed, N failed` line; exits 1 on any failure.
"""

import json
import re
import subprocess
from collections import Counter
import sys
from pathlib import Path

from opa_bindings import OpaEngine, OpaError

TEST_RULE = re.compile(r"^(test_[A-Za-z0-9_]+)\b", re.M)
PACKAGE = re.compile(r"^package\s+([A-Za-z0-9_.]+)", re.M)
AS_OF = "2026-10-01"
# What samdscan's resolve step (src/scan/resolve.rs) appends to a finding that an evidence-index
# record attests: a report-level note, not the policy's message.
ATTESTED = re.compile(r" \((attested externally|외부 기록으로 입증됨): [^()]*\)$")


def load(policy_dir, with_tests):
    """An engine with every module of policy_dir (tests too when with_tests); the modules."""
    engine = OpaEngine()
    modules = {}
    for path in sorted(Path(policy_dir).rglob("*.rego")):
        if with_tests or not path.name.endswith("_test.rego"):
            text = path.read_text(encoding="utf-8")
            engine.add_policy(str(path), text)
            modules[str(path)] = text
    return engine, modules


def values(engine, refs, input=None):
    """The value of each ref (None when undefined), in one query: OPA compiles every module anew
    for each new query (~1 s for this pack), so one query per ref would take minutes."""
    parts = ", ".join(f'"{n}": [v | v := {ref}]' for n, ref in enumerate(refs))
    rows = engine.eval_query(f"x = {{{parts}}}", input)
    found = rows[0]["x"]
    return [(found[str(n)] or [None])[0] for n in range(len(refs))]


def run_tests(policy_dir):
    engine, modules = load(policy_dir, with_tests=True)
    tests = []
    for path, text in modules.items():
        package = PACKAGE.search(text)
        if path.endswith("_test.rego") and package:
            tests += [(path, f"data.{package.group(1)}.{name}") for name in dict.fromkeys(TEST_RULE.findall(text))]
    try:
        results = values(engine, [ref for _, ref in tests])
    except OpaError:  # one test's error fails the whole query: run them one by one to name it
        results = []
        for _, ref in tests:
            try:
                results += values(engine, [ref])
            except OpaError as e:
                results.append(f"error: {e}")
    failed = [(t, r) for t, r in zip(tests, results) if r is not True]
    for (path, ref), result in failed:
        print(f"FAIL {path}: {ref.rsplit('.', 1)[1]}: {'undefined' if result is None else result}")
    return len(tests) - len(failed), len(failed)


def field(block, name):
    """A one-line METADATA field's value, None when the block has none."""
    found = re.search(rf"^#\s+{name}:\s*(.*?)\s*$", block, re.M)
    return found.group(1) if found else None


def listed(block, name):
    """A METADATA flow list (`[a, b?]`) as strings."""
    items = (field(block, name) or "").strip("[]").split(",")
    return [k.strip().strip('"') for k in items if k.strip()]


def rules_of(modules):
    """Each rule's package and the METADATA fields the engine reads, by id. The fields are one
    line each (`evidence: [a, b?]`); YAML parsers differ on `?` in a flow list, so no parser."""
    rules = {}
    for text in modules.values():
        block = re.search(r"^# METADATA\n((?:#.*\n)+)", text, re.M)
        package = PACKAGE.search(text)
        if not block or not package or not field(block.group(1), "id"):
            continue
        meta = block.group(1)
        rules[field(meta, "id")] = {
            "package": package.group(1),
            "evidence": listed(meta, "evidence"),
            "outcomes": listed(meta, "outcomes"),
            "presence": field(meta, "presence") == "true",
            "observable": field(meta, "observable") != "false",
        }
    return rules


def absent(v):
    """src/policy/judged.rs is_absent."""
    if v is None or v == [] or v == {}:
        return True
    return isinstance(v, dict) and any(v.get(f) is False for f in ("found", "available", "evaluated"))


def lookup(doc, path):
    for step in path.split("."):
        if not isinstance(doc, dict) or step not in doc:
            return None
        doc = doc[step]
    return doc


def lacks_evidence(rule, evidence):
    """src/policy/judged.rs judge: a needed key is absent, or every key is optional and absent."""
    needs_one, optional_absent = True, False
    for key in rule["evidence"]:
        optional, path = key.endswith("?"), key.rstrip("?")
        if path.split(".")[0] in ("profile", "config", "as_of"):
            continue
        missing = absent(lookup(evidence, path))
        if not optional:
            needs_one = False
            if missing:
                return True
        elif missing:
            optional_absent = True
        else:
            needs_one = False
    return needs_one and optional_absent


PARTS = ("applicable", "not_observable_because", "deny", "not_evaluated")


def outcomes(engine, rules, evidence):
    """(state, sorted finding messages) of each rule, as src/policy/engine.rs evaluate_rule
    decides them (every part is evaluated at once, but read in the engine's order)."""
    refs = [f"data.{rule['package']}.{part}" for rule in rules for part in PARTS]
    found = values(engine, refs, evidence)
    return [outcome(rule, evidence, dict(zip(PARTS, found[n * 4 : n * 4 + 4]))) for n, rule in enumerate(rules)]


def outcome(rule, evidence, part):
    if not rule["observable"]:
        return "not_observable", []
    if part["applicable"] is False:
        return "not_applicable", []
    if part["not_observable_because"]:
        return "not_observable", []
    if not rule["presence"] and lacks_evidence(rule, evidence):
        return "not_evaluated", []
    messages = sorted((f["msg"], f.get("msg_ko", f["msg"])) for f in part["deny"] or [])
    if messages:
        return "failed", messages
    unjudged = part["not_evaluated"] or not rule["evidence"]
    return ("not_evaluated" if unjudged else "passed"), []


def samdscan(binary, *args):
    run = subprocess.run([binary, *args], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if run.returncode not in (0, 1):
        sys.exit(f"{binary} {' '.join(args)}: exit {run.returncode}\n{run.stderr}")
    return json.loads(run.stdout)


def compare(binary, policy_dir, repos):
    engine, modules = load(policy_dir, with_tests=False)
    rules = rules_of(modules)
    passed = failed = 0
    for repo in repos:
        evidence = samdscan(binary, "evidence", repo, "--as-of", AS_OF)
        report = samdscan(binary, "scan", repo, "--as-of", AS_OF, "--format", "json")
        expected = {}
        for r in report["rules"]:
            if r["id"] in rules:
                expected[r["id"]] = (r["state"], [])
        for f in report["findings"]:
            if f["rule_id"] in expected:
                messages = (ATTESTED.sub("", f["messages"][lang]) for lang in ("en", "ko"))
                expected[f["rule_id"]][1].append(tuple(messages))
        got = {}
        second = [i for i in expected if rules[i]["outcomes"]]
        for ids in ([i for i in expected if i not in second], second):
            if ids is second:
                first_pass = {i: {"state": s, "findings": len(m)} for i, (s, m) in got.items()}
                engine.add_data({"samdscan": {"outcomes": first_pass}})
            got.update(zip(ids, outcomes(engine, [rules[i] for i in ids], evidence)))
        for i, (state, messages) in sorted(expected.items()):
            if got[i] == (state, sorted(messages)):
                passed += 1
            else:
                failed += 1
                print(f"DIFFER {Path(repo).name} {i}: samdscan {state} {sorted(messages)}; OPA {got[i][0]} {got[i][1]}")
        states = Counter(state for state, _ in expected.values())
        findings = sum(len(m) for _, m in expected.values())
        print(f"{Path(repo).name}: {len(expected)} rules ({dict(sorted(states.items()))}), {findings} findings compared")
        engine.close()
        engine, _ = load(policy_dir, with_tests=False)
    return passed, failed


def main():
    if sys.argv[1:2] == ["tests"] and len(sys.argv) == 3:
        passed, failed = run_tests(sys.argv[2])
    elif sys.argv[1:2] == ["compare"] and len(sys.argv) >= 5:
        passed, failed = compare(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        sys.exit(__doc__)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
