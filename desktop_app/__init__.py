"""Wijkteam Intake: offline, encrypted intake notebook for sociale wijkteams."""

__version__ = "0.1.0"
APP_NAME = "Wijkteam Intake"
