"""Insights: patterns across a person's own applications, told with small-sample honesty.

``stats`` (Wilson intervals, the minimum-sample guard), ``funnel`` (steps, cuts, ghosting),
``diagnosis`` (where the funnel narrows, what advice suggests), ``patterns`` (reasons, themes,
reflection ratings, mood), ``flow`` (the Sankey of the search), ``roles`` (role family and
seniority from a title) and ``summary`` (everything in one :class:`Insights`).
"""
