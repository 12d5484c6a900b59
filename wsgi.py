"""Entry point for `flask --app wsgi` and gunicorn (`gunicorn wsgi:app`)."""

import sys

from inclusion_audit import create_app
from inclusion_audit.content_store import content_problem
from inclusion_audit.engine import ContentError

try:
    app = create_app()
except ContentError as error:
    # A content editor's mistake: say exactly where it is, without a Python traceback.
    sys.stderr.write(content_problem(error))
    raise SystemExit(1) from None
