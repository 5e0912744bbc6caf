"""The command line: Typer + Rich, thin. Each command parses, calls one service, renders."""
