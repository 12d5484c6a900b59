"""Every database read and write the views need. Views call `queries.<name>`, never the ORM directly."""

from .accounts import *  # noqa: F403
from .areas import *  # noqa: F403
from .audits import *  # noqa: F403
from .certificates import *  # noqa: F403
from .dashboard import *  # noqa: F403
from .data_rights import *  # noqa: F403
from .feedback import *  # noqa: F403
from .invitations import *  # noqa: F403
from .local_help import *  # noqa: F403
from .pipeline import *  # noqa: F403
from .plan import *  # noqa: F403
from .plan_figures import *  # noqa: F403
from .plan_review import *  # noqa: F403
from .reminders import *  # noqa: F403
from .scope import *  # noqa: F403
from .sharing import *  # noqa: F403
from .staff import *  # noqa: F403
from .staff_invitations import *  # noqa: F403
from .systems_admin import *  # noqa: F403
from .team import *  # noqa: F403
from .verification import *  # noqa: F403
