"""A generated corpus of varied statements for site-wide tests, written from parts made up for
it (no corpus text): speakers the gazetteer knows and people it does not, every reporting act,
places and bodies, figures, announced pillars, sources in Arabic, in Latin letters and none,
dates over several months and none, English titles and translations for some, the brief
template for a few, spelling slips that become editorial notes."""
from __future__ import annotations

import random
from pathlib import Path

SPEAKERS = (  # (the subject as written, its words when it speaks again)
    ("وزارة الخارجية", "الوزارة"), ("مجلس الأمن", "المجلس"), ("الأمين العام للأمم المتحدة", "الأمين العام"),
    ("وزير الخارجية سالم العتيبي", "العتيبي"), ("المتحدث الرسمي باسم الحكومة ماجد النعيمي", "النعيمي"),
    ("رئيس الوزراء حامد الشمري", "الشمري"), ("الاتحاد الأوروبي", "الاتحاد"), ("وزارة الصحة", "الوزارة"),
)
CUES = ("أكد", "قال", "دعا", "حذر", "رحب", "أدان", "نفى", "أعلن", "أعرب", "تعهد", "شدد")
TOPICS = (
    "أهمية التعاون بين الدول في مواجهة الأزمات الإقليمية",
    "ضرورة حماية المدنيين في الكويت والعراق",
    "دعم الجهود الدولية لإعادة الإعمار في المنطقة",
    "أن الاقتصاد نما بنسبة {n}% خلال العام الماضي",
    "أن عدد المستفيدين بلغ {n} ألف شخص في الرياض",
    "رفض أي تدخل في الشؤون الداخلية للدول العربية",
    "أن الاجتماع المقبل سيعقد في جدة بحضور ممثلي منظمة الصحة العالمية",
    "أن برنامج COVID-19 للتطعيم يشمل {n} مدينة",
    "أن الطلبه سيعودون إلى المدارس قريبا",  # «الطلبه»: a spelling slip, an editorial note
)
PILLARS = ("الحوار السياسي", "التنمية الاقتصادية", "مكافحة الإرهاب", "حماية البيئة", "تمكين الشباب")
ORDINALS = ("أولًا", "ثانيًا", "ثالثًا", "رابعًا")
COUNTS = {2: "ركيزتين", 3: "ثلاث ركائز", 4: "أربع ركائز"}
SOURCES = ("وكالة الأنباء السعودية", "وزارة الخارجية", "صحيفة الوطن اليومية", "was", None)
TITLES = (("بيان حول التعاون الإقليمي", "Statement on regional cooperation"),
          ("تصريح بشأن الأوضاع الإنسانية", None), ("كلمة في افتتاح المؤتمر الدولي", "Opening address"),
          ("بيان ختامي للاجتماع الوزاري", None), ("موقف من التطورات الأخيرة", None))
EN_SENTENCES = ("The speaker stressed the importance of cooperation.", "The statement called for calm.",
                "It welcomed the efforts of the international community.", "Further talks are planned.")


def statement(n: int, rng: random.Random) -> tuple[str, str | None]:
    """The n-th statement's file and, for some, its English sidecar."""
    title, title_en = rng.choice(TITLES)
    month = rng.choice(("2017-03", "2018-02", "2018-11", "2019-06", "2021-01"))
    fields = [f"title: {title} {n}"]
    if title_en:
        fields.append(f"title_en: {title_en} {n}")
    if n % 13:
        fields.append(f"date: {month}-{1 + n % 28:02d}")
    source = SOURCES[n % len(SOURCES)]
    if source:
        fields.append(f"source: {source}")
    if n % 17 == 0:
        fields.append("template: brief")
    sentences = []
    for _ in range(rng.randint(2, 5)):
        subject, again = rng.choice(SPEAKERS)
        topic = rng.choice(TOPICS).format(n=rng.randint(2, 95))
        sentences.append(f"{rng.choice(CUES)} {subject} {topic}.")
        if rng.random() < 0.4:
            sentences.append(f"وأضاف {again} أن {rng.choice(TOPICS).format(n=rng.randint(2, 95)).removeprefix('أن ')}.")
    if n % 4 == 0:
        count = rng.choice(tuple(COUNTS))
        sentences.append(f"وأوضح البيان أن الخطة تقوم على {COUNTS[count]}.")
        sentences += [f"{ORDINALS[i]}: {pillar}." for i, pillar in enumerate(rng.sample(PILLARS, count))]
    text = "---\n" + "\n".join(fields) + "\n---\n" + "\n".join(sentences) + "\n"
    english = "\n\n".join(rng.choice(EN_SENTENCES) for _ in sentences) + "\n" if n % 3 == 0 else None
    return text, english


def write_corpus(folder: Path, count: int = 200, seed: int = 18) -> None:
    """`count` generated statements (and their sidecars) into a statements folder."""
    rng = random.Random(seed)
    for n in range(1, count + 1):
        text, english = statement(n, rng)
        (folder / f"generated-{n:03d}.md").write_text(text, encoding="utf-8")
        if english:
            (folder / f"generated-{n:03d}.en.md").write_text(english, encoding="utf-8")
