"""analysis/figures.py: figures written in words."""
from conftest import doc_of

from generator.analysis.figures import find_figures


def test_number_word_figure():
    text = "استمرت الجهود ثلاث سنوات ونصف السنة، وبلغت التكلفة 230 مليار ريال بزيادة 5% عن القرار رقم 2216."
    found = [(f.text, f.value, f.unit) for f in find_figures(doc_of(text))]
    assert found == [("ثلاث سنوات ونصف السنة", 3.5, "year"), ("230 مليار ريال", 230_000_000_000, "SAR"),
                     ("5%", 5, "percent"), ("رقم 2216", 2216, "resolution-number")]
