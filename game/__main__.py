"""`python -m game` runs the `newsroom` command."""

import sys

from game.cli import main

sys.exit(main())
