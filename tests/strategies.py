"""Hypothesis strategies of hostile text, shared by the property tests of reading, analysis and
escaping."""
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة"

HOSTILE_CHARS = (ARABIC * 3 + "٠١٢٣٤٥٦٧٨٩0123456789 ،؛؟«».!:-\n" + "<>&\"'`*_[](){}|#+!~^=%$@\\/"
                 + "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
                 + "\u200b\u200c\u200d\u2060\ufeff\u00ad\u0640\x00\x02\x03\x1b\x85\u2028\t"
                 + "abcxyzABC\u0430\u043e")

hostile_text = st.text(alphabet=HOSTILE_CHARS, max_size=200)

any_text = st.one_of(hostile_text, st.text(max_size=120))

SNIPPETS = st.sampled_from(["<script>alert(1)</script>", "[x](javascript:alert(1))", "![i](x.png)", "# h",
                            "| a | b |\n| - | - |", "{: onclick=x }", "{{ site }}", "{% if 1 %}", "[^1]",
                            "*[A]: b", "!!! note", "<img src=x onerror=y>", "&lt;b&gt;", "&#60;i&#62;",
                            "<!--", "]]>", "<div markdown=\"1\">**b**</div>", "\n    code", "\n---\n",
                            "1. x", "- y", "> q", "\\*", "**b**", "~~d~~", "`c`", "\x02wzxhzdk:0\x03"])

rich_text = st.lists(st.one_of(any_text, SNIPPETS), max_size=8).map("".join)
