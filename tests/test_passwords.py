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
