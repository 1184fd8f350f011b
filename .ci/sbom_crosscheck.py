#!/usr/bin/env python3
"""Cross-checks samdscan's NTIA minimum-elements verdict against the SPDX project's reference
checker (ntia-conformance-checker) on the NTIA minimum elements. Generates SPDX 2 documents (conformant and not) in every
encoding samdscan reads (JSON written here; tag-value, YAML and RDF/XML converted from it by
spdx-tools' pyspdxtools), adds the real SPDX 2 SBOMs of a data directory, runs both tools and
prints the agreement table. Exits 1 on any disagreement.

usage: sbom_crosscheck.py SAMDSCAN VENV_BIN WORKDIR [DATA_DIR]
"""

import json
import pathlib
import shutil
import subprocess
import sys

NS = "https://example.com/spdxdocs/samdscan-crosscheck-"


def package(spdx_id, name, version="1.0", supplier="Organization: ACME", purl=True):
    p = {
        "SPDXID": spdx_id,
        "name": name,
        "downloadLocation": "NOASSERTION",
        "filesAnalyzed": False,
        "licenseConcluded": "MIT",
        "licenseDeclared": "MIT",
        "copyrightText": "NOASSERTION",
    }
    if version is not None:
        p["versionInfo"] = version
    if supplier is not None:
        p["supplier"] = supplier
    if purl:
        p["externalRefs"] = [{
            "referenceCategory": "PACKAGE-MANAGER",
            "referenceType": "purl",
            "referenceLocator": f"pkg:generic/{name}@{version or '0'}",
        }]
    return p


def rel(a, kind, b):
    return {"spdxElementId": a, "relationshipType": kind, "relatedSpdxElement": b}


def document(name, packages, relationships, creators=("Person: Ann", "Tool: gen-1.0")):
    return {
        "spdxVersion": "SPDX-2.3",
        "dataLicense": "CC0-1.0",
        "SPDXID": "SPDXRef-DOCUMENT",
        "name": name,
        "documentNamespace": NS + name,
        "creationInfo": {"created": "2026-01-01T00:00:00Z", "creators": list(creators)},
        "packages": packages,
        "relationships": relationships,
    }


def cases():
    app = package("SPDXRef-app", "app")
    lib = package("SPDXRef-lib", "lib")
    describes = rel("SPDXRef-DOCUMENT", "DESCRIBES", "SPDXRef-app")
    depends = rel("SPDXRef-app", "DEPENDS_ON", "SPDXRef-lib")
    out = {
        "conformant": document("conformant", [app, lib], [describes, depends]),
        "lib-no-supplier": document(
            "lib-no-supplier", [app, package("SPDXRef-lib", "lib", supplier=None)],
            [describes, depends]),
        "lib-supplier-noassertion": document(
            "lib-supplier-noassertion",
            [app, package("SPDXRef-lib", "lib", supplier="NOASSERTION")], [describes, depends]),
        "lib-no-version": document(
            "lib-no-version", [app, package("SPDXRef-lib", "lib", version=None)],
            [describes, depends]),
        "single-no-describes": document("single-no-describes", [app], []),
        "single-describes": document("single-describes", [app], [describes]),
        "tool-only-creator": document(
            "tool-only-creator", [app, lib], [describes, depends], creators=("Tool: gen-1.0",)),
        "no-purls": document(
            "no-purls", [package("SPDXRef-app", "app", purl=False),
                         package("SPDXRef-lib", "lib", purl=False)], [describes, depends]),
        "variant-of-unjudged": document(
            "variant-of-unjudged", [app, package("SPDXRef-lib", "lib", supplier=None)],
            [describes, rel("SPDXRef-app", "VARIANT_OF", "SPDXRef-lib")]),
        "deep-prerequisite-no-version": document(
            "deep-prerequisite-no-version",
            [app, lib, package("SPDXRef-deep", "deep", version=None)],
            [describes, depends, rel("SPDXRef-lib", "HAS_PREREQUISITE", "SPDXRef-deep")]),
        "dependency-of-reverse": document(
            "dependency-of-reverse", [app, package("SPDXRef-lib", "lib", supplier=None)],
            [describes, rel("SPDXRef-lib", "DEPENDENCY_OF", "SPDXRef-app")]),
    }
    described = document("document-describes", [app, lib], [depends])
    described["documentDescribes"] = ["SPDXRef-app"]
    out["document-describes"] = described
    return out


def generate(bin_dir, work):
    gen = work / "generated"
    shutil.rmtree(gen, ignore_errors=True)
    gen.mkdir(parents=True)
    files = []
    for name, doc in cases().items():
        src = gen / f"{name}.spdx.json"
        src.write_text(json.dumps(doc, indent=1))
        files.append(src)
        for ext in ("spdx", "spdx.yaml", "spdx.rdf.xml"):
            out = gen / f"{name}.{ext}"
            subprocess.run([str(bin_dir / "pyspdxtools"), "-i", str(src), "-o", str(out),
                            "--novalidation"], check=True, capture_output=True)
            files.append(out)
    # No timestamp: spdx-tools refuses it, so only as JSON.
    doc = cases()["conformant"]
    del doc["creationInfo"]["created"]
    src = gen / "no-timestamp.spdx.json"
    src.write_text(json.dumps(doc, indent=1))
    files.append(src)
    return gen, files


ELEMENTS = ("componentNames", "componentVersions", "componentIdentifiers", "componentSuppliers")


def checker_verdict(bin_dir, path):
    """(minimum elements met, fully conformant): the checker's seven NTIA elements, and its
    overall verdict, which also requires spdx-tools' SPDX validation to pass."""
    run = subprocess.run([str(bin_dir / "ntia-checker"), "-q", "-r", "json", str(path)],
                         capture_output=True, text=True)
    try:
        r = json.loads(run.stdout)
        elements = (not r["parsingError"] and r["authorNameProvided"]
                    and r["timestampProvided"] and r["dependencyRelationshipsProvided"]
                    and all(r[e]["allProvided"] for e in ELEMENTS))
        return bool(elements), bool(r["isNtiaConformant"])
    except (ValueError, KeyError, TypeError):
        return False, False


def samdscan_verdicts(samdscan, root):
    run = subprocess.run([samdscan, "evidence", "--no-config", str(root)],
                         capture_output=True, text=True, check=True)
    evidence = json.loads(run.stdout)
    return {s["path"]: s for s in evidence["sboms"]}


def spdx2_files(data):
    for p in sorted(data.rglob("*")):
        if not p.is_file():
            continue
        head = p.read_bytes()[:4096]
        if b"SPDXVersion:" in head or b'"spdxVersion"' in head:
            yield p


def main():
    samdscan, bin_dir, work = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    data = pathlib.Path(sys.argv[4]) if len(sys.argv) > 4 else None
    gen, files = generate(bin_dir, work)
    roots = [(gen, files)]
    if data and data.is_dir():
        roots.append((data, list(spdx2_files(data))))
    rows, disagreements = [], 0
    for root, paths in roots:
        ours = samdscan_verdicts(samdscan, root)
        for p in paths:
            rel_path = str(p.relative_to(root))
            s = ours.get(rel_path)
            mine = "not found" if s is None else (
                "unparsed" if not s.get("parsed") else s["ntia"]["complete"])
            theirs, conformant = checker_verdict(bin_dir, p)
            mine_bool = mine is True
            agree = mine_bool == theirs
            disagreements += not agree
            spec = s.get("spec_version") if s else None
            enc = s.get("encoding") if s else None
            rows.append((f"{root.name}/{rel_path}", enc, spec, theirs, conformant, mine, agree))
    print("checker = the reference checker's NTIA elements; +valid = its overall verdict, which")
    print("also needs spdx-tools' SPDX validation (samdscan does not validate SPDX schemas)")
    print(f"{'SBOM':72} {'encoding':9} {'spec':4} {'checker':7} {'+valid':6} {'samdscan':8} agree")
    for name, enc, spec, theirs, conformant, mine, agree in rows:
        print(f"{name:72} {str(enc):9} {str(spec):4} {str(theirs):7} {str(conformant):6} "
              f"{str(mine):8} {'yes' if agree else 'NO'}")
    print(f"{len(rows)} SBOMs, {len(rows) - disagreements} agree, {disagreements} disagree")
    sys.exit(1 if disagreements else 0)


if __name__ == "__main__":
    main()
