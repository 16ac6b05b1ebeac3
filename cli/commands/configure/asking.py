"""Questions of the sso wizards: on a terminal through prompt_toolkit (completion, validation,
a menu to choose from), from a pipe one line per answer; choosing from a list needs a terminal.

    asker = Asker(context)
    name = asker.ask("SSO session name", current, completions=[...], check=required)
    account = asker.choose(accounts, show=lambda a: ..., what="AWS account")

prompt_toolkit is imported only when a terminal is there to use it.
"""

from __future__ import annotations

from cli.commands.configure.settings import ConfigureError, read_answer


class NeedsTerminal(ConfigureError):
    """A list to choose from, and no terminal to show it on."""


def required(current):
    """A check: an answer, or a current value to keep."""
    def check(text: str) -> str | None:
        return None if text or current else "A value is required"
    return check


def start_url(current):
    def check(text: str) -> str | None:
        from botocore.utils import is_valid_endpoint_url

        if not text and current:
            return None
        return None if is_valid_endpoint_url(text) else "Not a valid Start URL"
    return check


def scopes(current):
    def check(text: str) -> str | None:
        if not text and current:
            return None
        if any(len(part.strip().split()) > 1 for part in text.split(",")):
            return "Scope values must be separated by commas"
        return None
    return check


class Asker:
    def __init__(self, context):
        self.context = context
        self.on_terminal = context.env.stdout_isatty and _isatty(context.env.stdin)

    def ask(self, text: str, current: str | None, *, completions=(), check=None,
            layout: str | None = None) -> str | None:
        """The answer, blanks stripped; an empty answer keeps `current`.

        `layout`: the prompt's text instead of "TEXT [CURRENT]: ".
        """
        prompt = layout or f"{text} [{current}]: "
        validate = check(current) if check else None
        if self.on_terminal:
            answer = _terminal_prompt(prompt, list(completions), validate)
        else:
            answer = (read_answer(self.context, prompt) or "").strip()
            problem = validate(answer) if validate else None
            if problem:
                raise ConfigureError(f"{text}: {problem}")
        return answer or current

    def choose(self, items: list, *, show=str, what: str):
        """One of `items`, chosen in a menu on the terminal."""
        if not self.on_terminal:
            names = ", ".join(show(item) for item in items)
            raise NeedsTerminal(f"Choosing an {what} needs a terminal; {len(items)} are "
                                f"available: {names} (or write sso_account_id and "
                                "sso_role_name with aws configure set)")
        return _menu(items, show)


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _terminal_prompt(prompt: str, completions: list[str], validate) -> str:
    import re

    from prompt_toolkit import prompt as ask
    from prompt_toolkit.completion import WordCompleter
    from prompt_toolkit.validation import ValidationError, Validator

    class Check(Validator):
        def validate(self, document):
            problem = validate(document.text.strip()) if validate else None
            if problem:
                raise ValidationError(len(document.text), problem)

    completer = WordCompleter(completions, pattern=re.compile(r"\S+"))
    return ask(prompt, completer=completer, complete_while_typing=True, validator=Check(),
               validate_while_typing=False).strip()


def _menu(items: list, show):
    """A list below the cursor: up/down (or k/j) move, Enter chooses, Ctrl-C stops."""
    from prompt_toolkit.application import Application
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.layout import Layout, Window
    from prompt_toolkit.layout.controls import FormattedTextControl
    from prompt_toolkit.layout.dimension import Dimension

    chosen = [0]

    def lines():
        out = []
        for index, item in enumerate(items):
            style = "reverse" if index == chosen[0] else ""
            out.append((style, show(item)))
            out.append(("", "\n"))
        return out[:-1]

    keys = KeyBindings()

    @keys.add("up")
    @keys.add("k")
    def _up(event):
        chosen[0] = (chosen[0] - 1) % len(items)

    @keys.add("down")
    @keys.add("j")
    def _down(event):
        chosen[0] = (chosen[0] + 1) % len(items)

    @keys.add("enter")
    def _enter(event):
        event.app.exit(result=items[chosen[0]])

    @keys.add("c-c")
    def _stop(event):
        event.app.exit(exception=KeyboardInterrupt)

    window = Window(FormattedTextControl(lines, show_cursor=False),
                    height=Dimension(min=min(10, len(items)), max=10))
    return Application(layout=Layout(window), key_bindings=keys, full_screen=False).run()
