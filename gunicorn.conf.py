"""gunicorn reads this file when started from this folder (as the README's production command is).

The audit content is checked once, in the master process, before any worker starts: a content mistake
stops gunicorn at once with the same message as `flask run`, instead of workers failing and restarting
for ever while the master keeps listening.
"""

import sys
from pathlib import Path

from inclusion_audit.config import Config
from inclusion_audit.content_store import content_problem
from inclusion_audit.engine import ContentError, load_content


def on_starting(server) -> None:
    try:
        load_content(Path(Config.CONTENT_DIR))
    except ContentError as error:
        sys.stderr.write(content_problem(error))
        sys.exit(1)
