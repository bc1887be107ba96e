"""Allow ``python -m scrumcert``."""

from scrumcert.cli import main

if __name__ == "__main__":
    main()
