"""PySide6 user interface. Only calls services."""
