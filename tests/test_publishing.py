"""Publishing as the README says: the Pages workflow runs the README's commands and publishes the
folder the site is built into; `make publish` deploys both languages with gh-deploy."""
from __future__ import annotations

import re

import yaml
from conftest import ROOT


def test_the_pages_workflow_runs_the_readmes_commands_and_publishes_the_site():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    commands = [step["run"] for step in steps if "run" in step]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert commands == ["make test", "make site"]
    assert all(re.search(rf"^{command}\b", readme, re.MULTILINE) for command in commands)
    (upload,) = [step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact")]
    site_dir = re.search(r"^site_dir: (\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)[1]
    assert upload["with"]["path"] == site_dir
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_make_publish_deploys_both_languages_with_gh_deploy():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\npublish:", 1)[1].split("\n\n", 1)[0]
    assert "mkdocs gh-deploy --strict" in recipe
    assert "mirror: mkdocs.en.yml" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")  # gh-deploy builds en/ too
