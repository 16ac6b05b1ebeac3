"""The prompt on the terminal (prompt_toolkit), imported only when a prompt starts.

    ask(text, env, assistant, first_problem) -> (action, text)

One input line (it grows to several for long JSON values), a completion
menu under the cursor, a bar with the first value that will not parse,
and panels: documentation (F3), a sample of the output (F5), the keys
(F1). `action` is "run" (Enter), "interrupt" (Ctrl-C) or "quit" (Ctrl-D);
`text` is the line as edited. Everything the prompt shows comes from
`cli.prompt.assist` and `cli.prompt.checks`; this module only lays it out
and binds keys.
"""

from __future__ import annotations

from prompt_toolkit.application import Application
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.completion import Completer, Completion, ThreadedCompleter
from prompt_toolkit.document import Document
from prompt_toolkit.filters import Condition, has_focus
from prompt_toolkit.formatted_text import to_formatted_text
from prompt_toolkit.input import create_input
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.layout import (
    ConditionalContainer,
    Float,
    FloatContainer,
    HSplit,
    Layout,
    VSplit,
    Window,
)
from prompt_toolkit.layout.controls import BufferControl, FormattedTextControl
from prompt_toolkit.layout.dimension import Dimension
from prompt_toolkit.layout.menus import CompletionsMenu, MultiColumnCompletionsMenu
from prompt_toolkit.layout.processors import Processor, Transformation
from prompt_toolkit.layout.utils import explode_text_fragments
from prompt_toolkit.output import create_output
from prompt_toolkit.styles import Style

from cli.prompt.assist import PREFIX, continues
from cli.prompt.checks import problems
from cli.prompt.history import CommandHistory, history_path
from cli.prompt.words import split

INPUT_ROWS = 10  # room under the line for the menu, as v2 keeps
KEYS = ("[Enter] run or take the choice  [Alt-Enter] new line  [Tab] complete  "
        "[F1] keys  [F3] docs  [F5] output  [Ctrl-R] history  [Ctrl-C] cancel  [Ctrl-D] quit")
KEY_HELP = """\
Enter        run the command; with a choice selected in the menu, take it
Alt-Enter    a new line (Enter also adds one inside an open quote)
Tab          the next choice; Shift-Tab the previous one
Up / Down    earlier and later commands (history), or lines of a long value
Ctrl-R       search the history; Escape leaves it
F1           this help
F2           move between the line and the open panels (j, k, g, G or the arrows scroll;
             q comes back)
F3           show or hide the documentation of the command or option under the cursor
F4           the menu in one column or several
F5           show or hide a sample of the output (--output and --query applied)
Ctrl-C       leave without running (exit 130); Ctrl-D leaves too (exit 0)"""
STYLE = {
    "problem": "fg:ansired",
    "hint": "fg:ansiyellow",
    "value-error": "underline fg:ansired",
    "title": "reverse",
    "toolbar": "reverse",
}


class _State:
    """What the prompt shows, beside the text itself."""

    def __init__(self, first_problem: str | None) -> None:
        self.show_doc = False
        self.show_output = False
        self.show_help = False
        self.multi_column = False
        self.history_mode = False
        self.first_problem = first_problem  # the failed run that opened the prompt, until an edit
        self.last_run = first_problem  # the same, kept for the output panel
        self.problems: list = []
        self.missing: list[str] = []


def ask(text: str, env, assistant, first_problem: str | None = None) -> tuple[str, str]:
    state = _State(first_problem)
    history = CommandHistory(history_path(env.environ))
    buffer = Buffer(
        name="input",
        document=Document(text, len(text)),
        multiline=True,
        completer=ThreadedCompleter(_Completer(assistant, state)),
        complete_while_typing=True,
        history=history,
    )
    doc_buffer = Buffer(name="doc", read_only=True)
    output_buffer = Buffer(name="output", read_only=True)
    app: Application | None = None

    def columns() -> int:
        """The width to lay a panel's text out to (one column spare: no wrap at the edge)."""
        size = app.output.get_size().columns if app else 80
        return max(20, (size // 2 - 1 if state.show_doc and state.show_output else size) - 1)

    def refresh_panels(_=None) -> None:
        document = buffer.document
        if state.show_doc:
            shown = assistant.documentation(document.text, document.cursor_position, columns())
            if shown is not None:
                _show(doc_buffer, shown)
        if state.show_output:
            _show(output_buffer, _last_run(state) + assistant.sample_output(document.text,
                                                                             columns()))

    def text_changed(_=None) -> None:
        state.first_problem = None
        check(buffer.text)
        refresh_panels()

    def check(line: str) -> None:
        try:
            state.problems = problems(assistant.catalog, line)
            state.missing = assistant.missing(line)
        except Exception:  # a check must never end the prompt
            state.problems, state.missing = [], []

    check(text)
    buffer.on_text_changed += text_changed
    buffer.on_cursor_position_changed += refresh_panels

    input_window = Window(
        BufferControl(buffer=buffer, input_processors=[_Marks(state)]),
        get_line_prefix=lambda line, wrapped: PREFIX if line == 0 and not wrapped
        else " " * len(PREFIX),
        wrap_lines=True,
        height=Dimension(min=INPUT_ROWS),
        dont_extend_height=True,
    )
    doc_window = Window(BufferControl(buffer=doc_buffer), wrap_lines=True)
    output_window = Window(BufferControl(buffer=output_buffer), wrap_lines=True)
    show_doc = Condition(lambda: state.show_doc)
    show_output = Condition(lambda: state.show_output)
    multi_column = Condition(lambda: state.multi_column)
    panels = VSplit([
        ConditionalContainer(_titled("Documentation", doc_window), show_doc),
        ConditionalContainer(Window(width=1, char="│"), show_doc & show_output),
        ConditionalContainer(_titled("Output (a sample)", output_window), show_output),
    ], height=Dimension(preferred=24, max=30))
    # The menu floats over the room under the line only: the bar with the
    # value's problem, the panels and the keys stay in sight.
    line = FloatContainer(input_window, floats=[
        Float(xcursor=True, ycursor=True,
              content=CompletionsMenu(max_height=INPUT_ROWS - 1, scroll_offset=1,
                                      extra_filter=~multi_column)),
        Float(xcursor=True, ycursor=True,
              content=MultiColumnCompletionsMenu(extra_filter=multi_column)),
    ])
    root = HSplit([
        line,
        ConditionalContainer(
            Window(FormattedTextControl(lambda: _problem_text(state)), wrap_lines=True,
                   dont_extend_height=True),
            Condition(lambda: bool(state.first_problem or state.problems or state.missing))),
        ConditionalContainer(panels, show_doc | show_output),
        ConditionalContainer(
            Window(FormattedTextControl(KEY_HELP), dont_extend_height=True),
            Condition(lambda: state.show_help)),
        Window(FormattedTextControl([("class:toolbar", KEYS)]), wrap_lines=True,
               dont_extend_height=True),
    ])
    app = Application(
        layout=Layout(root, focused_element=input_window),
        key_bindings=_key_bindings(state, buffer, [doc_window, output_window], refresh_panels),
        style=Style.from_dict(STYLE),
        full_screen=False,
        erase_when_done=True,
        mouse_support=False,
        input=create_input(env.stdin),
        output=create_output(env.stdout),
    )

    def start() -> None:
        if not buffer.text or buffer.text[-1].isspace():
            buffer.start_completion(select_first=False)

    return app.run(pre_run=start)


def _show(panel: Buffer, text: str) -> None:
    if panel.text != text:
        panel.set_document(Document(text, 0), bypass_readonly=True)


def _last_run(state: _State) -> str:
    if not state.last_run:
        return ""
    return f"The command as it was first typed ended with:\n{state.last_run}\n\nA sample:\n"


def _titled(title: str, window: Window) -> HSplit:
    return HSplit([Window(FormattedTextControl([("class:title", f" {title} ")]), height=1,
                          char="─"), window])


def _problem_text(state: _State):
    if state.first_problem:
        return to_formatted_text([("class:problem", state.first_problem)])
    if state.problems:
        return to_formatted_text([("class:problem", state.problems[0].message)])
    return to_formatted_text([("class:hint", "required: " + " ".join(state.missing))])


class _Marks(Processor):
    """Underlines, on the line, the spots where a value will not parse."""

    def __init__(self, state: _State):
        self.state = state

    def apply_transformation(self, ti):
        spans = [(p.start, p.end) for p in self.state.problems]
        if not spans:
            return Transformation(ti.fragments)
        document = ti.document
        line_start = document.translate_row_col_to_index(ti.lineno, 0)
        line_end = line_start + len(document.lines[ti.lineno])
        fragments = explode_text_fragments(ti.fragments)
        for start, end in spans:
            for i in range(max(start, line_start), min(end, line_end)):
                style, char = fragments[i - line_start][:2]
                fragments[i - line_start] = (style + " class:value-error", char)
        return Transformation(fragments)


class _Completer(Completer):
    """The assistant's candidates, or, in history mode, the earlier lines holding the text."""

    def __init__(self, assistant, state: _State):
        self.assistant = assistant
        self.state = state

    def get_completions(self, document, complete_event):
        cursor = document.cursor_position
        if self.state.history_mode:
            yield from _history_completions(complete_event, document)
            return
        try:
            found = self.assistant.candidates(document.text, cursor)
        except Exception:  # a keystroke must never end the prompt
            return
        for c in found:
            yield Completion(c.text, start_position=c.start - cursor, display=c.display,
                             display_meta=c.meta)


def _history_completions(event, document):
    from prompt_toolkit.application import get_app

    typed = document.text_before_cursor.strip()
    seen = set()
    for line in reversed(get_app().current_buffer.history.get_strings()):
        line = line.strip()
        if line and line not in seen and typed in line:
            seen.add(line)
            yield Completion(line, start_position=-len(document.text_before_cursor))


def _key_bindings(state: _State, buffer: Buffer, panels: list[Window], refresh) -> KeyBindings:
    kb = KeyBindings()
    on_line = has_focus(buffer)

    @kb.add("enter", filter=on_line)
    def _(event):
        chosen = buffer.complete_state.current_completion if buffer.complete_state else None
        if chosen is not None:
            buffer.apply_completion(chosen)
            if state.history_mode:
                state.history_mode = False
            elif not continues(chosen.text):
                buffer.insert_text(" ")
            else:
                buffer.start_completion(select_first=False)
            return
        if split(buffer.text)[1] is not None:  # inside quotes: a long value goes on
            buffer.insert_text("\n")
            return
        buffer.cancel_completion()
        buffer.append_to_history()
        event.app.exit(result=("run", buffer.text))

    @kb.add("up", filter=on_line)
    def _(event):
        # In the menu once a choice is selected; before that, earlier lines (history).
        if buffer.complete_state and buffer.complete_state.complete_index is not None:
            buffer.complete_previous(count=event.arg)
            return
        buffer.complete_state = None
        buffer.auto_up(count=event.arg)

    @kb.add("down", filter=on_line)
    def _(event):
        if buffer.complete_state:
            buffer.complete_next(count=event.arg)
            return
        buffer.auto_down(count=event.arg)

    @kb.add("escape", "enter", filter=on_line)
    def _(event):
        buffer.insert_text("\n")

    @kb.add("c-c")
    def _(event):
        event.app.exit(result=("interrupt", buffer.text))

    @kb.add("c-d")
    def _(event):
        event.app.exit(result=("quit", buffer.text))

    @kb.add("c-r", filter=on_line)
    def _(event):
        state.history_mode = not state.history_mode
        buffer.cancel_completion()
        if state.history_mode:
            buffer.start_completion(select_first=False)

    @kb.add("escape", filter=on_line & Condition(lambda: state.history_mode))
    def _(event):
        state.history_mode = False
        buffer.cancel_completion()

    @kb.add("f1")
    def _(event):
        state.show_help = not state.show_help

    @kb.add("f3")
    def _(event):
        state.show_doc = not state.show_doc
        _back_to_line(event, buffer)
        refresh()

    @kb.add("f4")
    def _(event):
        state.multi_column = not state.multi_column

    @kb.add("f5")
    def _(event):
        state.show_output = not state.show_output
        _back_to_line(event, buffer)
        refresh()

    @kb.add("f2")
    def _(event):
        shown = [w for w, on in zip(panels, (state.show_doc, state.show_output)) if on]
        stops = [None, *shown]
        current = event.app.layout.current_window
        at = stops.index(current) if current in stops else 0
        following = stops[(at + 1) % len(stops)]
        if following is None:
            _back_to_line(event, buffer)
        else:
            event.app.layout.focus(following)

    @kb.add("q", filter=~on_line)
    def _(event):
        _back_to_line(event, buffer)

    # In a panel, as in a pager: j and k a line down and up, g and G to the top and bottom.
    @kb.add("j", filter=~on_line)
    def _(event):
        event.app.current_buffer.cursor_down(count=event.arg)

    @kb.add("k", filter=~on_line)
    def _(event):
        event.app.current_buffer.cursor_up(count=event.arg)

    @kb.add("g", filter=~on_line)
    def _(event):
        event.app.current_buffer.cursor_position = 0

    @kb.add("G", filter=~on_line)
    def _(event):
        panel = event.app.current_buffer
        panel.cursor_position = len(panel.text)

    return kb


def _back_to_line(event, buffer: Buffer) -> None:
    event.app.layout.focus(buffer)
