"""Ways of driving the service's pages the way a person does: by labels, link text and button names."""

from __future__ import annotations

from .support import PASSWORD

RADIOS = "input.govuk-radios__input"
SCORED = ["not_started", "early", "partly", "embedded"]


def click_and_wait(page, target) -> None:
    """Click something that loads a new page (a link or a form button) and wait for that page.

    Marks the current document first, so a form that comes back to the same address still counts.
    """
    page.evaluate("() => { window.__oldPage = true }")
    target.click()
    page.wait_for_function("() => !window.__oldPage")
    page.wait_for_load_state()


def sign_in(page, email: str, password: str = PASSWORD) -> None:
    page.goto("/sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    click_and_wait(page, page.get_by_role("button", name="Sign in"))


def sign_out(page) -> None:
    click_and_wait(page, page.get_by_role("button", name="Sign out"))


def question_names(page) -> list[str]:
    """The questions on a section page, in order (one radio group each)."""
    return page.locator(RADIOS).evaluate_all("inputs => [...new Set(inputs.map(input => input.name))]")


def chosen(page) -> dict[str, str]:
    """The answer selected for each question on the page that has one."""
    return page.locator(f"{RADIOS}:checked").evaluate_all(
        "inputs => Object.fromEntries(inputs.map(input => [input.name, input.value]))"
    )


def answer(page, names: list[str], offset: int = 0) -> dict[str, str]:
    """Select a scored answer for each named question (cycling through the scale); returns what was chosen."""
    answers = {}
    for index, name in enumerate(names):
        value = SCORED[(index + offset) % len(SCORED)]
        page.locator(f'{RADIOS}[name="{name}"][value="{value}"]').check()
        answers[name] = value
    return answers


def complete_section(page, offset: int = 0) -> dict[str, str]:
    """Answer every unanswered question on this section page and 'Save and continue' until it moves on.

    An answer may reveal a follow-up question, which brings the same page back, so this goes round again.
    """
    answers = {}
    start = page.url
    for _ in range(5):
        unanswered = [name for name in question_names(page) if name not in chosen(page)]
        answers.update(answer(page, unanswered, offset))
        click_and_wait(page, page.get_by_role("button", name="Save and continue"))
        if page.url.split("?")[0] != start.split("?")[0] or not page.locator(RADIOS).count():
            return answers
    raise AssertionError(f"{start} did not move on after five saves")


def fill_profile(page, name: str | None = None) -> None:
    """Fill 'About your organisation' (keeping the name unless given) and save it."""
    if name is not None:
        page.get_by_label("Organisation name").fill(name)
    page.get_by_label("Registered charity").check()
    page.get_by_label("Fewer than 10 paid staff").check()
    page.get_by_label("West Northamptonshire", exact=True).check()
    page.get_by_label("Northampton (West Northamptonshire)").check()
    page.get_by_label("People experiencing homelessness").check()
    page.get_by_label("Sex workers").check()
    page.get_by_label("No", exact=True).check()
    click_and_wait(page, page.get_by_role("button", name="Save and continue"))
