"""The catalogue: what certifications, roles, questions and rules there are, and where they come from.

``open_catalogue`` is what every command uses. This face stays light: the snapshot reader, the YAML
loader and the schema are imported only when a catalogue is opened.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scrumcert.catalogue.model import Catalogue

__all__ = ["open_catalogue"]


def open_catalogue(path: str | os.PathLike[str] | None = None) -> Catalogue:
    """The bundled snapshot when it matches the bundled files, else the catalogue loaded and
    validated from YAML (``--data``, ``$SCRUMCERT_DATA``, or a changed bundle)."""
    from scrumcert.catalogue.locate import ENV_VAR, bundled_dir

    if path is None and not os.environ.get(ENV_VAR):
        from scrumcert.catalogue.build import Builder
        from scrumcert.catalogue.snapshot import _snapshot_parts

        parts = _snapshot_parts(bundled_dir())
        if parts is not None:
            return Builder(parts, "data").build()
    from scrumcert.catalogue.loader import load_catalogue

    return load_catalogue(path)
