"""Rule: the identities of DOMAIN.md §4, checked on every recovered table.

1. table 三, every row: 总计 = the six applicant columns;
2. table 三, every column: （七）总计 = the outcome rows;
3. table 三, every column: 一 + 二 = （七）+ 四;
4. table 四, every group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.

A cell printed blank (not ``/`` or ``—``) that two identities determine alike
is filled and listed in ``derived``; anything else is reported, never fixed.
"""

from __future__ import annotations

from functools import lru_cache

from ..models import IdentityFailure
from . import labels
from .state import State

# An equation: (rule, table, left cells, right cells) meaning sum(left) == sum(right).
Equation = tuple[str, str, list[str], list[str]]


def equations(state: State) -> list[Equation]:
    eqs: list[Equation] = []
    era = state.layout or state.era or "fmt2021"
    if state.requests:
        row_keys = state.row_keys or labels.PHYSICAL_ROWS.get(era, ())
        keys = [k for k in row_keys if k in state.requests]
        for k in keys:
            eqs.append(("row total = sum of applicant columns", "requests",
                        [f"{k}.total"], [f"{k}.{c}" for c in labels.APPLICANT_COLUMNS]))
        outcome = row_keys[2:-2]
        for c in labels.REQUEST_COLUMNS:
            eqs.append(("(七)总计 = sum of outcome rows", "requests",
                        [f"total_processed.{c}"], [f"{k}.{c}" for k in outcome]))
            eqs.append(("一 + 二 = (七) + 四", "requests",
                        [f"new_received.{c}", f"carried_over.{c}"],
                        [f"total_processed.{c}", f"carried_forward.{c}"]))
    if state.review_litigation:
        for g in labels.REVIEW_GROUPS:
            eqs.append(("group 总计 = sum of its four parts", "review_litigation",
                        [f"{g}.total"], [f"{g}.{c}" for c in labels.REVIEW_COLUMNS[:4]]))
    return eqs


def _table(state: State, name: str) -> dict:
    return getattr(state, name) or {}


@lru_cache(maxsize=1024)
def _row_col(cell: str) -> tuple[str, str]:
    row, col = cell.split(".")
    return row, col


def _get(state: State, table: str, cell: str):
    row, col = _row_col(cell)
    return ((getattr(state, table) or {}).get(row) or {}).get(col)


def derive_blanks(state: State) -> None:
    if "" not in state.raw.values():
        return  # only cells printed blank are ever derived
    eqs = equations(state)
    changed = True
    while changed:
        changed = False
        proposals: dict[tuple[str, str], list] = {}
        for _rule, table, left, right in eqs:
            cells = left + right
            unknown = [c for c in cells if _get(state, table, c) is None]
            if len(unknown) != 1 or state.raw.get(f"{table}.{unknown[0]}") != "":
                continue
            cell = unknown[0]
            lsum = sum(_get(state, table, c) or 0 for c in left)
            rsum = sum(_get(state, table, c) or 0 for c in right)
            value = rsum - lsum if cell in left else lsum - rsum
            proposals.setdefault((table, cell), []).append(value)
        for (table, cell), values in proposals.items():
            if len(values) >= 2 and len(set(values)) == 1 and values[0] >= 0:
                row, col = cell.split(".")
                _table(state, table)[row][col] = values[0]
                path = f"{table}.{cell}"
                state.derived.append(path)
                state.raw.pop(path, None)
                changed = True


def check_identities(state: State) -> None:
    derive_blanks(state)
    if (state.layout or state.era) == "fmt2021" and state.requests and "other" not in state.row_keys:
        # （六） of 2021 is the sum of its sub-rows; refresh it after derivation.
        subrows = [state.requests.get(k, {}) for k in labels.OTHER_SUBROWS]
        for c in labels.REQUEST_COLUMNS:
            parts = [r.get(c) for r in subrows]
            state.requests.setdefault("other", {})[c] = None if None in parts else sum(parts)
    for rule, table, left, right in equations(state):
        lv = [_get(state, table, c) for c in left]
        rv = [_get(state, table, c) for c in right]
        if None in lv or None in rv:
            continue
        found, expected = sum(lv), sum(rv)
        if found != expected:
            state.identities.append(IdentityFailure(
                table=table, rule=rule, cells=[f"{table}.{c}" for c in left + right],
                expected=expected, found=found, difference=found - expected))
