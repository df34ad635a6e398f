#!/usr/bin/env python3
"""The "script it yourself" baseline for kith-bench: read every message of an mbox with Python's
standard `mailbox` module and collect the headers Kith keeps (From, To, Cc, Subject, Date,
Message-ID, In-Reply-To, References), decoding encoded words. Prints the message count."""
import mailbox
import sys
from email.header import decode_header, make_header


def decoded(value):
    try:
        return str(make_header(decode_header(value)))
    except Exception:  # a broken header is kept raw, as a quick script would
        return value


def main(path):
    count = 0
    index = {}
    for message in mailbox.mbox(path, create=False):
        fields = {h: decoded(str(message.get(h, ""))) for h in (
            "From", "To", "Cc", "Subject", "Date", "Message-ID", "In-Reply-To", "References")}
        index[fields["Message-ID"]] = fields
        count += 1
    print(count)


if __name__ == "__main__":
    main(sys.argv[1])
