"""Where catalogues live: ``--data``, ``$SCRUMCERT_DATA`` or the bundled one, and which files in a
folder make one; plus the ``$date`` JSON codec that the snapshot and the parse cache share."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

ENV_VAR = "SCRUMCERT_DATA"


def bundled_dir() -> Path:
    """The catalogue shipped in the wheel, or ``data/`` beside the package in a source checkout."""
    shipped = Path(__file__).parent / "_data"
    return shipped if shipped.is_dir() else Path(__file__).resolve().parents[2] / "data"


def catalogue_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """``--data`` first, then ``$SCRUMCERT_DATA``, then the bundled catalogue."""
    chosen = path or os.environ.get(ENV_VAR) or None
    return Path(chosen) if chosen else bundled_dir()


def yaml_files(folder: Path) -> list[Path]:
    """The catalogue files in one folder, in the order they are read: by name without the extension,
    so that ``certifications.yaml`` comes before ``certifications-more.yaml`` (catalogue order breaks
    ties in the advice and orders every listing)."""
    return sorted((p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()),
                  key=lambda p: (p.stem, p.suffix))


def _display(path: Path) -> str:
    """A path as short as it can be shown: relative to the working folder when inside it (and as
    given when that folder is gone: ``Path.cwd()`` fails in a deleted folder)."""
    try:
        return str(path.relative_to(Path.cwd()))
    except (ValueError, OSError):
        return str(path)


def json_default(value: Any) -> Any:
    """Dates as ``{"$date": "YYYY-MM-DD"}`` (JSON has no date type)."""
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    raise TypeError(type(value).__name__)


def json_hook(obj: dict[str, Any]) -> Any:
    if len(obj) == 1 and "$date" in obj:
        return date.fromisoformat(obj["$date"])
    return obj
