#!/usr/bin/env python3
"""The letters' e-mail drafts read by another program than FellowMatch
(Python's `email` package, policy=email.policy.default): every `.eml` of a
demo run parses without defects; its To and Subject decode to the person's
name, address and subject in letters/mail-merge.csv; its text decodes and
greets the person; its attachment, when the person has a calendar, is that
calendar file byte for byte and parses as RFC 5545 (BEGIN/END:VCALENDAR,
every VEVENT with UID, DTSTART and DTSTAMP, CRLF line ends, lines of at most
75 octets); every line of the message ends in CRLF and holds at most 78
characters.

    python3 Tests/Mail/check_mail.py .build/debug/fellowmatch
"""
import csv
import email
import email.policy
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEMO = os.path.join(ROOT, "Scenarios", "demo")
passed = failed = 0


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print(f"FAILED: {what}")


def check_lines(data, limit, what):
    """Every line ends in CRLF and holds at most `limit` octets."""
    check(data.endswith(b"\r\n"), f"{what}: ends in CRLF")
    lines = data.split(b"\r\n")[:-1]
    check(all(b"\n" not in line and b"\r" not in line for line in lines), f"{what}: only CRLF line ends")
    long = [line for line in lines if len(line) > limit]
    check(not long, f"{what}: lines of at most {limit} octets ({long[:1]})")


def check_calendar(data, what):
    """RFC 5545 as far as a mail program needs it."""
    check_lines(data, 75, what)
    text = data.decode("utf-8")
    lines = text.replace("\r\n ", "").split("\r\n")[:-1]  # unfolded
    check(lines[:1] == ["BEGIN:VCALENDAR"] and lines[-1:] == ["END:VCALENDAR"], f"{what}: one VCALENDAR")
    events, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = []
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            current.append(line.split(":", 1)[0].split(";", 1)[0])
    check(current is None, f"{what}: every VEVENT ends")
    for names in events:
        check(all(n in names for n in ("UID", "DTSTART", "DTSTAMP")), f"{what}: a VEVENT has UID, DTSTART, DTSTAMP")
    return len(events)


def main(binary):
    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, "out")
        env = dict(os.environ, FELLOWMATCH_HISTORY=os.path.join(work, "history.sqlite"))
        r = subprocess.run([binary, "run", DEMO, "--out", out, "--no-history"], capture_output=True, text=True, env=env)
        check(r.returncode == 0, f"run on the demo: {r.stderr}")
        with open(os.path.join(out, "letters", "mail-merge.csv"), encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        check(len(rows) > 0, "mail-merge.csv has rows")
        emls = sorted(n for n in os.listdir(os.path.join(out, "letters")) if n.endswith(".eml"))
        check(len(emls) == len(rows), "one .eml per mail-merge row")
        events = 0
        for row in rows:
            path = os.path.join(out, row["eml"])
            with open(path, "rb") as f:
                data = f.read()
            what = row["eml"]
            check_lines(data, 78, what)
            message = email.message_from_bytes(data, policy=email.policy.default)
            check(not message.defects, f"{what}: no defects ({message.defects})")
            check(message["Subject"].startswith("Your "), f"{what}: Subject decodes ({message['Subject']})")
            check(message["Date"] is not None and message["Message-ID"] is not None, f"{what}: Date, Message-ID")
            if row["email"]:
                to = message["To"].addresses
                check(
                    len(to) == 1 and to[0].display_name == row["name"] and to[0].addr_spec == row["email"],
                    f"{what}: To decodes to {row['name']} <{row['email']}> ({message['To']})",
                )
            else:
                check(message["To"] is None, f"{what}: no To without an address")
            body = message.get_body(preferencelist=("plain",))
            check(body is not None, f"{what}: a text/plain body")
            if body is not None:
                check(body.get_content().startswith(f"Dear {row['name']},"), f"{what}: the text greets {row['name']}")
            attachments = list(message.iter_attachments())
            if row["calendar"]:
                check(len(attachments) == 1, f"{what}: the calendar attached")
                for part in attachments:
                    check(part.get_content_type() == "text/calendar", f"{what}: text/calendar")
                    content = part.get_payload(decode=True)
                    with open(os.path.join(out, row["calendar"]), "rb") as f:
                        check(content == f.read(), f"{what}: the attachment is {row['calendar']}")
                    events += check_calendar(content, f"{what}'s calendar")
            else:
                check(not attachments, f"{what}: nothing attached without a calendar")
        check(events > 0, "the attached calendars hold events")
    print(f"mail check: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(os.path.abspath(sys.argv[1])))
