"""Recovery of the standard tables 二/三/四 from any rendering (see the tables issue).

Entry point: :func:`recover_tables` takes the normalized document and returns
:class:`~reportparse.models.Tables` with the keys of CONTRACT.md.
"""

from __future__ import annotations

from ..models import Tables
from ..normalize import Normalized


def recover_tables(doc: Normalized, era_hint: str | None = None) -> Tables:
    """Find tables 二, 三 and 四 in ``doc.text``; cells not found stay null."""
    return Tables()
