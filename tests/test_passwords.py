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
