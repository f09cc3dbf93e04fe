"""Center pages: a center's programs, team and publications."""

import pytest

pytestmark = pytest.mark.django_db


def test_center_page_lists_programs_team_and_publications(client, analysis, catalogue):
    response = client.get(catalogue["center"].get_absolute_url())
    assert [p.slug for p in response.context["programs"]] == ["indo-pacific"]
    assert [a.slug for a in response.context["team"]] == ["jane-doe"]
    assert list(response.context["publications"]) == [analysis]  # via its program
