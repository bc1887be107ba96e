"""Text from catalogues and users is shown, never interpreted.

Kept apart (and dependency-free) so that even the error path can use it before anything is loaded.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def literal(text: str) -> str:
    """Show control characters (ESC, BEL, CR, C1 codes) as ``\\x1b``-style escapes, so a terminal
    escape sequence in the data is printed as text and never acted on."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
