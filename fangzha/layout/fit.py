"""The measuring names the families import (kept together while the layout package settles)."""

from .blocks import block_height, item_text, screen_picture  # noqa: F401
from .canvas import FOOT_PAD, KIOSK_LANDSCAPE, KIOSK_PORTRAIT, SLIDE, SLIDE_4X3, SLIDE_LARGE, SLIDE_LARGE_4X3, Canvas, kiosk_canvas  # noqa: F401
from .paginate import CONTINUED, Overflow, continued, fill_ratio, fitting_scale, grow_pictures, paginate, room, slide_height  # noqa: F401
from .text import LATIN_WORD, RUNS, char_width, line_count, paragraph_ems, wrapped_line_count  # noqa: F401
