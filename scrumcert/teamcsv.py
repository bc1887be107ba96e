"""Team spreadsheets as people save them: ``;`` or ``,`` (or tabs), any header case, labels or ids.

Excel in much of Europe saves CSV with ``;``, headers get typed as "Name" or "Budget USD", and a cell
says "Product Owner" rather than ``product_owner``. This module turns such a file into the rows the
planner reads, and writes the starting file ``plan --template`` gives. Values are mapped to ids by
:mod:`scrumcert.vocabulary`; what cannot be mapped is left as typed so that the planner's checks
report it with the allowed values.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from scrumcert.catalogue.model import Catalogue
from scrumcert.errors import ScrumcertError
from scrumcert.vocabulary import choice_value, key

PERSON_FIELDS = ("name", "team")
DELIMITERS = ",;\t"


def delimiter(header_line: str) -> str:
    """The separator of a CSV file, judged from its header line: the candidate that occurs most
    (``,`` on a tie, and when none occurs: a one-column file)."""
    counts = {d: header_line.count(d) for d in DELIMITERS}
    best = max(counts.values())
    return "," if best == 0 or counts[","] == best else max(counts, key=counts.__getitem__)


def columns(catalogue: Catalogue) -> tuple[str, ...]:
    return (*PERSON_FIELDS, *catalogue.questions)


def column_id(catalogue: Catalogue, header: str) -> str | None:
    """The column a header names: an id in any case and spacing (``Budget USD`` -> ``budget_usd``)."""
    wanted = key(header)
    return next((c for c in columns(catalogue) if key(c) == wanted), None)


def read_rows(text: str, catalogue: Catalogue, where: str) -> list[dict[str, Any]]:
    """The rows of a team CSV as dicts keyed by column id, choice labels turned into ids. A row with
    more cells than columns keeps them under ``__extra__`` so the planner can refuse that row."""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter(first))
    header = next(reader, None)
    if not header or not any(h.strip() for h in header):
        raise ScrumcertError(f"{where}: is empty")
    ids: list[str] = []
    for h in header:
        found = column_id(catalogue, h)
        if found is None:
            raise ScrumcertError(f"{where}: unknown column {h.strip()!r} "
                                 f"(columns: {', '.join(columns(catalogue))})")
        if found in ids:
            raise ScrumcertError(f"{where}: column {found!r} appears twice")
        ids.append(found)
    rows = []
    for cells in reader:
        if not any(c.strip() for c in cells):
            continue  # a blank line, as spreadsheets leave at the end
        row: dict[str, Any] = {}
        for column, cell in zip(ids, cells, strict=False):
            row[column] = as_id(catalogue, column, cell.strip())
        if len(cells) > len(ids):
            row["__extra__"] = cells[len(ids):]
        rows.append(row)
    return rows


def as_id(catalogue: Catalogue, column: str, value: str) -> str:
    """A choice cell as its id when the label or id is recognised; anything else unchanged."""
    q = catalogue.questions.get(column)
    if q is None or q.type != "choice" or not value:
        return value
    return choice_value(q, value) or value


def template(catalogue: Catalogue) -> str:
    """A starting team CSV: every column, and two example people of one team who could learn
    together (a Scrum Master and a Product Owner)."""
    cols = columns(catalogue)
    examples = [
        {"name": "Ann Example", "team": "Apollo", "role": "scrum_master", "target": "scrum_master",
         "goal": "skills", "experience": "1_to_3", "held": "CSM"},
        {"name": "Bob Example", "team": "Apollo", "role": "product_owner", "target": "product_owner",
         "goal": "job", "experience": "under_1"},
    ]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(cols)
    for person in examples:
        writer.writerow([_example_cell(catalogue, c, person.get(c, "")) for c in cols])
    return out.getvalue()


def _example_cell(catalogue: Catalogue, column: str, value: str) -> str:
    """Keep an example value only where this catalogue allows it (a user's catalogue may differ)."""
    q = catalogue.questions.get(column)
    if q is None or not value:
        return value
    if q.type == "choice":
        return value if value in q.values else ""
    if q.type == "codes":
        return value if value in catalogue.certifications else ""
    return value
