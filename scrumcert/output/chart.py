"""The cost over the years as a picture: an inline SVG step chart, for the HTML reports.

People would rather look than read here: a Scrum.org credential stays flat after its exam, a Scrum
Alliance one climbs at each renewal. Each certification is one band from the lowest to the highest
known cost at each year (a line where the two agree). No script, no font or style sheet from
anywhere: the page stays self-contained and prints as it shows.

``cost_series`` is plain data (also usable for JSON); ``svg`` draws it. Every text in the picture is
escaped here, since codes come from catalogues.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from scrumcert.catalogue.model import Certification

# distinguishable in colour and in grey print (dark to light), colour-blind safe (Okabe-Ito)
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4")


class Series(NamedTuple):
    """Cumulative cost of holding one certification at the end of each year, 0 (earning it) to N."""

    code: str
    low: tuple[int, ...]
    high: tuple[int, ...]
    unknown: tuple[str, ...]  # parts not priced: the figures are lower bounds then


def cost_series(c: Certification, years: int) -> Series:
    from scrumcert.costs import ownership

    points = [ownership(c, y) for y in range(years + 1)]
    unknown = tuple(dict.fromkeys(u for p in points for u in p.unknown))
    return Series(c.code, tuple(p.low for p in points), tuple(p.high for p in points), unknown)


def _nice_top(value: int) -> int:
    """A round upper bound for the axis: 1, 2 or 5 times a power of ten."""
    if value <= 0:
        return 100
    step = 1
    while True:
        for m in (1, 2, 5):
            if m * step >= value:
                return m * step
        step *= 10


def svg(series: Sequence[Series], money: Callable[[float], str] | None = None, width: int = 640,
        height: int = 300, title: str = "Cost over the years") -> str:
    """An accessible inline SVG: a <title>, one labelled group per certification, a legend, axes."""
    import html  # only when a page is written

    if money is None:
        from scrumcert.money import usd as money  # the figures as this run shows money
    esc = html.escape
    years = max((len(s.low) - 1 for s in series), default=1) or 1
    top = _nice_top(max((max(s.high) for s in series if s.high), default=0))
    labels = [money(top * i / 4) for i in range(5)]
    # room for the longest cost label (about 7 px a character at 12 px), so INR 482,126 is never cut
    left, right, upper, lower = max(64, 12 + 7 * max(len(t) for t in labels)), 16, 16, 64
    plot_w, plot_h = width - left - right, height - upper - lower

    def x(year: float) -> float:
        return left + plot_w * year / years

    def y(cost: float) -> float:
        return upper + plot_h * (1 - cost / top)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
           f'class="chart" aria-labelledby="chart-title" font-family="system-ui, sans-serif" '
           f'font-size="12">', f'<title id="chart-title">{esc(title)}</title>']
    for i, label in enumerate(labels):  # horizontal grid lines and cost labels
        value = top * i / 4
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
                   f'stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end" fill="#444">'
                   f"{esc(label)}</text>")
    for year in range(years + 1):
        anchor = "start" if year == 0 else "end" if year == years else "middle"  # the ends stay inside
        out.append(f'<text x="{x(year):.1f}" y="{upper + plot_h + 16}" text-anchor="{anchor}" fill="#444">'
                   f"{'now' if year == 0 else f'year {year}'}</text>")
    out.append(f'<line x1="{left}" x2="{left}" y1="{upper}" y2="{upper + plot_h}" stroke="#888"/>')
    out.append(f'<line x1="{left}" x2="{width - right}" y1="{upper + plot_h}" y2="{upper + plot_h}" '
               'stroke="#888"/>')
    for n, s in enumerate(series):
        colour, dash = PALETTE[n % len(PALETTE)], DASHES[n % len(DASHES)]
        label = f"{s.code}: " + ", ".join(
            f"{'now' if i == 0 else f'year {i}'} {money(lo) if lo == hi else f'{money(lo)} to {money(hi)}'}"
            for i, (lo, hi) in enumerate(zip(s.low, s.high, strict=True)))
        if s.unknown:
            label += f" (at least: {', '.join(s.unknown)} not known)"
        out.append(f'<g class="series" data-code="{esc(s.code)}"><title>{esc(label)}</title>')

        def steps(values: Sequence[int]) -> list[tuple[float, float]]:
            points = [(x(0), y(values[0]))]
            for i in range(1, len(values)):
                points += [(x(i), y(values[i - 1])), (x(i), y(values[i]))]
            return points

        lows, highs = steps(s.low), steps(s.high)
        if s.low != s.high:
            band = " ".join(f"{px:.1f},{py:.1f}" for px, py in [*highs, *reversed(lows)])
            out.append(f'<polygon points="{band}" fill="{colour}" fill-opacity="0.18" stroke="none"/>')
        for line in ([highs, lows] if s.low != s.high else [highs]):
            pts = " ".join(f"{px:.1f},{py:.1f}" for px, py in line)
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            out.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="2.5"'
                       f"{dash_attr}/>")
        out.append("</g>")
    # legend under the axis, wrapping to a second row after three entries
    for n, s in enumerate(series):
        colour, dash = PALETTE[n % len(PALETTE)], DASHES[n % len(DASHES)]
        lx = left + (n % 3) * (plot_w / 3)
        ly = upper + plot_h + 36 + (n // 3) * 16
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        suffix = " (at least)" if s.unknown else ""
        out.append(f'<line x1="{lx:.1f}" x2="{lx + 22:.1f}" y1="{ly - 4}" y2="{ly - 4}" stroke="{colour}" '
                   f'stroke-width="2.5"{dash_attr}/>')
        out.append(f'<text x="{lx + 28:.1f}" y="{ly}" fill="#222">{esc(s.code + suffix)}</text>')
    out.append("</svg>")
    return "\n".join(out)
