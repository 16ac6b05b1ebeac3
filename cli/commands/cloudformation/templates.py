"""CloudFormation templates as data: read from JSON or YAML (with the short-form tags), written as YAML.

Reading: a template that is JSON is read as JSON (keys in order); anything
else as YAML, where CloudFormation's short forms become the long forms v2
turns them into:

    !Ref Name              -> {"Ref": "Name"}
    !Condition Name        -> {"Condition": "Name"}
    !GetAtt Res.Attr.Sub   -> {"Fn::GetAtt": ["Res", "Attr.Sub"]}  (split at the first dot)
    !Sub / !Join / !If ... -> {"Fn::Sub": ...}, {"Fn::Join": [...]}, ...  (any other !Tag)

Like v2 (ruamel.yaml, YAML 1.2), integers and floats are YAML 1.2's (no
sexagesimal 1:30, no 0-prefixed octal), while YAML 1.1's booleans (yes/no/on/off
in every case) stay booleans, which is what CloudFormation makes of them.

Writing: block style, keys in their order, no anchors or aliases, and strings
that would read back as something else quoted ('yes', '123', '').
"""

from __future__ import annotations

import json
import re

_BOOL = re.compile(r"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE"
                   r"|on|On|ON|off|Off|OFF)$")
# YAML 1.2 core schema numbers (as ruamel.yaml resolves them; underscores allowed)
_INT = re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$")
_FLOAT = re.compile(r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
                    r"|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
                    r"|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?"
                    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
_RUNS = re.compile(r" +|[^ ]+")  # a plain string's words and the spaces between them


class TemplateError(ValueError):
    """A template that is neither JSON nor YAML (the message is the YAML parser's)."""


def _use_template_resolvers(cls) -> None:
    """SafeLoader's implicit types, with YAML 1.2's numbers and YAML 1.1's booleans, on a
    loader or dumper class (a dumper quotes a string that would read back as another type)."""
    import yaml

    resolvers = {}
    for first, entries in yaml.SafeLoader.yaml_implicit_resolvers.items():
        kept = [(tag, regexp) for tag, regexp in entries
                if tag not in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                               "tag:yaml.org,2002:bool")]
        if kept:
            resolvers[first] = kept
    cls.yaml_implicit_resolvers = resolvers
    cls.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("yYnNtTfFoO"))
    cls.add_implicit_resolver("tag:yaml.org,2002:int", _INT, list("-+0123456789"))
    cls.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT, list("-+0123456789."))


def _loader_class():
    import yaml

    class TemplateLoader(yaml.SafeLoader):
        pass

    _use_template_resolvers(TemplateLoader)
    TemplateLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
    TemplateLoader.add_multi_constructor("!", _construct_intrinsic)
    return TemplateLoader


def _construct_int(loader, node) -> int:
    text = loader.construct_scalar(node).replace("_", "")
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    if digits.startswith("0b"):
        return sign * int(digits[2:], 2)
    if digits.startswith("0x"):
        return sign * int(digits[2:], 16)
    if digits.startswith("0o"):
        return sign * int(digits[2:], 8)
    return sign * int(digits)


def _construct_intrinsic(loader, suffix: str, node):
    import yaml

    name = suffix if suffix in ("Ref", "Condition") else "Fn::" + suffix
    if suffix == "GetAtt" and isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node).split(".", 1)
    elif isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {name: value}


def parse(text: str):
    """A template's data: JSON when it is JSON, else YAML with the short-form tags."""
    try:
        return json.loads(text)
    except ValueError:
        pass
    import yaml

    try:
        return yaml.load(text, Loader=_loader_class())  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as error:
        raise TemplateError(str(error)) from None


def _dumper_class():
    import yaml

    class TemplateDumper(yaml.SafeDumper):
        def ignore_aliases(self, data) -> bool:
            return True  # v2 writes a repeated object out each time, never &anchor/*alias

        def choose_scalar_style(self):
            # As v2's emitter (ruamel.yaml): a string with a quote or a line break that
            # must be quoted is double-quoted ("'a' b", "a\nb"), not single-quoted. (v2
            # single-quotes the rarer breaks, NEL, LS and PS, and reads NEL back as a
            # space; here they are double-quoted too, so that they read back.)
            style = super().choose_scalar_style()
            value = self.event.value
            if (style == "'" and not self.event.style and self.analysis.allow_double_quoted
                    and any(c in value for c in "'\n\x85\u2028\u2029")):
                return '"'
            return style

        def write_plain(self, text, split=True):
            # v2's emitter wraps a plain string before the word that would pass the width
            # (leaving the space before it at the end of the line), where PyYAML wraps
            # after the word that passed it.
            if not text or not split or any(c in text for c in "\n\x85\u2028\u2029"):
                return super().write_plain(text, split)
            if self.root_context:
                self.open_ended = True
            if not self.whitespace:
                self._put(" ")
            self.whitespace = self.indention = False
            for run in _RUNS.findall(text):
                if run == " " and self.column >= self.best_width:
                    self.write_indent()
                    self.whitespace = self.indention = False
                    continue
                if (not run.startswith(" ") and len(run) + self.column > self.best_width
                        and self.indent is not None and self.column > self.indent):
                    self.write_indent()
                self._put(run)

        def _put(self, data: str) -> None:
            self.column += len(data)
            self.stream.write(data.encode(self.encoding) if self.encoding else data)

    _use_template_resolvers(TemplateDumper)
    return TemplateDumper


def dump(data) -> str:
    """YAML text of a template, in block style, keys in their order."""
    import yaml

    return yaml.dump(data, Dumper=_dumper_class(), default_flow_style=False, sort_keys=False,
                     allow_unicode=True)
