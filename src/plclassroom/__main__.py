"""``python -m plclassroom``: heavy imports (Qt, SQLAlchemy) happen only once a command needs them."""

import sys


def main() -> int:
    from plclassroom.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
