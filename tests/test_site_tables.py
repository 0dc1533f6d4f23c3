"""Table cells named after their column (generator/site/tables.py), for the cards of a narrow screen."""
from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

EXTENSIONS = ["tables", "md_in_html", "attr_list", "generator.site.tables"]


def to_html(text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(text, extensions=EXTENSIONS), "html.parser")


def test_each_cell_is_named_after_its_column_without_the_header_markup():
    soup = to_html('| الاسم | <span lang="en" dir="ltr">English</span> | **النوع** |\n| --- | --- | --- |\n'
                   '| الأمم المتحدة | United Nations | منظمة |\n| مصر | Egypt | دولة |\n')
    table = soup.table
    assert table.has_attr("data-cards")
    assert [[td["data-label"] for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")] == \
        [["الاسم", "English", "النوع"]] * 2
    assert [th.get_text() for th in table.find_all("th")] == ["الاسم", "English", "النوع"]  # left as it was


def test_a_two_column_table_stays_a_table_and_an_empty_header_names_nothing():
    soup = to_html("| | العدد |\n| --- | ---: |\n| يناير | 3 |\n")
    assert not soup.table.has_attr("data-cards")
    first, count = soup.table.tbody.find_all("td")
    assert not first.has_attr("data-label") and count["data-label"] == "العدد"


def test_a_header_with_quotes_and_ampersands_stays_an_attribute_value():
    soup = to_html('| أ & "ب" | ج | د |\n| --- | --- | --- |\n| 1 | 2 | 3 |\n')
    assert soup.table.tbody.td["data-label"] == 'أ & "ب"'
