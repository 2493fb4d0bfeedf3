"""The problems of an upload as a page lists them: the first ones, and a count of the rest."""

from dataclasses import dataclass

from django import template

from ..importing.problems import shown_problems

register = template.Library()


@dataclass(frozen=True)
class Listed:
    problems: list
    more: int


@register.simple_tag
def problems_listed(problems) -> Listed:
    """`{% problems_listed result.problems as listed %}`: listed.problems to show, listed.more not shown."""
    shown, more = shown_problems(list(problems or []))
    return Listed(shown, more)
