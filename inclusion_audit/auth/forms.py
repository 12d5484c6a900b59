"""Account forms: ask for an account, set a password, sign in, change password."""

from __future__ import annotations

from govuk_frontend_wtf.wtforms_widgets import GovPasswordInput, GovSubmitInput, GovTextInput
from wtforms import EmailField, PasswordField, StringField, SubmitField
from wtforms.validators import Email, EqualTo, InputRequired, Length

from ..forms_base import PlainName, StripWhitespaceForm

EMAIL_FORMAT = "Enter an email address in the correct format, like name@example.org"


def _email_field(label: str = "Email address") -> EmailField:
    return EmailField(
        label,
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter your email address"),
            Length(max=320, message="Email address must be 320 characters or fewer"),
            Email(message=EMAIL_FORMAT, check_deliverability=False),
        ],
    )


PASSWORD_HINT = "Use 10 characters or more. A good way is 3 random words together."
PASSWORDS_DIFFER = "The passwords do not match. Enter the same password twice"


def _new_password_field(label: str = "Create a password", missing: str = "Enter a password") -> PasswordField:
    return PasswordField(
        label, widget=GovPasswordInput(), description=PASSWORD_HINT, validators=[InputRequired(message=missing)]
    )


def _confirm_field(
    match: str = "password", label: str = "Confirm password", missing: str = "Enter your password again"
) -> PasswordField:
    return PasswordField(
        label,
        widget=GovPasswordInput(),
        validators=[InputRequired(message=missing), EqualTo(match, message=PASSWORDS_DIFFER)],
    )


class CreateAccountForm(StripWhitespaceForm):
    """The first step: who you are. The password is chosen after following the emailed link."""

    organisation_name = StringField(
        "Organisation name",
        widget=GovTextInput(),
        description="The name people know you by. You can change it later.",
        validators=[
            InputRequired(message="Enter your organisation's name"),
            Length(max=200, message="Organisation name must be 200 characters or fewer"),
            PlainName("Organisation name"),
        ],
    )
    email = _email_field("Your email address")
    submit = SubmitField("Continue", widget=GovSubmitInput())


class SignInForm(StripWhitespaceForm):
    email = _email_field()
    password = PasswordField(
        "Password", widget=GovPasswordInput(), validators=[InputRequired(message="Enter your password")]
    )
    submit = SubmitField("Sign in", widget=GovSubmitInput())


class ChangePasswordForm(StripWhitespaceForm):
    current_password = PasswordField(
        "Current password",
        widget=GovPasswordInput(),
        validators=[InputRequired(message="Enter your current password")],
    )
    new_password = _new_password_field("New password", "Enter a new password")
    confirm_password = _confirm_field("new_password", "Confirm new password", "Enter your new password again")
    submit = SubmitField("Change password", widget=GovSubmitInput())


class SetPasswordForm(StripWhitespaceForm):
    password = _new_password_field()
    confirm_password = _confirm_field()
    submit = SubmitField("Create account", widget=GovSubmitInput())


class AcceptInvitationForm(SetPasswordForm):
    submit = SubmitField("Join and sign in", widget=GovSubmitInput())


class AcceptStaffInvitationForm(SetPasswordForm):
    submit = SubmitField("Set password and sign in", widget=GovSubmitInput())


class ForgotPasswordForm(StripWhitespaceForm):
    email = _email_field()
    submit = SubmitField("Send me a reset link", widget=GovSubmitInput())


class ResetPasswordForm(SetPasswordForm):
    submit = SubmitField("Change password", widget=GovSubmitInput())
