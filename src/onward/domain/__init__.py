"""Pure core: dataclasses, enums and rules. Standard library only."""
