"""Property: random numbers laid into tables 三 and 四 parse back to the same numbers,
whatever the rendering (pipe, tab-separated, one cell per line, html)."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportparse import parse_text
from tables_render import (
    html_to_pipes,
    random_data,
    render_html,
    render_lines,
    render_pipe,
    render_tabs,
    report,
)

RENDERINGS = {
    "pipe": render_pipe,
    "tabs": render_tabs,
    "lines": render_lines,
    "html": lambda d: ("", *(html_to_pipes(t) for t in render_html(d))),
}


@pytest.mark.parametrize("rendering", sorted(RENDERINGS))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), era=st.sampled_from(["fmt2019", "fmt2021"]),
       scale=st.integers(1, 400), subtotal=st.booleans())
def test_tables_round_trip(rendering, seed, era, scale, subtotal):
    data = random_data(random.Random(seed), era, scale=scale)
    data.subtotal = subtotal
    text = report("新开镇人民政府", 2022, RENDERINGS[rendering](data))
    tables = parse_text(text).tables
    assert tables.format == era
    assert tables.requests == data.requests_gold()
    assert tables.review_litigation == data.review_gold()
    assert tables.identities == []
    assert tables.missing == [] and tables.ambiguous == []
