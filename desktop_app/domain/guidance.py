"""Guidance for the panes next to the intake and the weighing wizard: the ten rules of thumb
(vuistregels ZU-V1..V10) of the Zutphen privacy code, kept in `forms/vuistregels.yaml` so a
municipality can reword or add its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from desktop_app.domain.protocols import (
    Text,
    check_keys,
    expect_id,
    expect_list,
    expect_mapping,
    parse_text,
)
from desktop_app.domain.yaml_source import DefinitionError, load_yaml_file, load_yaml_text
from desktop_app.messages import Message

__all__ = ["Guidance", "Place", "RuleGroup", "Vuistregel", "load_vuistregels", "parse_vuistregels"]

_RULE_ID = re.compile(r"^[A-Z]{2,6}-V[0-9]{1,3}$")


class Place(StrEnum):
    """Where a guidance pane shows a rule."""

    INTAKE = "intake"
    WEIGHING = "afweging"


@dataclass(frozen=True, slots=True)
class RuleGroup:
    id: str
    title: Text


@dataclass(frozen=True, slots=True)
class Vuistregel:
    id: str  # "ZU-V5": cited in the UI so workers can look it up in the code
    group: str
    text: Text
    show_in: frozenset[Place]


@dataclass(frozen=True, slots=True)
class Guidance:
    version: int
    groups: tuple[RuleGroup, ...]
    rules: tuple[Vuistregel, ...]

    def for_place(self, place: Place) -> tuple[Vuistregel, ...]:
        return tuple(r for r in self.rules if place in r.show_in)

    def get(self, rule_id: str) -> Vuistregel | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def by_group(
        self, place: Place | None = None
    ) -> tuple[tuple[RuleGroup, tuple[Vuistregel, ...]], ...]:
        """Groups in file order with their rules (filtered by `place`), empty groups left out."""
        result = []
        for group in self.groups:
            rules = tuple(
                r
                for r in self.rules
                if r.group == group.id and (place is None or place in r.show_in)
            )
            if rules:
                result.append((group, rules))
        return tuple(result)


def load_vuistregels(path: Path) -> Guidance:
    return _build(load_yaml_file(path), str(path))


def parse_vuistregels(text: str, source: str) -> Guidance:
    return _build(load_yaml_text(text, source), source)


def _build(data: Any, source: str) -> Guidance:
    # The `what` of the shared helpers in protocols.py is a Message here: it says which part of
    # the file is wrong in the worker's language.
    if data is None:
        raise DefinitionError(source, None, Message("definition.guidance.empty_file"))
    top = expect_mapping(data, source, 1, Message("definition.guidance.what.file"))
    check_keys(top, source, Message("definition.guidance.what.file"),
               required=("version", "groups", "rules"))
    version = top["version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DefinitionError(source, top.line_of("version"),
                              Message("definition.guidance.bad_version"))

    groups: list[RuleGroup] = []
    raw_groups = expect_list(top["groups"], source, top.line_of("groups"), "'groups'")
    for index, raw in enumerate(raw_groups):
        a_group = Message("definition.guidance.what.a_group")
        entry = expect_mapping(raw, source, raw_groups.line_of(index), a_group)
        check_keys(entry, source, a_group, required=("id", "title"))
        group_id = expect_id(entry["id"], source, entry.line_of("id"),
                             Message("definition.guidance.what.group"))
        if any(g.id == group_id for g in groups):
            raise DefinitionError(source, entry.line_of("id"),
                                  Message("definition.guidance.duplicate_group", id=group_id))
        title = parse_text(entry["title"], source, entry.line_of("title"),
                           Message("definition.guidance.what.group_title", id=group_id))
        groups.append(RuleGroup(group_id, title))

    rules: list[Vuistregel] = []
    raw_rules = expect_list(top["rules"], source, top.line_of("rules"), "'rules'")
    if not raw_rules:
        raise DefinitionError(source, top.line_of("rules"), Message("definition.guidance.no_rules"))
    group_ids = {g.id for g in groups}
    for index, raw in enumerate(raw_rules):
        a_rule = Message("definition.guidance.what.a_rule")
        entry = expect_mapping(raw, source, raw_rules.line_of(index), a_rule)
        check_keys(entry, source, a_rule, required=("id", "group", "text", "show_in"))
        rule_id = entry["id"]
        if not isinstance(rule_id, str) or not _RULE_ID.match(rule_id):
            raise DefinitionError(source, entry.line_of("id"),
                                  Message("definition.guidance.bad_rule_id", id=str(rule_id)))
        if any(r.id == rule_id for r in rules):
            raise DefinitionError(source, entry.line_of("id"),
                                  Message("definition.guidance.duplicate_rule", id=rule_id))
        group = entry["group"]
        if group not in group_ids:
            raise DefinitionError(source, entry.line_of("group"), Message(
                "definition.guidance.unknown_group", id=rule_id, group=str(group)))
        text = parse_text(entry["text"], source, entry.line_of("text"),
                          Message("definition.guidance.what.rule_key", key="text", id=rule_id))
        raw_places = expect_list(
            entry["show_in"], source, entry.line_of("show_in"),
            Message("definition.guidance.what.rule_key", key="show_in", id=rule_id))
        places: set[Place] = set()
        for place_index, raw_place in enumerate(raw_places):
            try:
                places.add(Place(raw_place))
            except ValueError:
                raise DefinitionError(
                    source,
                    raw_places.line_of(place_index),
                    Message("definition.guidance.unknown_place", id=rule_id,
                            place=str(raw_place), allowed=", ".join(p.value for p in Place)),
                ) from None
        if not places:
            raise DefinitionError(source, entry.line_of("show_in"),
                                  Message("definition.guidance.show_in_empty", id=rule_id))
        rules.append(Vuistregel(rule_id, group, text, frozenset(places)))
    return Guidance(version, tuple(groups), tuple(rules))
