"""Attack round: the cost of checking a new password.

zxcvbn tries every way of reading look-alike characters as letters ('4' or '@' as 'a', '(' as 'c', and so on)
and searches its dictionaries once per way. A 72-character password made of all 20 look-alike characters gives
738 ways, so one check runs about 1,500 dictionary searches over 72 characters: 16 seconds of CPU on this
machine, holding one of gunicorn's two workers. Changing a password is allowed 5 times a minute per account and
anyone can make accounts, so a handful of requests keeps the service busy. The test counts the dictionary work
(not the time) for one change of password through the real page.
"""

from __future__ import annotations

import pytest
import zxcvbn.matching

from tests.conftest import PASSWORD

LOOK_ALIKES = "4@8({[<3691!|70$5+%2"
# A dictionary search costs about the square of the length it searches; an ordinary long password such as
# "p@$$w0rd-5|_|mm3r-2024!" costs about 7,500 of these units, the password below about 4,100,000.
MOST_WORK = 100_000


@pytest.fixture
def dictionary_work(monkeypatch):
    """Counts the dictionary searches zxcvbn asks for, as the square of the length searched. Each search is
    answered with 'no match' so the test itself stays quick; the number of searches asked for is unchanged."""
    work = {"units": 0, "searches": 0}

    def counted(password, _ranked_dictionaries=None):
        work["units"] += len(password) ** 2
        work["searches"] += 1
        return []

    monkeypatch.setattr(zxcvbn.matching, "dictionary_match", counted)
    return work


def test_one_change_of_password_cannot_cost_seconds_of_cpu(member_client, dictionary_work):
    costly = (LOOK_ALIKES * 4)[:72]
    data = {"current_password": PASSWORD, "new_password": costly, "confirm_password": costly}
    member_client.post("/account/password", data=data)
    assert dictionary_work["searches"] > 0, "the new password was checked"
    assert dictionary_work["units"] <= MOST_WORK, (
        f"{dictionary_work['searches']} dictionary searches ({dictionary_work['units']:,} units) for one password"
    )
