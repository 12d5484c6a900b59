"""Every chart the service draws, with one palette: the guide's results, and the coordinator's spread and trends.

Charts are server-drawn SVG (plain shapes and text: no script, no chart library), so they print, zoom and work
without JavaScript; each carries a title and a text description, and is always shown next to a table holding the
same figures. The PDF and Word documents take their colours from the same palette.
"""

from .bars import Bar, bar_chart
from .comparison import Block, comparison_chart
from .palette import Palette
from .results import results_chart
from .spread import spread_chart
from .trend import Series, trend_chart

__all__ = [
    "Bar",
    "Block",
    "Palette",
    "Series",
    "bar_chart",
    "comparison_chart",
    "results_chart",
    "spread_chart",
    "trend_chart",
]
