#!/usr/bin/env python3
"""Example muster-exec/1 tap: sign-ups sent by SMS to the office's gateway.

The gateway exports its inbox as text, one message a line:

    <message id>|<received, ISO 8601>|<sender's number>|<message text>

A sign-up is a message of the form DAFTAR#<name>#<NIK>#<kelurahan>#<session code>.
Each becomes one record (locator sms:<message id>); a DAFTAR message that does not
have five parts becomes an error line, so muster quarantines it; other messages
(questions, "TERIMA KASIH") are not sign-ups and are only counted.

muster runs it as  python3 docs/examples/sms_tap.py <inbox file>  (see README,
"Adding an importer") and reads its standard output. Standard error holds a
one-line summary and never personal data.
"""
import json
import sys


def emit(line):
    # One JSON object per line, UTF-8, no ASCII escaping needed.
    sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")


def main(path):
    emit({"type": "hello", "protocol": "muster-exec/1", "tap": "sms-gateway"})
    counts = {"messages": 0, "sign-ups": 0, "unreadable": 0, "other": 0}
    with open(path, encoding="utf-8") as inbox:
        for raw in inbox:
            raw = raw.rstrip("\r\n")
            if not raw.strip() or raw.startswith("#"):
                continue
            counts["messages"] += 1
            parts = raw.split("|", 3)
            if len(parts) != 4:
                counts["unreadable"] += 1
                emit({"type": "error", "message": "expected 4 |-separated columns, found %d" % len(parts), "raw": raw})
                continue
            message_id, received, sender, text = parts
            if not text.upper().startswith("DAFTAR#"):
                counts["other"] += 1
                continue
            words = [word.strip() for word in text.split("#")]
            locator = "sms:" + message_id
            if len(words) != 5 or not all(words[1:]):
                counts["unreadable"] += 1
                emit({"type": "error", "locator": locator, "raw": raw,
                      "message": "expected DAFTAR#name#NIK#kelurahan#session, found %d parts" % len(words)})
                continue
            counts["sign-ups"] += 1
            emit({
                "type": "record",
                "locator": locator,
                "fields": {"name": words[1], "nik": words[2], "phone": sender,
                           "kelurahan": words[3], "submittedAt": received},
                "extras": {"gateway.messageID": message_id},
                "enrollments": [{"programme": words[4]}],
            })
    emit({"type": "log", "level": "info",
          "message": "%(messages)d messages: %(sign-ups)d sign-ups, %(unreadable)d unreadable, %(other)d other" % counts})
    print("sms_tap: done, %(messages)d messages read" % counts, file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: sms_tap.py INBOX_FILE", file=sys.stderr)
        sys.exit(64)
    try:
        main(sys.argv[1])
    except OSError as error:
        print("sms_tap: cannot read the inbox: %s" % error.strerror, file=sys.stderr)
        sys.exit(1)
    except UnicodeDecodeError as error:
        # The whole file is unreadable: say why (no message text: it may hold names) and fail.
        print("sms_tap: the inbox is not UTF-8 (byte %d)" % error.start, file=sys.stderr)
        sys.exit(1)
