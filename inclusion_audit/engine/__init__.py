"""The content engine: loads the audit content, scores answers and builds the tailored guide.

Pure Python with no Flask ties, so it can be used from the web app, the CLI and tests alike.
"""

from .content import Content, QuestionDef, SectionDef, SnippetDef
from .coverage import coverage_gaps
from .errors import ContentError
from .guide import build_guide, guide_labels
from .loader import load_content, version_of
from .model import Action, Fact, Guide, GuideSection, HelpEntry, Overall, Profile, SectionResult, Snippet, Source, Stage
from .preview import ContentFindings, check_report, find_problems, preview_text
from .scoring import resolve_answers, score, visible_questions

__all__ = [
    "Action",
    "Content",
    "ContentError",
    "ContentFindings",
    "Fact",
    "Guide",
    "GuideSection",
    "HelpEntry",
    "Overall",
    "Profile",
    "QuestionDef",
    "SectionDef",
    "SectionResult",
    "Snippet",
    "SnippetDef",
    "Source",
    "Stage",
    "build_guide",
    "check_report",
    "coverage_gaps",
    "find_problems",
    "guide_labels",
    "load_content",
    "preview_text",
    "resolve_answers",
    "score",
    "version_of",
    "visible_questions",
]
