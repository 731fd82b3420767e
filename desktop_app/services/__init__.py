"""Use cases: the only API that the GUI and the CLI call."""
