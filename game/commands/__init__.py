"""The `newsroom` subcommands, one module each (see `game.cli.COMMANDS`)."""
