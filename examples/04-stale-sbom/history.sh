#!/usr/bin/env bash
# A later change upgrades numpy, adds pydantic and a container image, but regenerates neither the
# SBOM nor the SOUP list (run by examples/materialise.sh after the import commit).
set -euo pipefail
export GIT_AUTHOR_DATE=2026-10-15T12:00:00Z GIT_COMMITTER_DATE=2026-10-15T12:00:00Z

cat > requirements.txt <<'REQ'
# Pinned with pip-compile from pyproject.toml; the SBOM in sbom/ is generated from this file.
numpy==2.1.3
    # via
    #   cardiowatch (pyproject.toml)
    #   scipy
pydantic==2.9.2
    # via cardiowatch (pyproject.toml)
pydantic-core==2.23.4
    # via pydantic
scipy==1.14.1
    # via cardiowatch (pyproject.toml)
REQ
sed -i.bak 's/dependencies = \["numpy>=2.1", "scipy>=1.14"\]/dependencies = ["numpy>=2.1", "pydantic>=2.9", "scipy>=1.14"]/' pyproject.toml && rm pyproject.toml.bak
cat > Dockerfile <<'DOCKER'
FROM python:3.12-slim
COPY . /app
RUN pip install --no-deps -r /app/requirements.txt
CMD ["python", "-m", "cardiowatch"]
DOCKER
git add -A
git -c commit.gpgsign=false commit -q -m "Upgrade numpy, validate input with pydantic, ship a container (CR-7)"
