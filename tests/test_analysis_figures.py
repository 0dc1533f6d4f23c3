"""analysis/figures.py: figures written in words."""
from conftest import doc_of

from generator.analysis.figures import find_figures


def test_number_word_figure():
    text = "استمرت الجهود ثلاث سنوات ونصف السنة، وبلغت التكلفة 230 مليار ريال بزيادة 5% عن القرار رقم 2216."
    found = [(f.text, f.value, f.unit) for f in find_figures(doc_of(text))]
    assert found == [("ثلاث سنوات ونصف السنة", 3.5, "year"), ("230 مليار ريال", 230_000_000_000, "SAR"),
                     ("5%", 5, "percent"), ("رقم 2216", 2216, "resolution-number")]


def figures(text: str) -> list[tuple]:
    return [(f.text, f.value, f.unit) for f in find_figures(doc_of(text))]


def test_people_counted_by_what_they_are_in_either_digits():
    assert figures("أفرجت السلطات عن ٨٨٧ محتجزاً، وقُتل 12 مسلحا وأصيب 20 آخرين.") == [
        ("٨٨٧ محتجزاً", 887, "person"), ("12 مسلحا", 12, "person"), ("20 آخرين", 20, "person")]
    assert figures("في عام 2015 طالب الوزير بالتحقيق.") == []  # طالب after a year is the verb


def test_a_decimal_written_with_the_letter_ra_is_one_number():
    """«935ر6 مليون» shows as «6ر935»: 6.935 million, not 6 million (two such numbers with the
    same whole part were one figure listed twice)."""
    assert figures("انخفضت الصادرات إلى 935ر6 مليون برميل من 737ر7 مليون برميل، وعالجت المصافي "
                   "423ر2 مليون برميل من 224ر2 مليون برميل.") == [
        ("935ر6 مليون برميل", 6_935_000, "barrel"), ("737ر7 مليون برميل", 7_737_000, "barrel"),
        ("423ر2 مليون برميل", 2_423_000, "barrel"), ("224ر2 مليون برميل", 2_224_000, "barrel")]
    assert figures("ارتفع المؤشر بنسبة 92ر0 %.") == [("92ر0 %", 0.92, "percent")]
    assert figures("بلغت 6.935 مليون برميل.") == [("6.935 مليون برميل", 6_935_000, "barrel")]


def test_a_date_in_both_calendars_is_one_figure():
    assert figures("صدر الأحد 10 شوال 1436هـ الموافق 26 يوليو 2015م القرار.") == [
        ("10 شوال 1436هـ الموافق 26 يوليو 2015م", "2015-07-26", "date")]
    assert figures("وذلك في 25 شوال 1436 هـ (10 أغسطس 2015) بالرياض.") == [
        ("25 شوال 1436 هـ (10 أغسطس 2015)", "2015-08-10", "date")]
    assert figures("صدر الأمر يوم ( 10 شوال 1436هـ ) الموافق ( 26 يوليو 2015م ) بالرياض.") == [
        ("( 10 شوال 1436هـ ) الموافق ( 26 يوليو 2015م )", "2015-07-26", "date")]
    assert figures("توفي في 3 ربيع الآخر 1436 - 23 يناير 2015، رحمه الله.") == [
        ("3 ربيع الآخر 1436 - 23 يناير 2015", "2015-01-23", "date")]
    assert len(figures("من 10 شوال 1436 إلى 26 يوليو 2015.")) == 2  # two dates, not one said twice
    assert len(figures("في 10 يوليو 2015 - 26 يوليو 2015.")) == 2  # one calendar: two days
