"""Wire copy: dateline → place, agency and date; trailer dropped; title category; dates."""
from generator.analysis import analyze
from generator.analysis.dates import dates_in
from generator.analysis.wire import category, frame
from generator.arabic import tokenize
from generator.model import Glossary, GlossaryEntry, Meta, Source

WIRE = ("جدة 3 ذو القعدة 1436 هـ الموافق 18 أغسطس 2015 م واس\n"
        "أعلنت الهيئة العامة للإحصاء أن عدد السكان بلغ 31 مليون نسمة.\n"
        "// انتهى // 12:05 ت م\n")


def test_dateline_gives_place_agency_and_gregorian_date():
    wire = frame(WIRE)
    assert wire.dateline.startswith("جدة 3 ذو القعدة") and WIRE[wire.start:].startswith("أعلنت")
    assert (wire.place, wire.place_en, wire.agency, wire.date) == ("جدة", "Jeddah", "Saudi Press Agency (SPA)", "2015-08-18")
    assert "انتهى" not in WIRE[wire.start:wire.end]


def test_hijri_only_dateline_is_converted():
    wire = frame("المنامة 1 رمضان 1436 هـ بنا\nقال الوزير إن …\n")
    assert wire.date == "2015-06-18" and wire.place_en == "Manama" and wire.agency.startswith("Bahrain")


def test_unknown_place_is_kept_as_written_without_english():
    wire = frame("أملج 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\nنص.\n")
    assert (wire.place, wire.place_en) == ("أملج", None)


def test_meta_from_dateline_and_title_category_front_matter_wins():
    source = Source("s", "s.md", Meta(title="اقتصادي / الإحصاء تعلن عدد السكان"), WIRE)
    meta = analyze(source).meta
    assert meta.category == "اقتصادي" and meta.title.startswith("اقتصادي /")
    assert meta.date == "2015-08-18" and meta.place_en == "Jeddah"
    dated = Source("s", "s.md", Meta(title="t", date="2015-08-19"), WIRE)
    assert analyze(dated).meta.date == "2015-08-19"


def test_title_without_known_category():
    assert category("الأمم المتحدة / جنيف: اجتماع") is None
    assert category("عام / تدشين مشروع") == "عام"


def test_dateline_place_is_an_entity():
    entities = analyze(Source("s", "s.md", Meta(title="t"), WIRE)).entities
    place = next(e for e in entities if e.en == "Jeddah")
    assert place.sentences == ()


def test_dates_hijri_and_gregorian_to_iso():
    found = dates_in(tokenize("عقد في 5 رمضان 1436هـ، ثم في 1 كانون الثاني 2016 م، لا في 45 يناير 2016."))
    assert [(d.iso, d.calendar) for d in found] == [("2015-06-22", "hijri"), ("2016-01-01", "gregorian")]


def test_a_byline_names_an_outlet_of_two_words():
    """«عين اليوم – جدة» and «author – عين اليوم» are bylines; the words must be whole and in order."""
    wire = frame("عين اليوم – جدة\nاستقبل خادم الحرمين الشريفين رئيس الوزراء.\n")
    assert (wire.dateline, wire.agency, wire.place_en) == ("عين اليوم – جدة", "Ain Alyoum", "Jeddah")
    assert frame("داليا أبوالعيش – عين اليوم\nشهدت الأيام الأولى تغييرات.\n").agency == "Ain Alyoum"
    assert frame("اليوم عين المدينة على الحدث\nنص.\n").dateline is None


def test_wire_dateline_and_trailer_are_framed_out():
    body = " الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\n أكد الوزير أن الوضع مستقر.\n // انتهى //\n 15:22 ت م \n"
    statement = analyze(Source("t", "t", Meta(title="t"), body))
    assert statement.meta.dateline.startswith("الرياض 25 شوال")
    assert [s.text for s in statement.sentences] == ["أكد الوزير أن الوضع مستقر."]


def test_frame_without_wire_marks_is_the_whole_body():
    body = "أكد الوزير أن الوضع مستقر."
    assert frame(body).start == 0 and frame(body).end == len(body) and frame(body).dateline is None


def test_a_byline_before_the_text_on_the_same_line_is_the_dateline():
    for body, dateline, place in [("سارة محمد- سبق- جدة: افتتح المحافظ المعرض الدولي للكتاب.", "سارة محمد- سبق- جدة", "جدة"),
                                  ("القاهرة - أ ش أ - أكد الوزير أن المفاوضات مستمرة.", "القاهرة - أ ش أ", "القاهرة"),
                                  ("واس - الرياض: استقبل الأمير الوفد الزائر.", "واس - الرياض", "الرياض")]:
        statement = analyze(Source("s", "s.md", Meta(title="t"), body))
        assert (statement.meta.dateline, statement.meta.place) == (dateline, place)
        assert statement.meta.agency and statement.sentences[0].text.startswith(("افتتح", "أكد", "استقبل"))


def test_dashes_inside_a_sentence_are_no_byline():
    for body in ("غادر -بحفظ الله ورعايته- الملك جدة متوجها إلى المغرب.", "قال الوزير - في مؤتمر صحفي - إن العمل مستمر.",
                 "«سبق» تقول للمسؤول: الأنظمة واضحة."):
        statement = analyze(Source("s", "s.md", Meta(title="t"), body))
        assert statement.meta.dateline is None and statement.sentences[0].text.startswith(body[:5])


def test_a_dateline_line_without_an_agency_names_a_known_place():
    for body, dateline, place in [("الدوحة / مكتب الإعلام\nأعلنت الوزارة أن العمل مستمر.\n", "الدوحة / مكتب الإعلام", "الدوحة"),
                                  ("صنعاء - خاص بالصحيفة\nأكد الوزير أن الهدنة صامدة.\n", "صنعاء - خاص بالصحيفة", "صنعاء"),
                                  ("القاهرة / مكتب الإعلام: أعلنت الوزارة أن العمل مستمر.", "القاهرة / مكتب الإعلام", "القاهرة")]:
        statement = analyze(Source("s", "s.md", Meta(title="t"), body))
        assert (statement.meta.dateline, statement.meta.place) == (dateline, place)
        assert statement.sentences[0].text.startswith(("أعلنت", "أكد"))
    for line in ("الملك فيصل - رحمه الله -", "الوزير - في كلمته", "الدوحة تستضيف المؤتمر / اليوم."):
        assert frame(line + "\nنص الخبر.\n").dateline is None  # no place alone in a segment, or a sentence


def test_an_agency_tag_before_the_text_is_the_dateline():
    for body, dateline in [("الرياض (واس) - أكد الوزير أن العمل مستمر.", "الرياض (واس)"),
                           ("(رويترز) - أكد الوزير أن العمل مستمر.", "(رويترز)"),
                           ("واس - أكد الوزير أن العمل مستمر.", "واس")]:
        wire = frame(body)
        assert wire.dateline == dateline and wire.agency and body[wire.start:].startswith("أكد")
    assert frame("واس – جدة أعلن الوزير أن العمل مستمر.").dateline is None  # the place may be the subject


def test_the_source_gets_its_english_name_from_the_glossary_then_the_gazetteer():
    def source_en(source: str, glossary: Glossary | None = None) -> str | None:
        return analyze(Source("s", "s.md", Meta(title="t", source=source), "نص.", glossary=glossary)).meta.source_en

    assert source_en("وكالة الأنباء السعودية") == source_en("واس") == "Saudi Press Agency (SPA)"
    ours = Glossary(entities=(GlossaryEntry(("صحيفة الوطن",), "Al Watan", "ORG"),))
    assert source_en("صحيفة الوطن", ours) == "Al Watan" and source_en("صحيفة الوطن") is None
    assert source_en("was") is None  # a code in Latin letters: shown as written
