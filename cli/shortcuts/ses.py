"""ses send-email: a message from simple options (--to, --subject, --text, ...)."""

from __future__ import annotations

from cli.options import Option


def _addresses(kind: str):
    def apply(value: list[str], params: dict) -> None:
        if value:
            params.setdefault("Destination", {})[kind] = value
    return apply


def _message(part: str):
    def apply(value: str, params: dict) -> None:
        if not value:
            return
        message = params.setdefault("Message", {"Subject": {}, "Body": {}})
        if part == "Subject":
            message["Subject"] = {"Data": value}
        else:
            message["Body"][part] = {"Data": value}
    return apply


_SEND_EMAIL = (
    (Option("to", "string", "The addresses of the primary recipients, separated by spaces.",
            nargs="+"), _addresses("ToAddresses")),
    (Option("cc", "string", "The addresses of the copy (Cc) recipients, separated by spaces.",
            nargs="+"), _addresses("CcAddresses")),
    (Option("bcc", "string",
            "The addresses of the blind-copy (Bcc) recipients, separated by spaces.",
            nargs="+"), _addresses("BccAddresses")),
    (Option("subject", "string", "The subject of the message."), _message("Subject")),
    (Option("text", "string", "The body of the message as plain text."), _message("Text")),
    (Option("html", "string", "The body of the message as HTML."), _message("Html")),
)

EXTRA_ARGUMENTS = {("ses", "send-email"): _SEND_EMAIL}

EXCLUSIVE = {
    ("ses", "send-email"): (
        (("Destination", "destination"), ("to", "cc", "bcc"), "key"),
        (("Message", "message"), ("text", "html"), "key"),
    ),
}
