"""Entry point for `flask --app wsgi` and gunicorn (`gunicorn wsgi:app`)."""

import sys

from inclusion_audit import create_app
from inclusion_audit.engine import ContentError

try:
    app = create_app()
except ContentError as error:
    # A content editor's mistake: say exactly where it is, without a Python traceback.
    sys.stderr.write(f"The audit content has a problem, so the service cannot start.\n{error}\n")
    raise SystemExit(1) from None
