"""Reading the e-mails registrants get, as a mail program would."""


def calendar_attachment(mail):
    """The ``(METHOD, iCalendar text)`` of the one calendar attachment of ``mail``."""
    (part,) = [p for p in mail.message().walk() if p.get_content_type() == "text/calendar"]
    return part.get_param("method"), part.get_payload(decode=True).decode()
