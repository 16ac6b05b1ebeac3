"""AWS CLI shorthand syntax: a pure parser, a shape-driven coercion pass, a printer.

Text in, values out: nothing here reads files or imports botocore, argparse
or the cli package.
"""

from shorthand.coerce import coerce
from shorthand.errors import ShorthandError, ShorthandTooDeep, ShorthandTypeError
from shorthand.parser import FileRef, parse
from shorthand.render import render_value

__all__ = ["FileRef", "ShorthandError", "ShorthandTooDeep", "ShorthandTypeError", "coerce",
           "parse", "render_value"]
