"""The persona table: realistic people, their answers, and what an expert advisor tells them.

Written from an expert's view before the recommender was changed (issue 8), so that the advice is
judged against what a good advisor says, not against what the tool happens to do. Each row gives:

- ``pick``: the advice, as spellings in order of preference; the first that names a certification of
  the catalogue in use is the expected pick (so ``("PSK I", "PSM I")`` expects PSK I once the catalogue
  lists it, PSM I until then);
- ``ok``: acceptable alternatives (an expert would not object to them as the pick);
- ``reason``: a rule id that must be among the reasons shown for the expected pick;
- ``against``: words that must appear among the objections shown for the recommendation;
- ``path``: (code, words of its "when") that must appear in this order in the path (words may be "");
- ``note``: words that must appear in one of the notes;
- ``never``: codes that must not be recommended.

``tests/test_personas.py`` runs every row; ``python -m tests.personas_table`` prints the picks as a
Markdown table (used for the issue's closing note).
"""

from __future__ import annotations

from typing import Any, NamedTuple


class Persona(NamedTuple):
    id: str
    who: str
    answers: dict[str, Any]
    pick: tuple[str, ...]
    ok: tuple[str, ...] = ()
    reason: str | None = None
    against: str | None = None
    path: tuple[tuple[str, str], ...] = ()
    note: str | None = None
    never: tuple[str, ...] = ()


SM = {"target": "scrum_master"}
PO = {"target": "product_owner"}

PERSONAS: list[Persona] = [
    # --- career changers ---
    Persona("new-sm-job", "career changer aiming at a Scrum Master job",
            {"role": "new", **SM, "goal": "job"}, ("CSM",), ("PSM-I",), "target-sm-foundation",
            path=(("CSM", "now"), ("A-CSM", "12 months as a Scrum Master (you have 0)"))),
    Persona("new-sm-self-study-250", "career changer, self-study, $250 (issue reproducer)",
            {"role": "new", **SM, "goal": "job", "learning": "self_study", "budget_usd": 250},
            ("PSM-I",), (), "target-sm-foundation", never=("CSM",)),
    Persona("new-sm-live-course", "career changer who wants a trainer",
            {"role": "new", **SM, "goal": "job", "learning": "live_course"}, ("CSM",), ("PSM-COURSE",),
            "live-course"),
    Persona("new-sm-lifetime", "career changer who refuses renewal fees",
            {"role": "new", **SM, "goal": "job", "renewal": "lifetime"}, ("PSM-I",), ("PSM-COURSE",),
            "wants-lifetime", never=("CSM",)),
    Persona("new-sm-zero-budget", "career changer with no money at all",
            {"role": "new", **SM, "goal": "job", "budget_usd": 0}, ("PSM-I",), (),
            note="Scrum Guide", never=("CSM",)),
    Persona("new-sm-150", "career changer with $150",
            {"role": "new", **SM, "goal": "job", "budget_usd": 150}, ("PSM-I",), (),
            note="$50 more", never=("CSM",)),
    Persona("new-sm-workshop", "career changer who hates exams",
            {"role": "new", **SM, "goal": "skills", "exam": "workshop"}, ("CSM",), ("PSM-COURSE",),
            against="exam"),
    Persona("new-sm-workshop-lifetime", "career changer: no exam, no renewal, live course",
            {"role": "new", **SM, "goal": "skills", "exam": "workshop", "renewal": "lifetime",
             "learning": "live_course"}, ("PSM-COURSE",), ("CSM",), against="exam"),
    Persona("new-sm-advance-nothing-held", "career changer who picked 'going beyond a foundation'",
            {"role": "new", **SM, "goal": "advance"}, ("CSM",), ("PSM-I",)),
    Persona("new-po-job", "career changer aiming at a Product Owner job",
            {"role": "new", **PO, "goal": "job"}, ("CSPO",), ("PSPO-I",), "target-po-foundation",
            path=(("CSPO", "now"), ("A-CSPO", "12 months as a Product Owner (you have 0)"))),
    Persona("new-po-skills", "career changer who wants to learn product ownership well",
            {"role": "new", **PO, "goal": "skills"}, ("CSPO",), ("PSPO-COURSE", "PSPO-I")),
    Persona("new-po-self-study", "career changer studying alone for a PO job",
            {"role": "new", **PO, "goal": "job", "learning": "self_study"}, ("PSPO-I",), (),
            "target-po-foundation", never=("CSPO",)),
    Persona("new-po-lifetime-live", "career changer: lifetime credential, taught live",
            {"role": "new", **PO, "goal": "skills", "renewal": "lifetime", "learning": "live_course"},
            ("PSPO-COURSE",), ("ICP-APO", "PSPO-I")),
    Persona("new-po-250", "career changer with $250 for a PO credential",
            {"role": "new", **PO, "goal": "job", "budget_usd": 250}, ("PSPO-I",), (),
            "target-po-foundation", never=("CSPO",)),
    # --- developers and testers ---
    Persona("dev-stays-dev", "developer who stays a developer",
            {"role": "developer", "target": "developer", "goal": "skills"}, ("PSD-I",), ("CSD",),
            "target-developer"),
    Persona("tester-stays-tester-exam", "tester who wants a tested credential in the team",
            {"role": "developer", "target": "developer", "goal": "job", "exam": "exam"}, ("PSD-I",), (),
            "target-developer"),
    Persona("dev-stays-dev-workshop", "developer who wants a workshop, no exam",
            {"role": "developer", "target": "developer", "goal": "skills", "exam": "workshop"},
            ("CSD", "PSD-I"), ("PSD-I",), against="exam"),
    Persona("dev-to-sm-3y", "developer with 3+ years of Scrum moving to Scrum Master",
            {"role": "developer", **SM, "goal": "job", "experience": "over_3"}, ("CSM",), ("PSM-I",),
            "target-sm-foundation",
            path=(("CSM", "now"), ("A-CSM", "12 months as a Scrum Master (you have 0)"))),
    Persona("dev-to-po-5y", "developer with 5 years moving to Product Owner",
            {"role": "developer", **PO, "goal": "job", "experience": "over_3"}, ("CSPO",), ("PSPO-I",),
            path=(("CSPO", "now"), ("A-CSPO", "you have 0"))),
    Persona("dev-kanban-team", "developer in a Kanban team",
            {"role": "developer", "target": "developer", "goal": "skills", "framework": "kanban"},
            ("PSK I", "PSD-I"), ("PSD-I",)),
    # --- business analysts and project managers ---
    Persona("ba-to-po", "business analyst becoming a Product Owner",
            {"role": "business_analyst", **PO, "goal": "job"}, ("CSPO",), ("PSPO-I",),
            "target-po-foundation"),
    Persona("ba-to-po-self-study-300", "business analyst, self-study, $300",
            {"role": "business_analyst", **PO, "goal": "job", "learning": "self_study",
             "budget_usd": 300}, ("PSPO-I",), (), never=("CSPO",)),
    Persona("pm-pmp-to-agile-pm", "PMP holder staying in project management",
            {"role": "project_manager", "target": "project_manager", "goal": "job", "experience": "over_3",
             "held": ["PMP"]}, ("PMI-ACP",), ("PSM-I",), "pmp-to-acp"),
    Persona("pm-to-agile-pm", "project manager without a PMP, 3+ years in agile projects",
            {"role": "project_manager", "target": "project_manager", "goal": "job", "experience": "over_3"},
            ("PMI-ACP",), ("PSM-I", "CSM")),
    Persona("pm-to-sm", "project manager becoming a Scrum Master",
            {"role": "project_manager", **SM, "goal": "job"}, ("CSM",), ("PSM-I",), "target-sm-foundation"),
    Persona("pm-pmp-to-sm-lifetime", "PMP holder becoming a Scrum Master, no more renewals",
            {"role": "project_manager", **SM, "goal": "job", "renewal": "lifetime", "held": ["PMP"]},
            ("PSM-I",), ("PSM-COURSE",), never=("CSM",)),
    Persona("prince2-to-agile-pm", "PRINCE2 practitioner going agile",
            {"role": "project_manager", "target": "project_manager", "goal": "skills",
             "experience": "over_3", "held": ["PRINCE2"]}, ("PMI-ACP",), ("PSM-I", "PSM-COURSE")),
    # --- Scrum Masters and Product Owners moving across ---
    Persona("sm-to-po", "Scrum Master trying the Product Owner side",
            {"role": "scrum_master", **PO, "goal": "job", "experience": "1_to_3"}, ("CSPO",), ("PSPO-I",),
            "sm-tries-other-side",
            path=(("CSPO", "now"), ("A-CSPO", "12 months as a Product Owner (you have 0)"))),
    Persona("sm-csm-to-po", "CSM holder with 2 years as SM moving to PO",
            {"role": "scrum_master", **PO, "goal": "skills", "months_as_sm": 24, "held": ["CSM"]},
            ("CSPO",), ("PSPO-I", "PSPO-COURSE"), "sm-tries-other-side"),
    Persona("sm-to-po-exam", "Scrum Master moving to PO who wants an exam",
            {"role": "scrum_master", **PO, "goal": "job", "exam": "exam"}, ("PSPO-I",), ("PSPO-COURSE",),
            "wants-exam"),
    Persona("po-to-sm", "Product Owner moving to Scrum Master",
            {"role": "product_owner", **SM, "goal": "job", "experience": "1_to_3"}, ("CSM",), ("PSM-I",),
            path=(("CSM", "now"), ("A-CSM", "12 months as a Scrum Master (you have 0)"))),
    Persona("sm-whole-track-to-po", "veteran holding the whole SM track, trying PO",
            {"role": "scrum_master", **PO, "goal": "skills", "experience": "over_3",
             "held": ["CSP-SM", "PSM III", "SAFe SSM"]}, ("CSPO",), ("PSPO-I", "PSPO-COURSE")),
    # --- holders of every foundation credential ---
    Persona("csm-advance-12m", "CSM holder with a year as SM, going further",
            {"role": "scrum_master", **SM, "goal": "advance", "experience": "1_to_3", "held": ["CSM"]},
            ("A-CSM",), ("PSM-II",), "next-after-csm",
            path=(("A-CSM", "now"), ("CSP-SM", "24 months as a Scrum Master (you have 12)"))),
    Persona("csm-advance-5000", "CSM holder, 1-3 years, $5,000 budget (X5)",
            {"role": "scrum_master", **SM, "goal": "advance", "experience": "1_to_3", "held": ["CSM"],
             "budget_usd": 5000}, ("A-CSM",), ("PSM-II",)),
    Persona("csm-advance-self-study", "CSM holder who studies alone and wants no renewal",
            {"role": "scrum_master", **SM, "goal": "advance", "experience": "1_to_3", "held": ["CSM"],
             "learning": "self_study", "renewal": "lifetime"}, ("PSM-II",), (), never=("PSM-I",)),
    Persona("csm-acsm-exam", "CSM and A-CSM holder who likes exams",
            {"role": "scrum_master", **SM, "goal": "advance", "months_as_sm": 18, "exam": "exam",
             "held": ["CSM", "A-CSM"]}, ("PSM-II",), (), never=("PSM-I",)),
    Persona("acsm-30-months", "A-CSM holder with 30 months as SM (P18)",
            {"role": "scrum_master", **SM, "goal": "advance", "months_as_sm": 30, "held": ["A-CSM"]},
            ("CSP-SM",), ("PSM-II",), "next-after-advanced-sm"),
    Persona("acsm-1-to-3-years", "A-CSM holder, 'one to three years', no months given",
            {"role": "scrum_master", **SM, "goal": "advance", "experience": "1_to_3", "held": ["A-CSM"]},
            ("PSM-II",), ("PSM-III",), path=(("CSP-SM", "24 months as a Scrum Master (you have 12)"),)),
    Persona("acsm-veteran", "A-CSM holder with more than three years",
            {"role": "scrum_master", **SM, "goal": "advance", "experience": "over_3", "held": ["A-CSM"]},
            ("CSP-SM",), ("PSM-II",), "next-after-advanced-sm"),
    Persona("psm-advance", "PSM I holder going further",
            {"role": "scrum_master", **SM, "goal": "advance", "experience": "1_to_3", "held": ["PSM-I"]},
            ("PSM-II",), (), "next-after-psm", path=(("PSM-II", "now"),)),
    Persona("psm-ads-ask-csm", "PSM I holder whose job ads ask for the CSM",
            {"role": "new", **SM, "goal": "job", "held": ["PSM-I"], "employer_asks": ["CSM"]},
            ("CSM",), (), "employer-asks"),
    Persona("cspo-advance-18m", "CSPO holder with 18 months as PO",
            {"role": "product_owner", **PO, "goal": "advance", "months_as_po": 18, "held": ["CSPO"]},
            ("A-CSPO",), ("PSPO-II",), "next-after-cspo"),
    Persona("cspo-advance-4m", "CSPO holder with only 4 months as PO",
            {"role": "product_owner", **PO, "goal": "advance", "months_as_po": 4, "held": ["CSPO"]},
            ("PSPO-II",), ("PSPO-I",), never=("A-CSPO",),
            path=(("A-CSPO", "12 months as a Product Owner (you have 4)"),)),
    Persona("pspo-advance", "PSPO I holder going further",
            {"role": "product_owner", **PO, "goal": "advance", "experience": "1_to_3", "held": ["PSPO-I"]},
            ("PSPO-II",), (), "next-after-pspo"),
    Persona("acspo-veteran", "A-CSPO holder with more than three years",
            {"role": "product_owner", **PO, "goal": "advance", "experience": "over_3", "held": ["A-CSPO"]},
            ("CSP-PO",), ("PSPO-II",), "next-after-advanced-po"),
    Persona("lapsed-csm-advance", "expired CSM, 18 months as SM",
            {"role": "scrum_master", **SM, "goal": "advance", "months_as_sm": 18, "lapsed": ["CSM"]},
            ("A-CSM",), ("PSM-II",), never=("CSM",)),
    Persona("lapsed-csm-job", "expired CSM, 6 months as SM, wants no renewal treadmill",
            {"role": "scrum_master", **SM, "goal": "job", "months_as_sm": 6, "renewal": "lifetime",
             "lapsed": ["CSM"]}, ("PSM-I",), ("PSM-II",), never=("CSM",)),
    # --- coaches and managers ---
    Persona("coach-both-4000", "coach holding CSM and CSPO, 3 years as SM, $4,000 (X6)",
            {"role": "coach", "target": "both", "goal": "advance", "experience": "over_3",
             "months_as_sm": 36, "held": ["CSM", "CSPO"], "budget_usd": 4000}, ("A-CSM",),
            ("A-CSPO", "PSM-II", "PSPO-II"),
            never=("PAL-I",)),
    Persona("coach-both-skills", "future coach who wants both sides",
            {"role": "coach", "target": "both", "goal": "skills"}, ("PSMPO",), ("CSPO", "CSM"),
            "coach-takes-both"),
    Persona("sm-to-coach", "Scrum Master with a CSM and 3 years becoming an agile coach",
            {"role": "scrum_master", "target": "coach", "goal": "advance", "experience": "over_3",
             "held": ["CSM"]}, ("ICP-ACC", "A-CSM"), ("A-CSM", "CSPO"), "target-coach"),
    Persona("manager-leadership", "manager leading several teams",
            {"role": "manager", "target": "leadership", "goal": "job"}, ("PAL-I",), ("CAL 1",),
            "target-leadership"),
    Persona("manager-leadership-workshop", "manager who wants no exam",
            {"role": "manager", "target": "leadership", "goal": "skills", "exam": "workshop"},
            ("CAL 1", "PAL-I"), ("PAL-I",), against="exam"),
    Persona("pmp-leadership", "PMP holder leading an agile department",
            {"role": "manager", "target": "leadership", "goal": "job", "held": ["PMP"]}, ("PAL-I",),
            ("PMI-ACP",)),
    # --- both tracks and teams ---
    Persona("sm-po-team", "SM whose PO learns with them",
            {"role": "scrum_master", "target": "both", "goal": "team"}, ("PSMPO",), (),
            "team-learns-together"),
    Persona("both-team-3000", "SM of a team, both sides, $3,000",
            {"role": "scrum_master", "target": "both", "goal": "team", "budget_usd": 3000}, ("PSMPO",), (),
            "team-learns-together"),
    Persona("both-self-study", "someone who wants both credentials by self-study (P37)",
            {"role": "new", "target": "both", "goal": "job", "learning": "self_study"},
            ("PSM-I",), ("PSPO-I",), path=(("PSM-I", "now"), ("PSPO-I", ""))),
    Persona("both-held-psm-pspo", "holder of PSM I and PSPO I, team goal",
            {"role": "scrum_master", "target": "both", "goal": "team", "held": ["PSM I", "PSPO I"]},
            ("PSM-II",), ("PSPO-II",)),
    Persona("cspo-wants-both", "CSPO holder who wants the SM side too",
            {"role": "product_owner", "target": "both", "goal": "job", "held": ["CSPO"]},
            ("CSM",), ("PSM-I", "PSMPO")),
    # --- frameworks and employers ---
    Persona("safe-shop-sm", "future SM in a SAFe company",
            {"role": "developer", **SM, "goal": "job", "framework": "safe"}, ("SAFE-SSM",), ("CSM",),
            "framework-safe"),
    Persona("safe-shop-po", "PO in a SAFe company",
            {"role": "product_owner", **PO, "goal": "job", "framework": "safe"}, ("SAFE-POPM",), ("CSPO",),
            "framework-safe"),
    Persona("safe-agilist-sm", "SAFe Agilist in a SAFe shop moving to SM",
            {"role": "manager", **SM, "goal": "job", "framework": "safe", "held": ["SAFe Agilist"]},
            ("SAFE-SSM",), ("CSM",)),
    Persona("kanban-sm", "Scrum Master of a team running Kanban",
            {"role": "scrum_master", **SM, "goal": "skills", "framework": "kanban", "held": ["PSM-I"]},
            ("PSK I", "PSM-II"), ("PSM-II",)),
    Persona("ads-ask-psm", "career changer whose target employer asks for PSM",
            {"role": "new", **SM, "goal": "job", "employer_asks": ["PSM I"]}, ("PSM-I",), (),
            "employer-asks"),
    Persona("ads-ask-csm-self-study", "self-studier whose ads ask for the CSM",
            {"role": "new", **SM, "goal": "job", "learning": "self_study", "employer_asks": ["CSM"]},
            ("CSM",), ("PSM-I",), against="course"),
    # --- other credentials held ---
    Persona("itil-new-sm", "ITIL holder new to Scrum",
            {"role": "new", **SM, "goal": "job", "held": ["ITIL"]}, ("CSM",), ("PSM-I",)),
    Persona("icp-to-po", "ICAgile ICP holder becoming a PO",
            {"role": "business_analyst", **PO, "goal": "skills", "held": ["ICP"]}, ("CSPO",),
            ("ICP-APO", "PSPO-COURSE", "PSPO-I")),
    Persona("capm-junior-pm", "CAPM holder with no agile experience, project management",
            {"role": "project_manager", "target": "project_manager", "goal": "job", "held": ["CAPM"]},
            ("PSM-I",), ("CSM", "PAL-I"), path=(("PMI-ACP", "24 months of agile practice (you have 0)"),)),
    # --- budgets ---
    Persona("po-199-workshop", "PO with $199 who prefers a workshop (X2)",
            {"role": "product_owner", **PO, "goal": "job", "exam": "workshop", "budget_usd": 199},
            ("PSPO-I",), (), note="$1 more", never=("CSPO",)),
    Persona("sm-live-course-250", "future SM with $250 who wants a live course",
            {"role": "new", **SM, "goal": "job", "learning": "live_course", "budget_usd": 250},
            ("CSM",), ("PSM-I",), note="cheapest"),
    Persona("po-workshop-250", "PO who prefers a workshop but has $250",
            {"role": "product_owner", **PO, "goal": "job", "exam": "workshop", "budget_usd": 250},
            ("PSPO-I",), (), never=("CSPO",)),
    Persona("sm-large-budget", "future SM whose employer pays up to $5,000",
            {"role": "new", **SM, "goal": "job", "budget_usd": 5000}, ("CSM",), ("PSM-I",),
            "target-sm-foundation"),
]


def expected_pick(catalogue: Any, p: Persona) -> str:
    """The first spelling of ``pick`` that names a certification of this catalogue."""
    from scrumcert.catalogue.lookup import normalise

    for spelling in p.pick:
        code = catalogue.index.get(normalise(spelling))
        if code in catalogue.certifications:
            return code
    raise LookupError(f"{p.id}: none of {p.pick} is in the catalogue")


def acceptable(catalogue: Any, p: Persona) -> set[str]:
    from scrumcert.catalogue.lookup import normalise

    codes = {catalogue.index.get(normalise(s)) for s in (*p.pick, *p.ok)}
    return {c for c in codes if c in catalogue.certifications}


def _markdown() -> str:  # pragma: no cover - a helper for the closing note
    from scrumcert.answers import check, with_defaults
    from scrumcert.catalogue.loader import load_catalogue
    from scrumcert.recommender import recommend

    catalogue = load_catalogue()
    lines = ["| # | persona | expert pick (acceptable) | tool's pick |", "|---|---|---|---|"]
    for i, p in enumerate(PERSONAS, 1):
        try:
            advice = recommend(catalogue, with_defaults(catalogue, check(catalogue, p.answers, "persona")))
            got = advice.recommended or "none"
        except Exception as exc:  # recorded, not hidden
            got = f"refused ({str(getattr(exc, 'message', exc))[:60]})"
        ok = ", ".join(p.ok)
        lines.append(f"| {i} | {p.id}: {p.who} | {p.pick[0]}{f' ({ok})' if ok else ''} | {got} |")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    print(_markdown())
