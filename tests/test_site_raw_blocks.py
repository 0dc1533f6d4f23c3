"""The HTML blocks of a generated page are set aside while Python-Markdown converts the rest, and
put back: the page reads the same, its links to `.md` pages become site URLs."""
from __future__ import annotations

import markdown

from generator.site.raw_blocks import put_back, set_aside, target

EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc"]

PAGE = """# عنوان { #top }

نص **بخط عريض** و[رابط](other.md).

<table>
<tr><td><a href="../statements/a.md#s2">2</a></td></tr>

</table>

<div class="bayan-pair" id="s1">
<p lang="ar">الجملة <a href="#s1">1</a> و<a href="https://example.org/x.md">موقع</a></p>
</div>

<div markdown="1">
**Markdown** inside
</div>

<p>text</p>
after the block, in the same paragraph

```html

<div>code, not a block</div>

```

- item [one](one.md)

<ul>
<li><a href="../statements/b.md" data-href="x.md">B</a> <a href="missing.md">؟</a> <a href="x.md?a=1&amp;b=2">q</a></li>
</ul>
"""


def convert(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


def test_a_page_reads_the_same_with_its_blocks_set_aside():
    aside = set_aside(PAGE)
    assert len(aside.blocks) == 2  # the <div id="s1"> and the <ul>; not the table cut by a blank line
    assert "<table>" in aside.markdown and "<div>code, not a block</div>" in aside.markdown
    assert "markdown=\"1\"" in aside.markdown and "<p>text</p>" in aside.markdown
    same = put_back(convert(aside.markdown), aside, lambda path: None)
    assert same == convert(PAGE)


def test_links_of_the_blocks_to_pages_become_site_urls():
    aside = set_aside(PAGE)
    urls = {"../statements/b.md": "../../statements/b/", "x.md": "../x/"}
    html = put_back(convert(aside.markdown), aside, urls.get)
    assert '<a href="../../statements/b/" data-href="x.md">B</a>' in html  # a data attribute is no link
    assert '<a href="missing.md">' in html  # no such page: left as it is (the plugin warns)
    assert '<a href="https://example.org/x.md">' in html and '<a href="#s1">' in html
    assert '<a href="x.md?a=1&amp;b=2">' in html  # a query is not a page
    assert '<a href="../statements/a.md#s2">' in html  # the table was left to Python-Markdown


def test_anchors_of_the_blocks_are_known():
    assert set_aside(PAGE).anchors() == {"s1"}


def test_target_of_a_relative_link():
    assert target("speakers/2.md", "../statements/a.md") == "statements/a.md"
    assert target("index.md", "acts/index.md") == "acts/index.md"


def test_an_unclosed_block_or_a_tag_that_closes_early_is_left_to_markdown():
    for text in ("<div>\nopen", "<div>a</div>\n<div>b</div>", "<span>inline</span>", "<div>a</div> tail"):
        assert set_aside(text).blocks == [], text
