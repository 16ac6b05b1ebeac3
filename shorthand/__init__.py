"""AWS CLI shorthand syntax: a pure parser, a shape-driven coercion pass, a printer."""
