import pytest
from argon2 import Parameters, Type, extract_parameters, profiles

from inclusion_audit import create_app
from inclusion_audit.config import DevelopmentConfig, ProductionConfig
from inclusion_audit.passwords import hash_password, password_problem, verify_password


def test_hash_verifies_only_the_same_password():
    stored = hash_password("plain-river-lantern-42")
    assert verify_password(stored, "plain-river-lantern-42")
    assert not verify_password(stored, "plain-river-lantern-43")
    assert not verify_password("not-a-hash", "anything")


def test_policy_accepts_long_uncommon_passwords_without_composition_rules():
    assert password_problem("correct horse battery") is None
    assert password_problem("alllowercaseletters") is None


def test_policy_rejects_short_common_repeated_and_personal_passwords():
    assert "10 characters" in password_problem("abc12345")
    assert "too easy" in password_problem("Password123")
    assert "too easy" in password_problem("qwertyuiop")
    assert "too easy" in password_problem("aaaaaaaaaaaa")
    assert "must not contain" in password_problem("sam.jones-rocks!", email="sam.jones@example.org")


def test_passwords_a_block_list_missed_are_refused_with_the_estimators_advice():
    for weak in ("12345678901", "abc1234567", "zaq12wsxcde"):
        problem = password_problem(weak)
        assert problem is not None and problem.startswith("Password is too easy to guess."), weak
        assert len(problem) > len("Password is too easy to guess. "), "the estimator's feedback is shown"


def test_very_long_passwords_are_judged_without_error():
    assert password_problem("plain-river-lantern-" * 12) is None
    assert "256 characters or fewer" in password_problem("x" * 257)


def _parameters_in(app) -> Parameters:
    with app.app_context():
        return extract_parameters(hash_password("plain-river-lantern-42"))


@pytest.mark.parametrize("config", [ProductionConfig, DevelopmentConfig])
def test_real_configurations_hash_with_the_strong_default(config, monkeypatch, tmp_path):
    monkeypatch.setattr(config, "SECRET_KEY", "x" * 40)
    monkeypatch.setattr(config, "SQLALCHEMY_DATABASE_URI", f"sqlite:///{tmp_path / 'p.db'}")
    monkeypatch.setattr(config, "BASE_URL", "https://audit.example.org")
    monkeypatch.setattr(config, "MAIL_SMTP_HOST", "smtp.example.org")
    parameters = _parameters_in(create_app(config))
    assert parameters == profiles.RFC_9106_LOW_MEMORY  # argon2-cffi's default
    assert parameters.type is Type.ID
    assert parameters.memory_cost >= 64 * 1024 and parameters.time_cost >= 3  # 64 MiB, 3 passes


def test_hashes_made_outside_an_app_are_strong_too():
    assert extract_parameters(hash_password("plain-river-lantern-42")) == profiles.RFC_9106_LOW_MEMORY


def test_only_the_test_configuration_hashes_cheaply_and_it_still_verifies_strong_hashes(app):
    strong = hash_password("plain-river-lantern-42")  # outside the app: the strong default
    cheap = _parameters_in(app)
    assert cheap.type is Type.ID and cheap.memory_cost < 64 * 1024
    with app.app_context():
        assert verify_password(strong, "plain-river-lantern-42")
        assert not verify_password(strong, "plain-river-lantern-43")


def test_an_unknown_email_costs_a_check_against_a_hash_made_like_real_ones(app, monkeypatch):
    from inclusion_audit import passwords
    from inclusion_audit.queries import authenticate

    checked = []
    monkeypatch.setattr(passwords, "verify_password", lambda stored, password: checked.append(stored) or False)
    with app.app_context():
        assert authenticate("nobody@example.org", "plain-river-lantern-42") is None
    assert len(checked) == 1
    assert extract_parameters(checked[0]) == _parameters_in(app)


def test_a_password_full_of_look_alike_characters_is_judged_on_a_bounded_part(monkeypatch):
    """zxcvbn's work grows with the number of different look-alike characters ('4' for 'a'...): one such
    password took 16 s of CPU. Only a bounded part of it is estimated, so it cannot tie up a worker."""
    from inclusion_audit import passwords

    seen = []
    real = passwords.zxcvbn
    monkeypatch.setattr(passwords, "zxcvbn", lambda text, user_inputs=(): seen.append(text) or real(text, user_inputs))
    attack = ("4@8({[<3691!|70$5+%2" * 4)[:72]
    password_problem(attack)
    assert len(seen[0]) <= 16
    ordinary = "plain-river-lantern-42-and-some-more-words-to-make-it-long"
    password_problem(ordinary)
    assert seen[1] == ordinary, "ordinary passwords are still judged whole"
