"""Templates users shape: overriding by name, `template:` per statement, errors that locate
themselves, and the generated «Template reference» page."""
from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import HOSTILE, empty_statement, full_statement, hostile_statement

from generator.lexicon.labels import KINDS, vocabulary
from generator.model import Statement
from generator.problems import Problem
from generator.read.sources import read_statement
from generator.site.render import make_env, render_pages
from generator.site.templates import BUILTIN_TEMPLATES
from generator.site.views import home_context, statement_page

SITE = {"site_name": "بيان"}
EXTENSIONS = ["toc", "attr_list", "md_in_html", "tables"]


def soup_of(text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(text, extensions=EXTENSIONS), "html.parser")


def with_template(st: Statement, template: str) -> Statement:
    return dataclasses.replace(st, meta=dataclasses.replace(st.meta, template=template))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_project_template_replaces_only_its_part(tmp_path):
    statements = [full_statement(), empty_statement()]
    default = render_pages(statements, SITE, None).pages
    custom = "{% if statement.claims %}\n## أقوالنا { #our-claims }\n\n{{ statement.claims|length }}\n\n{% endif %}\n"
    write(tmp_path / "partials" / "claims.md.j2", custom)
    pages = render_pages(statements, SITE, tmp_path).pages
    before = default["statements/full.md"].index("## الأقوال")
    after = default["statements/full.md"].index("## الكيانات")
    page = default["statements/full.md"]
    assert pages["statements/full.md"] == page[:before] + "## أقوالنا { #our-claims }\n\n3\n\n" + page[after:]
    assert {k: v for k, v in pages.items() if k != "statements/full.md"} == \
           {k: v for k, v in default.items() if k != "statements/full.md"}


def test_a_whole_page_can_be_replaced(tmp_path):
    write(tmp_path / "statement.md.j2", "# {{ statement.meta.title|bdi }}\n")
    write(tmp_path / "index.md.j2", "# {{ site.site_name|md }}\n")
    pages = render_pages([empty_statement()], SITE, tmp_path).pages
    assert pages["statements/empty.md"] == "# بيان قصير\n" and pages["index.md"] == "# بيان\n"


def test_template_brief_renders_the_brief():
    claims = tuple(dataclasses.replace(full_statement().claims[0], id=f"c{n}") for n in range(1, 8))
    st = dataclasses.replace(with_template(full_statement(), "brief"), claims=claims)
    rendered = render_pages([st, full_statement("other")], SITE, None)
    assert not rendered.problems
    soup = soup_of(rendered.pages["statements/full.md"])
    assert soup.h1.get_text() == "البيان الختامي للاجتماع الوزاري"
    assert [h["id"] for h in soup.find_all("h2")] == ["summary", "pillars", "claims"]
    assert len(soup.find(class_="bayan-brief-claims").find_all("li")) == 3
    assert "4" in soup.find(class_="bayan-refs").get_text()  # «and 4 more claims»
    assert not soup.find(class_="bayan-pair") and not soup.find("table")
    assert all(el["dir"] == "ltr" for el in soup.find_all(lang="en"))
    other = soup_of(rendered.pages["statements/other.md"])  # the default stays the full report
    assert [h["id"] for h in other.find_all("h2")][-1] == "text"


def test_brief_keeps_hostile_text_as_text():
    page = render_pages([with_template(hostile_statement(), "brief")], SITE, None).pages["statements/hostile.md"]
    soup = soup_of(page)
    assert not soup.find_all(["script", "img", "em", "code", "table"]) and not soup.find_all(onclick=True)
    assert len(soup.find_all("h1")) == 1
    assert all(not a["href"].startswith("javascript") for a in soup.find_all("a", href=True))
    assert HOSTILE.split("}")[0] in soup.get_text()


def project_statement(root: Path, slug: str, template: str | None) -> Statement:
    """A statement whose file exists in `root`, so that its `template:` line can be found."""
    line = f"template: {template}\n" if template else ""
    write(root / "content" / "statements" / f"{slug}.md",
          f"---\ntitle: بيان\ndate: 2018-02-13\n{line}---\nنص عربي.\n")
    st = dataclasses.replace(full_statement(slug), path=f"content/statements/{slug}.md")
    return with_template(st, template) if template else st


def test_unknown_template_names_the_statement_and_its_template_line(tmp_path):
    bad, good = project_statement(tmp_path, "bad", "nosuch"), project_statement(tmp_path, "good", None)
    source, _ = read_statement(tmp_path / bad.path, tmp_path)  # reading finds the line of `template:`
    rendered = render_pages([bad, good], SITE, tmp_path / "templates", tmp_path,
                            template_lines={source.path: source.template_line})
    (problem,) = rendered.problems
    assert str(problem).startswith("content/statements/bad.md:4: error: template: unknown template 'nosuch'")
    assert "brief" in problem.message and "statement" in problem.message
    assert "content/statements/bad.md:4" in rendered.pages["statements/bad.md"]  # its error page
    assert rendered.pages["statements/good.md"].startswith("# البيان الختامي")


def test_unknown_template_takes_its_line_from_reading_not_from_the_file(tmp_path):
    bad = with_template(full_statement("bad"), "nosuch")  # no file: the line comes from the caller
    (problem,) = render_pages([bad], SITE, tmp_path / "templates", tmp_path,
                              template_lines={bad.path: 7}).problems
    assert str(problem).startswith("content/statements/bad.md:7: error: template: unknown template 'nosuch'")


def test_undefined_variable_names_template_file_line_and_statement(tmp_path):
    write(tmp_path / "templates" / "memo.md.j2", "{# a memo #}\n# {{ statement.meta.title|bdi }}\n\n{{ statement.meta.author|md }}\n")
    memo, plain = project_statement(tmp_path, "memo", "memo"), project_statement(tmp_path, "plain", None)
    rendered = render_pages([memo, plain], SITE, tmp_path / "templates", tmp_path)
    (problem,) = rendered.problems
    assert (problem.path, problem.line) == ("templates/memo.md.j2", 4)
    assert str(problem) == ("templates/memo.md.j2:4: error: template: 'generator.model.Meta object' has no "
                            "attribute 'author' (rendering content/statements/memo.md)")
    assert {p for p in rendered.pages if "/" not in p or p.startswith("statements/")} == {
        "index.md", "reference.md", "statements/plain.md", "statements/memo.md"}
    error = soup_of(rendered.pages["statements/memo.md"].split("---\n", 2)[2])
    assert error.h1.get_text() == "خطأ في القالب"
    assert error.find("dl", role="alert").code.get_text() == "templates/memo.md.j2:4"
    assert "has no attribute 'author'" in error.find("dl").get_text()
    assert rendered.pages["index.md"].count("statements/") == 2  # the home page lists both


@pytest.mark.parametrize("text, line, message", [
    ("\n\n{% if %}\n", 3, "Expected an expression"),                    # syntax
    ("{{ statement.slug }}\n{{ statement.meta.title|md|bdi }}\n", 2, "ValueError: bdi escapes by itself"),
    ("{% include 'partials/nothing.md.j2' %}\n", 1, "partials/nothing.md.j2"),
])
def test_an_error_in_a_partial_names_the_partial(tmp_path, text, line, message):
    write(tmp_path / "templates" / "partials" / "figures.md.j2", text)
    st = project_statement(tmp_path, "one", None)
    rendered = render_pages([st], SITE, tmp_path / "templates", tmp_path)
    (problem,) = rendered.problems
    assert (problem.path, problem.line) == ("templates/partials/figures.md.j2", line)
    assert message in problem.message and problem.message.endswith("(rendering content/statements/one.md)")
    assert "index.md" in rendered.pages


def test_an_error_in_a_builtin_template_names_its_file(tmp_path):
    # pillars without a `.noun`: the view passes them on, the template stops on it
    broken = dataclasses.replace(empty_statement(), pillars=SimpleNamespace(items=(), announced=2, sentence=1))
    problems = render_pages([broken], SITE, tmp_path).problems
    (problem,) = [p for p in problems if p.message.endswith("(rendering content/statements/empty.md)")]
    assert Path(problem.path).resolve().parent == BUILTIN_TEMPLATES / "partials"
    assert problem.line > 1 and "noun" in problem.message


def test_a_statement_the_view_step_cannot_read_is_one_problem_not_a_crash(tmp_path):
    broken = dataclasses.replace(empty_statement("broken"), pillars=object())  # no `.announced`
    rendered = render_pages([broken, full_statement()], SITE, tmp_path)
    (problem,) = rendered.problems
    assert str(problem).startswith("content/statements/broken.md:1: error: template: AttributeError")
    assert "statements/full.md" in rendered.pages


# Where each object of bayan/analysis@1 is described on the reference page (JSON path → section).
SECTIONS = {
    "": "model-statement", "meta": "model-meta", "sentences[]": "model-sentence",
    "claims[]": "model-claim", "claims[].speaker": "model-speaker", "pillars": "model-pillars",
    "pillars.items[]": "model-pillaritem", "entities[]": "model-entity", "figures[]": "model-figure",
    "summary": "model-summary", "translation": "model-translation", "findings[]": "model-problem",
}


def json_objects(value: object, path: str = "") -> dict[str, set[str]]:
    """Every object of a JSON document by path, with its keys."""
    found: dict[str, set[str]] = {}
    if isinstance(value, dict):
        found[path] = set(value)
        for key, inner in value.items():
            found.update(json_objects(inner, f"{path}.{key}" if path else key))
    elif isinstance(value, list | tuple) and value:
        found.update(json_objects(value[0], f"{path}[]"))
    return found


@pytest.fixture(scope="module")
def reference() -> BeautifulSoup:
    return soup_of(render_pages([], SITE, None).pages["reference.md"])


def test_reference_lists_every_field_of_the_contract(reference):
    full = dataclasses.replace(full_statement(), findings=(Problem("warning", "spelling", "…", 1, 5),))
    objects = json_objects(full.to_dict())
    assert set(objects) == set(SECTIONS)
    for path, keys in objects.items():
        table = reference.find(id=SECTIONS[path]).find_next("table")
        fields = {tr.td.get_text() for tr in table.tbody.find_all("tr")}
        assert fields == keys, path


def test_reference_describes_every_field(reference):
    """explicit, from_claim, noun …: each field of each model section says what it holds."""
    for section in reference.find(id="model").find_all_next("h3"):
        if not section.get("id", "").startswith("model-"):
            break
        for tr in section.find_next("table").tbody.find_all("tr"):
            field, description = tr.td.get_text(), tr.find_all("td")[3].get_text().strip()
            assert len(description.split()) >= 2, (section["id"], field)
    speaker = {tr.td.get_text(): tr.find_all("td")[3].get_text()
               for tr in reference.find(id="model-speaker").find_next("table").tbody.find_all("tr")}
    assert "names the speaker" in speaker["explicit"] and "resolved from" in speaker["from_claim"]


def test_reference_lists_the_codes_of_every_vocabulary(reference):
    for kind in KINDS:
        rows = reference.find(id=f"values-{kind.replace('_', '-')}").find_next("table").tbody.find_all("tr")
        assert [tr.td.get_text() for tr in rows] == list(vocabulary(kind).codes)
    acts = {tr.td.get_text(): [td.get_text() for td in tr.find_all("td")[1:]]
            for tr in reference.find(id="values-act").find_next("table").tbody.find_all("tr")}
    assert acts["assert"] == ["قول", "statement"] and acts["affirm"] == ["تأكيد", "affirmation"]
    assert "statement" in reference.find(id="values-count").find_next("p").get_text()


def test_reference_shows_code_in_descriptions_as_code_not_markup(reference):
    row = next(tr for tr in reference.find(id="filters").find_next("table").tbody.find_all("tr") if tr.td.get_text() == "bdi")
    description = row.find_all("td")[2]
    assert '<bdi dir="ltr">' in [code.get_text() for code in description.find_all("code")]
    assert "``" not in reference.get_text() and not description.find("bdi")


def test_reference_lists_every_filter_and_test_with_its_doc(reference):
    env = make_env()
    text = reference.get_text()
    for name in [*env.filters, *env.tests]:
        assert name in text
    for registry, section in ((env.filters, "filters"), (env.tests, "tests")):
        rows = {tr.td.get_text(): tr for tr in reference.find(id=section).find_next("table").tbody.find_all("tr")}
        own = {name for name, f in registry.items() if f.__module__.startswith("generator")}
        assert set(rows) == own and own
        for name in own:
            assert registry[name].__doc__.split("\n")[0].split("`")[0] in rows[name].get_text()


def test_reference_names_the_variables_and_analyze(reference):
    cells = {tr.find_all("td")[1].get_text() for tr in reference.find(id="variables").find_next("table").tbody("tr")}
    received = {*statement_page(full_statement(), SITE).context, *home_context([], 0, [], SITE)}
    assert cells == received == {"statement", "overview", "english", "path", "site", "statements", "overviews",
                                 "total", "sections"}
    assert "python -m generator analyze" in reference.get_text()
    assert all(el["dir"] == "ltr" for el in reference.find_all(lang="en"))


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8")


def test_new_template_copies_a_builtin_and_never_overwrites(tmp_path):
    for name, file in [("brief", "brief.md.j2"), ("partials/claims", "partials/claims.md.j2"),
                       ("statement.md.j2", "statement.md.j2")]:
        result = run(tmp_path, "new-template", name)
        assert result.returncode == 0, result.stderr
        copy = tmp_path / "templates" / file
        assert copy.read_text(encoding="utf-8") == (BUILTIN_TEMPLATES / file).read_text(encoding="utf-8")
    copy.write_text("mine\n", encoding="utf-8")
    again = run(tmp_path, "new-template", "statement")
    assert again.returncode == 1 and "not overwritten" in again.stderr
    assert copy.read_text(encoding="utf-8") == "mine\n"


def test_new_template_as_a_new_layout(tmp_path):
    assert run(tmp_path, "new-template", "brief", "--as", "memo").returncode == 0
    assert (tmp_path / "templates" / "memo.md.j2").is_file()
    assert run(tmp_path, "new-template", "brief", "--as", "../x").returncode == 1


def test_new_template_refuses_an_unknown_name(tmp_path):
    result = run(tmp_path, "new-template", "../../etc/passwd")
    assert result.returncode == 1 and "partials/claims" in result.stderr
    assert not (tmp_path / "templates").exists()


def test_the_reference_page_speaks_the_page_language():
    arabic = soup_of(render_pages([], SITE, None).pages["reference.md"])
    english = soup_of(render_pages([], SITE, None, language="en").pages["reference.md"])
    assert arabic.h1.get_text() == "مرجع القوالب" and english.h1.get_text() == "Template reference"
    assert [h.get_text() for h in english.find_all("h2")] == ["Templates", "Variables", "The model", "Values", "Filters", "Tests"]
    for quoted in english.find_all(lang="ar"):  # Arabic labels and examples, marked as such
        quoted.decompose()
    assert not re.search("[\u0621-\u064A]", english.get_text())
    assert all(re.search("[\u0621-\u064A]", h.get_text()) for h in arabic.find_all("h2"))
