"""Scoring entities against gold: the Arabic span, the English name, the errors by kind."""
from generator.evaluation.entities import english_forms, english_matches, score_entities
from generator.model import Entity


def entity(text: str, en: str = "", type_: str = "ORG", canonical: str | None = None) -> Entity:
    return Entity(text, canonical or text, en, type_, (1,))


def test_english_names_match_across_spelling_variants_titles_and_glosses():
    assert english_matches("Mahmud al-Nasiri", "Mahmoud Al Nassiri")
    assert english_matches("Abdullatif Haddad", "Abdul Latif Haddad")
    assert english_matches("Samir Khouri", "Dr. Samir Khouri, head of the society")
    assert english_matches("Farmers' Union", "Farmers Union (FU)")
    assert english_matches("FU", "Farmers Union (FU)")
    assert english_matches("Grand Hall", "the Grand Hall")
    assert english_matches("Agathe Ferrand", "Agathé Ferrand")
    assert not english_matches("", "Farmers Union")
    assert not english_matches("Farmers Union", "Teachers Union")
    assert not english_matches("Ministry of Health", "Jordanian Ministry of Health")
    assert not english_matches("UN", "Union")
    assert not english_matches("Mhmd Hsn", "Muhammad Hassan")
    assert english_forms("The Farmers Union (FU)") == {"fVrmVrsVnVn#FU", "fVrmVrsVnVn", "#FU"}


def test_a_gold_entity_is_found_behind_a_clitic_and_by_another_variant_with_its_english():
    gold = [{"ar": "للاتحاد الزراعي", "en": "Farmers Union", "type": "ORG"},
            {"ar": "الزراعة", "en": "Agriculture", "type": "ORG"}]
    score = score_entities(gold, [entity("الاتحاد الزراعي", "Farmers Union"),
                                  entity("وزارة الزراعة", "Agriculture")])
    assert (score.gold, score.found, score.system, score.right, score.english) == (2, 2, 2, 2, 2)
    assert not score.errors


def test_errors_are_counted_by_kind():
    gold = [{"ar": "نقابة المعلمين الأردنيين", "en": "Jordanian Teachers Syndicate", "type": "ORG"},
            {"ar": "سامر حداد", "en": "Samer Haddad", "type": "PER"},
            {"ar": "المدينة الخضراء", "en": "Green City", "type": "LOC"},
            {"ar": "المجلس الأعلى", "en": "Higher Council", "type": "ORG"}]
    score = score_entities(gold, [entity("نقابة المعلمين", "Teachers Syndicate"),  # wrong edges
                                  entity("سامر حداد", "Samir Hadad", "PER"),  # right, English variant
                                  entity("المدينة الخضراء", "", "ORG"),  # wrong kind, no English
                                  entity("البحر", "Sea", "LOC")])  # spurious
    assert score.errors == {"edges": 1, "missed": 1, "kind": 1, "spurious": 1}
    assert (score.found, score.right, score.english) == (2, 2, 1)
    assert "entity wrong edges: نقابة المعلمين الأردنيين (Jordanian Teachers Syndicate) → نقابة المعلمين" in score.misses
    assert "entity English wrong: المدينة الخضراء → «» (gold Green City)" in score.misses
