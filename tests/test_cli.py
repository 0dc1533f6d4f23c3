"""The command line: `analyze` prints the JSON contract, `check` lists problems."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import make_project
from test_read_scaffold import fill

ROOT = Path(__file__).parent.parent
SEED = ROOT / "content" / "statements" / "2018-02-13-coalition-ministerial.md"
STATEMENT_KEYS = {"slug", "path", "meta", "sentences", "claims", "pillars", "entities", "figures",
                  "summary", "translation", "findings"}


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8")


def test_analyze_prints_the_contract():
    result = run("analyze", str(SEED))
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["schema"] == "bayan/analysis@1"
    (statement,) = document["statements"]
    assert set(statement) == STATEMENT_KEYS
    assert statement["slug"] == "2018-02-13-coalition-ministerial"
    assert statement["meta"]["date"] == "2018-02-13"
    body = SEED.read_text(encoding="utf-8").split("---\n", 2)[2].strip()
    for sentence in statement["sentences"]:
        assert body[sentence["start"]:sentence["end"]] == sentence["text"]


def test_analyze_view_prints_what_the_statement_template_receives():
    view = run("analyze", "--view", str(SEED))
    assert view.returncode == 0, view.stderr
    document = json.loads(view.stdout)
    assert document["schema"] == "bayan/view@1"
    (page,) = document["pages"]
    assert page["path"] == "statements/2018-02-13-coalition-ministerial.md"
    assert page["template"] == "statement.md.j2"
    context = page["context"]
    assert set(context) == {"statement", "overview", "english", "path"}  # and `site`, the MkDocs config
    (statement,) = json.loads(run("analyze", str(SEED)).stdout)["statements"]
    assert context["statement"] == statement
    assert context["overview"]["claims"] == len(statement["claims"])
    english = statement["translation"]["sentences"]
    assert context["english"] == {str(n): text for n, text in enumerate(english, 1) if text}


def test_analyze_reports_a_broken_file_and_keeps_the_others(tmp_path):
    (tmp_path / "bad.md").write_text("---\ntitle: [\n---\nنص.\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text("أكد الوزير أهمية التعاون.\n", encoding="utf-8")
    result = run("analyze", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 1
    bad, good = json.loads(result.stdout)["statements"]
    assert bad["findings"][0]["level"] == "error" and bad["findings"][0]["line"] == 2
    assert bad["findings"][0]["path"] == "bad.md" and "invalid YAML" in bad["findings"][0]["message"]
    assert good["slug"] == "good" and good["sentences"]


def test_analyze_bad_usage():
    assert run("analyze", "no/such/file.md").returncode == 2
    assert run("analyze").returncode == 2


def test_check_lists_problems_with_file_and_line(tmp_path):
    statements = tmp_path / "content" / "statements"
    statements.mkdir(parents=True)
    (statements / "a.md").write_text("---\ntitle: عنوان\ndate: someday\n---\nنص عربي.\n", encoding="utf-8")
    result = run("check", "--content", "content", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.strip() == "content/statements/a.md:3: error: bad-date: date 'someday' is not a date (YYYY-MM-DD)"


def test_check_passes_on_shipped_content_and_lists_the_notes_its_page_shows():
    result = run("check")
    assert result.returncode == 0
    notes = [line for line in result.stdout.splitlines() if ": info: spelling: " in line]
    assert len(notes) == 3 and "«الإقليمة»" in result.stdout  # the seed's slips, as its page lists them
    assert all(line.startswith("content/statements/2018-02-13-coalition-ministerial.md:") for line in notes)
    assert result.stderr.strip().endswith("0 error(s), 0 warning(s), 3 note(s)")


def test_summarize_writes_one_summary_per_record(tmp_path):
    records = [{"id": "a", "article": "أكد الوزير أهمية التعاون بين البلدين. وقال إن الخطة تقوم على ثلاث ركائز. "
                                      "وأضاف أن العمل مستمر في كل المجالات. وختم بالشكر للحضور الكرام."},
               {"id": "b", "content": "رحب المجلس بالاتفاق الجديد بين الطرفين."}]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    result = run("summarize", str(source), "--out", str(tmp_path / "out.jsonl"))
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in out] == ["a", "b"]
    assert out[0]["summary"].startswith("أكد الوزير") and len(out[0]["summary"]) < len(records[0]["article"])
    assert out[1]["summary"] == records[1]["content"]
    assert run("summarize", "no/such.jsonl", "--out", str(tmp_path / "x.jsonl")).returncode == 2


def test_summarize_names_a_bad_line_and_goes_on(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('not json\n{"id": "b", "content": "رحب المجلس بالاتفاق الجديد بين الطرفين."}\n', encoding="utf-8")
    result = run("summarize", str(source), "--out", str(tmp_path / "out.jsonl"))
    assert result.returncode == 1
    assert f"{source}:1: not JSON" in result.stderr and "1 summaries written" in result.stderr
    assert json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))["id"] == "b"


def test_render_writes_a_complete_tree_for_each_language(tmp_path):
    result = run("render", "--out", str(tmp_path / "pages"))
    assert result.returncode == 0, result.stdout + result.stderr
    arabic, english = tmp_path / "pages" / "ar", tmp_path / "pages" / "en"
    page = (arabic / "statements" / "2018-02-13-coalition-ministerial.md").read_text(encoding="utf-8")
    assert page.startswith("# ") and 'id="s1"' in page
    assert (english / "statements" / "2018-02-13-coalition-ministerial.md").read_text(encoding="utf-8") != page
    for tree, about in ((arabic, "content/pages/about.md"), (english, "content/pages/en/about.md")):
        assert (tree / "about.md").read_text(encoding="utf-8") == (ROOT / about).read_text(encoding="utf-8")
        assert (tree / "assets" / "css" / "bayan.css").is_file() and (tree / "assets" / "js" / "bayan-search.js").is_file()
    assert not (arabic / "en").exists()  # the English pages are the mirror's, not the Arabic site's
    only = run("render", "--language", "en", "--out", str(tmp_path / "only"))
    assert only.returncode == 0 and sorted((tmp_path / "only").iterdir()) == [tmp_path / "only" / "en"]


def test_render_refuses_to_write_into_content_and_reports_broken_statements(tmp_path):
    statements = tmp_path / "content" / "statements"
    statements.mkdir(parents=True)
    (statements / "a.md").write_text("---\ntitle: [\n---\nنص.\n", encoding="utf-8")
    (statements / "b.md").write_text("---\ntitle: بيان\n---\nأكد الوزير أهمية التعاون.\n", encoding="utf-8")
    refused = run("render", "--out", "content/pages", cwd=tmp_path)
    assert refused.returncode == 2 and "never writes there" in refused.stderr
    assert not (tmp_path / "content" / "pages").exists()
    result = run("render", "--out", "out", cwd=tmp_path)
    assert result.returncode == 1 and "content/statements/a.md:2:" in result.stdout
    assert (tmp_path / "out" / "ar" / "statements" / "b.md").is_file()


def summary_of(document: str) -> list[int]:
    return json.loads(document)["statements"][0]["summary"]["sentences"]


def test_the_summary_ratio_is_a_share_of_the_words(tmp_path):
    assert summary_of(run("analyze", str(SEED)).stdout) == [1, 2, 6]
    assert summary_of(run("analyze", str(SEED), "--summary-ratio", "1").stdout) == list(range(1, 11))
    for wrong in ("0", "1.5", "a third"):
        result = run("analyze", str(SEED), "--summary-ratio", wrong)
        assert result.returncode == 2 and "--summary-ratio" in result.stderr
    assert run("summarize", str(SEED), "--out", str(tmp_path / "x.jsonl"), "--ratio", "2").returncode == 2


def test_render_takes_the_summary_ratio_of_mkdocs_yml(tmp_path):
    root = make_project(tmp_path)
    shutil.copy(SEED, root / "content" / "statements" / SEED.name)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - bayan:\n", "  - bayan:\n      summary_ratio: 1.0\n"), encoding="utf-8")
    result = run("render", "--out", "pages", cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (root / "pages" / "ar" / "statements" / SEED.with_suffix(".md").name).read_text(encoding="utf-8")
    summary = page.split('<ol class="bayan-summary">')[1].split("</ol>")[0]
    assert re.findall(r'href="#s(\d+)"', summary) == [str(n) for n in range(1, 11)]  # every sentence at 1.0


def test_summarize_keeps_lines_when_asked(tmp_path):
    source = tmp_path / "in.jsonl"
    wrapped = "أكد الوزير أهمية التعاون\nبين البلدين في كل المجالات."
    source.write_text(json.dumps({"id": "w", "article": wrapped}, ensure_ascii=False) + "\n", encoding="utf-8")
    joined, kept = tmp_path / "joined.jsonl", tmp_path / "kept.jsonl"
    assert run("summarize", str(source), "--out", str(joined)).returncode == 0
    assert run("summarize", str(source), "--out", str(kept), "--keep-lines", "--ratio", "0.3").returncode == 0
    assert json.loads(joined.read_text(encoding="utf-8"))["summary"] == wrapped.replace("\n", " ")
    assert json.loads(kept.read_text(encoding="utf-8"))["summary"] == "أكد الوزير أهمية التعاون"


def test_every_command_takes_its_folders_from_mkdocs_yml(tmp_path):
    root = make_project(tmp_path)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("content_dir: content", "content_dir: texts")
                      .replace("templates_dir: templates", "templates_dir: layouts"), encoding="utf-8")
    assert run("new", "بيان الوزارة", "--date", "2024-05-01", cwd=root).returncode == 0
    assert len(list((root / "texts" / "statements").glob("2024-05-01-*.md"))) == 2  # the statement, its sidecar
    fill(*(p for p in (root / "texts" / "statements").glob("2024-05-01-*.md") if not p.name.endswith(".en.md")))
    assert run("new-template", "brief", "--as", "memo", cwd=root).returncode == 0
    assert (root / "layouts" / "memo.md.j2").is_file() and not (root / "templates" / "memo.md.j2").exists()
    check = run("check", cwd=root)
    assert check.returncode == 0 and "texts/statements/" not in check.stdout, check.stdout
    rendered = run("render", "--out", str(tmp_path / "out"), cwd=root)
    assert rendered.returncode == 0 and list((tmp_path / "out" / "ar" / "statements").glob("2024-05-01-*.md"))


def test_check_reports_template_errors(tmp_path):
    assert run("new", "بيان أول", "--date", "2026-11-29", cwd=tmp_path).returncode == 0
    assert run("new", "بيان ثان", "--date", "2026-11-30", "--template", "nosuch", cwd=tmp_path).returncode == 0
    for statement in (tmp_path / "content" / "statements").glob("*.md"):
        if not statement.name.endswith(".en.md"):
            fill(statement)
    assert run("new-template", "partials/header", cwd=tmp_path).returncode == 0
    header = tmp_path / "templates" / "partials" / "header.md.j2"
    header.write_text(header.read_text(encoding="utf-8").replace("meta.title|bdi", "meta.titel|bdi"), encoding="utf-8")
    result = run("check", cwd=tmp_path)
    assert result.returncode == 1, result.stdout
    lines = result.stdout.splitlines()
    assert len(lines) == 2  # the unknown template, and the header of the other statement
    assert any(line.startswith("content/statements/2026-11-30-") and ".md:4: error: template: unknown template 'nosuch'"
               in line for line in lines)
    assert any(line.startswith("templates/partials/header.md.j2:3: error: template: ") and "titel" in line
               and "(rendering content/statements/2026-11-29-" in line for line in lines)


BODY = "أكد الوزير أهمية التعاون.\n"


def write(root: Path, name: str, data: str | bytes) -> Path:
    path = root / "content" / "statements" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_check_lists_findings_and_template_problems(tmp_path):
    write(tmp_path, "a.md", "---\ntitle: عنوان\ntemplate: nosuch\n---\n" + BODY)
    write(tmp_path, "b.txt", "أكد الوزير\u202e أهمية التعاون.\n")
    result = run("check", cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert any(line.startswith("content/statements/a.md:3: error: template: unknown template 'nosuch'")
               for line in lines), lines
    assert ("content/statements/b.txt:1: warning: characters/bidi-control: bidi control U+202E "
            "RIGHT-TO-LEFT OVERRIDE can reorder the text a reader sees (sentence 1)") in lines


def test_check_size_limit_from_the_command_line_and_mkdocs_yml(tmp_path):
    write(tmp_path, "a.txt", BODY * 10)
    assert run("check", cwd=tmp_path).returncode == 0
    small = run("check", "--max-bytes", "100", cwd=tmp_path)
    assert small.returncode == 1 and "too-large: file is" in small.stdout
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\ndocs_dir: content\nplugins:\n  - bayan:\n      max_bytes: 100\n", encoding="utf-8")
    assert "over the limit of 100" in run("check", cwd=tmp_path).stdout
