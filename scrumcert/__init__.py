"""scrumcert: which Scrum certification should I get? A sourced, explainable advisor.

The package is a small library core (loading, resolving, recommending, costing, planning) with a thin
Typer CLI in ``scrumcert.cli``. Nothing heavy is imported here, so ``scrumcert --version`` stays fast.
"""

__version__ = "0.1.0"
