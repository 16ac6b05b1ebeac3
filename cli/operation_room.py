"""The room of one operation: a skeleton, or the call and its output.

    run_operation(command, query) -> exit code

`main()` routes here for a plain operation command; every other room that
ends in one operation (a wait, a session's skeleton, the prompt's edited
line through main) calls it from below. The path: `--generate-cli-skeleton`
(input kinds print at once, from the model alone), else the request values
(cli.request: defaults, the command line, `--cli-input-*`), the session,
the call with its pages (cli.dispatch), a streamed member to its outfile,
and the result through --query and the output format (cli.present).
"""

from __future__ import annotations

from cli.arguments import STREAMING_OUTFILE
from cli.present import print_pages, print_result, print_text, save_stream
from cli.request import Command


def run_operation(command: Command, query) -> int:
    """One operation: a skeleton, or the call and its output."""
    operation, args, env = command.operation, command.args, command.env
    skeleton_kind = command.options["generate_cli_skeleton"]
    if skeleton_kind in ("input", "yaml-input", "json-schema"):
        document = command.catalog.derived_text(
            f"skeleton/{operation.command_name}/{operation.cli_name}.{skeleton_kind}",
            ("cli", "skeleton", "output"), lambda: _skeleton_text(operation, skeleton_kind))
        return print_text(document, args, env)

    params = command.params(command.read_cli_input())
    session = command.session()
    output_format = command.output_format()

    if skeleton_kind == "output":
        import skeleton
        from cli.dispatch import validate

        validate(command.catalog, operation, params)  # as v2; the sample is never checked
        sample = skeleton.generate(operation, "output", params=params)
        return print_result(sample, output_format, args, env, query, title=operation.name,
                            session=session)

    from cli import dispatch

    max_items = command.options.get("max_items")
    if max_items is not None and max_items <= 0:
        env.stderr.write(
            "warning: Non-positive values for --max-items may result in undefined behavior.\n")
    params, pagination = command.paging(params)
    paginate = pagination is not None
    client = command.make_client()
    try:
        if output_format == "yaml-stream":
            pages = dispatch.pages(client, operation, params, paginate=paginate,
                                   pagination=pagination)
            return print_pages(pages, "yaml-stream", args, env, query, session)
        if output_format == "text" and query is None \
                and dispatch.paginates(operation, params, paginate):
            # v2 prints text page by page (a page's rows have the page's columns).
            pages = dispatch.text_pages(client, operation, params, pagination)
            return print_pages(pages, "text", args, env, None, session)
        response = dispatch.result(client, operation, params, paginate=paginate,
                                   pagination=pagination)
    except dispatch.ServiceCallError as e:
        e.error_format = args.cli_error_format or command.config("cli_error_format")
        raise
    if operation.streaming_output:
        save_stream(response.pop(operation.streaming_output), command.options[STREAMING_OUTFILE],
                    operation.outfile_event)
    from cli.shortcuts import after_call

    after_call(operation.command_name, operation.cli_name, command.options, response)
    return print_result(response, output_format, args, env, query, title=operation.name,
                        session=session)


def _skeleton_text(operation, kind: str) -> str:
    import skeleton

    document = skeleton.generate(operation, kind)
    if kind == "yaml-input":
        return document
    import output

    return output.render(document, "json", skip_empty=False)
