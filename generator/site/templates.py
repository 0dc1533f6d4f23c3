"""Where templates are: the built-in ones (generator/templates/) under the project's own, and
the English ones (`en/`) before them in the mirror; `new-template` copies a built-in one into
the project (never overwriting a file)."""
from __future__ import annotations

import re
from pathlib import Path

BUILTIN_TEMPLATES = Path(__file__).parent.parent / "templates"
SUFFIX = ".md.j2"
NAME = re.compile(r"^[\w-]+$")  # a template's own name: letters, digits, '-', '_'


class TemplateCopyError(Exception):
    """A template that would be overwritten, or a name that does not exist."""


def template_file(name: str) -> str:
    """The file name of a template given by name: `brief` → `brief.md.j2`."""
    return name if name.endswith(SUFFIX) else name + SUFFIX


def builtin_names() -> list[str]:
    """The built-in templates by name, e.g. `brief`, `partials/claims`, `en/brief`."""
    files = sorted(BUILTIN_TEMPLATES.rglob(f"*{SUFFIX}"))
    return [f.relative_to(BUILTIN_TEMPLATES).as_posix()[: -len(SUFFIX)] for f in files]


def template_folders(templates_dir: Path | None, language: str = "ar") -> list[Path]:
    """Where templates are looked up, first to last: the project's over the built-in ones, and
    for another language than Arabic its own folder (`en/`) of each before them."""
    folders = [templates_dir] if templates_dir is not None else []
    folders.append(BUILTIN_TEMPLATES)
    return [f / language for f in folders] + folders if language != "ar" else folders


def copy_template(name: str, templates_dir: Path, new_name: str | None = None) -> Path:
    """Copy the built-in template `name` (e.g. `brief`, `partials/claims`) into the project.

    It keeps its name, so it replaces the built-in one, unless `new_name` makes it a new
    template that statements pick with `template: <new_name>`.
    """
    plain = name.removesuffix(".md.j2")
    if plain not in builtin_names():
        raise TemplateCopyError(f"no built-in template '{name}' (built-in: {', '.join(builtin_names())})")
    if new_name is not None and not NAME.match(new_name):
        raise TemplateCopyError(f"template name '{new_name}' must use only letters, digits, '-' and '_'")
    target = templates_dir / template_file(new_name or plain)
    if target.exists():
        raise TemplateCopyError(f"{target} exists; not overwritten")
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as out:
        out.write((BUILTIN_TEMPLATES / template_file(plain)).read_text(encoding="utf-8"))
    return target
