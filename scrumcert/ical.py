"""Renewal dates as an iCalendar file (RFC 5545) that calendar applications import.

One all-day event per certification that expires, on its expiry date, with a display reminder 60
days before. Written by hand (a few lines of a plain text format) so that no calendar library is
needed at run time; the tests parse the result with the ``icalendar`` library.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

from scrumcert.renewals import Item

REMIND_DAYS = 60
PRODID = "-//scrumcert//renewals//EN"


def escape(text: str) -> str:
    """A TEXT value: backslash, semicolon and comma escaped, line breaks as ``\\n``, control
    characters dropped (they are not allowed in a content line)."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return "".join(ch for ch in text if ch == "\t" or (ord(ch) >= 32 and ord(ch) != 127))


def fold(line: str) -> str:
    """Content lines longer than 75 octets are folded: CRLF and one space, never inside a character."""
    out: list[str] = []
    current, size = "", 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > (75 if not out else 74):
            out.append(current)
            current, size = "", 0
        current += ch
        size += width
    out.append(current)
    return "\r\n ".join(out)


def _summary(item: Item) -> str:
    if item.fee_usd == 0 and item.education_units == 0:
        return f"{item.code} renews with another certification"
    fee = "fee unknown" if item.fee_usd is None else ("no extra fee" if item.fee_usd == 0
                                                     else f"${item.fee_usd:,}")
    units = ("units unknown" if item.education_units is None
             else f"{item.education_units} {item.unit}" if item.education_units else "")
    what = ", ".join(p for p in (fee, units) if p)
    return f"{item.code} expires: renew ({what})"


def calendar(items: Iterable[Item], stamp: date) -> str:
    """The iCalendar text; ``stamp`` (today) is the DTSTAMP, so the same input gives the same file."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", "X-WR-CALNAME:Certification renewals"]
    for item in items:
        if item.expires is None:
            continue
        day = item.expires
        description = f"{item.todo} {item.note}"
        if item.counts:
            description += f" What counts: {item.counts}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{item.code}-{day.isoformat()}@scrumcert",
            f"DTSTAMP:{stamp.strftime('%Y%m%d')}T000000Z",
            f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(day + timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{escape(_summary(item))}",
            f"DESCRIPTION:{escape(description)}",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape(f'{item.code} expires in {REMIND_DAYS} days, on {day.isoformat()}')}",
            f"TRIGGER:-P{REMIND_DAYS}D",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def write_calendar(path: Path, items: Iterable[Item], stamp: date) -> None:
    """--ics FILE: the calendar through the one safe writer, and the one "wrote" line on stderr."""
    from scrumcert.files import write_text
    from scrumcert.output import diagnostics

    write_text(path, calendar(items, stamp), f"--ics {path}")
    diagnostics.wrote(path)
