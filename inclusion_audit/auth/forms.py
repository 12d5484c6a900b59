"""Account forms: create an account, sign in, change password."""

from __future__ import annotations

from govuk_frontend_wtf.wtforms_widgets import GovPasswordInput, GovSubmitInput, GovTextInput
from wtforms import EmailField, PasswordField, StringField, SubmitField
from wtforms.validators import Email, EqualTo, InputRequired, Length, ValidationError

from ..forms_base import NoControlCharacters, StripWhitespaceForm
from ..passwords import password_problem
from ..queries import email_taken

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
    organisation_name = StringField(
        "Organisation name",
        widget=GovTextInput(),
        description="The name people know you by. You can change it later.",
        validators=[
            InputRequired(message="Enter your organisation's name"),
            Length(max=200, message="Organisation name must be 200 characters or fewer"),
            NoControlCharacters("Organisation name must only include letters, numbers and punctuation"),
        ],
    )
    email = _email_field("Your email address")
    password = _new_password_field()
    confirm_password = _confirm_field()
    submit = SubmitField("Create account", widget=GovSubmitInput())

    def validate_email(self, field: EmailField) -> None:
        if email_taken(field.data or ""):
            # Telling people is kinder than a silent failure; rate limits stop this being used to list emails.
            raise ValidationError("An account already uses this email address. Sign in instead")

    def validate_password(self, field: PasswordField) -> None:
        problem = password_problem(field.data or "", self.email.data or "", self.organisation_name.data or "")
        if problem:
            raise ValidationError(problem)


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


class AcceptInvitationForm(StripWhitespaceForm):
    password = _new_password_field()
    confirm_password = _confirm_field()
    submit = SubmitField("Join and sign in", widget=GovSubmitInput())


class ForgotPasswordForm(StripWhitespaceForm):
    email = _email_field()
    submit = SubmitField("Send me a reset link", widget=GovSubmitInput())


class ResetPasswordForm(AcceptInvitationForm):
    submit = SubmitField("Change password", widget=GovSubmitInput())
