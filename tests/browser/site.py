"""The site the browser tests read: a temporary project with statements written for them."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the repository (bench/search.py imports this module too)

# «مجلس الأمن», «الأمم المتحدة», «لداعش», a signed percentage and Latin words, translated.
SECURITY_COUNCIL = """\
---
title: بيان مجلس الأمن حول التحالف الدولي
title_en: Security Council statement on the Global Coalition
date: 2019-03-01
source: الأمم المتحدة
---
أكد مجلس الأمن التابع للأمم المتحدة دعمه للتحالف الدولي في التصدي لداعش.
وقال البيان إن التمويل ارتفع بنسبة +2.0% خلال عام 2018 وفق قرار UN Security Council رقم 2253.
ودعا المجلس الدول الأعضاء في الأمم المتحدة إلى تعزيز التعاون.
"""
SECURITY_COUNCIL_EN = """\
The Security Council of the United Nations affirmed its support for the Global Coalition in confronting Daesh.

The statement said that funding rose by +2.0% in 2018 under UN Security Council resolution 2253.

The Council called on the member states of the United Nations to strengthen cooperation.
"""
# Diacritics, tatweel, آ/إ/ى/ة, attached و/ف/ب/ل and Arabic-Indic digits; no translation.
MINISTERS = """\
---
title: اجتماع وزراء الخارجية في الكويت
title_en: Foreign ministers meet in Kuwait
date: 2018-02-13
source: وكالة الأنباء الكويتية
---
رحّب الوزير مصطفى بالإضافة النوعية إلى آلية التنسيق.
وأكّد المجتمعون أن الحكومة العراقية تُولي الأولوية لإعادة الإعمار.
وشدد البيان على أهمية الســلام والاستقرار في المنطقة.
فالحكومات ملتزمة بالتعاون مع المنظمات الدولية.
وأشار البيان إلى اجتماع اللجنة في عام ٢٠١٧.
"""
FINANCE = """\
---
title: بيان وزارة المالية حول النمو الاقتصادي
title_en: Finance ministry statement on economic growth
date: 2020-01-15
source: وزارة المالية
---
أعلنت وزارة المالية أن الاقتصاد نما بنسبة 3.5% في عام 2019.
وقالت الوزارة إن الصادرات ارتفعت إلى مستوى قياسي.
"""
# The one-page brief template, so that its page is checked too.
BRIEF = """\
---
title: موجز بيان الجامعة العربية
title_en: Arab League brief
date: 2017-05-20
template: brief
---
دعت الجامعة العربية إلى وقف إطلاق النار في المنطقة.
وأكد الأمين العام أن الحل السياسي هو السبيل الوحيد.
"""
# The project's own seed (content/statements/): ten sentences, translated; printed, it must fit.
SEED = "2018-02-13-coalition-ministerial"
STATEMENTS = {
    "security-council.md": SECURITY_COUNCIL, "security-council.en.md": SECURITY_COUNCIL_EN,
    "ministers.md": MINISTERS, "finance.md": FINANCE, "brief.md": BRIEF,
}


def build_site(root: Path) -> Path:
    """Write the statements into the project at `root`, build it strictly; the site folder."""
    for name, text in STATEMENTS.items():
        (root / "content" / "statements" / name).write_text(text, encoding="utf-8")
    for path in (ROOT / "content" / "statements").glob(f"{SEED}.*"):
        shutil.copy(path, root / "content" / "statements" / path.name)
    result = subprocess.run(  # the Arabic site, and its English mirror in site/en/
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, capture_output=True,
        text=True, timeout=120, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode:
        raise RuntimeError(f"mkdocs build failed:\n{result.stderr}")
    return root / "site"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """No access log on the test output."""


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 on a free port from a thread; yields the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
