import pytest

from inclusion_audit.security import is_safe_next


@pytest.mark.parametrize("target", ["/audit/", "/audit/profile?x=1", "/"])
def test_local_paths_are_safe(target):
    assert is_safe_next(target)


@pytest.mark.parametrize(
    "target", [None, "", "audit", "//evil.example", "/\\evil.example", "https://evil.example/", "javascript:x"]
)
def test_anything_that_could_leave_the_site_is_not(target):
    assert not is_safe_next(target)
