"""External judges of the files `tracker site` writes into dist/.

Every calendar must parse with `icalendar` and every feed with `feedparser` (no bozo), and each
must hold what the dataset says it should: the expected set is computed here from the dataset's
JSON, not from the files. Run with the virtual environment that `scripts/dev setup` creates:

    .tools/venv/bin/python tests/judges/check_outputs.py dist [dist/data/un-cyber-processes.json]

Ends with a line `N passed, M failed`; exits non-zero if any check failed.
"""

import calendar
import datetime as dt
import json
import pathlib
import sys

import feedparser
import icalendar

passed = 0
failures = []


def check(ok, what):
    global passed
    if ok:
        passed += 1
    else:
        failures.append(what)
        print(f"FAIL: {what}", file=sys.stderr)


def span(s):
    """First and last day a YYYY, YYYY-MM or YYYY-MM-DD date can mean."""
    parts = [int(p) for p in s.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        y, m = parts
        return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
    d = dt.date(*parts)
    return d, d


def event_dates(e):
    first = span(e["start"])[0]
    last = span(e.get("end", e["start"]))[1]
    coarse = any(len(e.get(k, "x" * 10)) != 10 for k in ("start", "end"))
    return first, last, coarse


def check_calendar(path, events):
    """`events`: the dataset's events this calendar must hold, by id."""
    try:
        cal = icalendar.Calendar.from_ical(path.read_bytes())
    except Exception as exc:  # any parse failure is the finding
        check(False, f"{path}: does not parse: {exc}")
        return None
    check(True, f"{path}: parses")
    raw = path.read_bytes()
    check(b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), f"{path}: CRLF line ends only")
    check(all(len(line) <= 75 for line in raw.split(b"\r\n")), f"{path}: lines folded at 75 octets")
    vevents = cal.walk("VEVENT")
    by_id = {}
    for v in vevents:
        uid = str(v.get("UID"))
        by_id[uid.split(".", 1)[0]] = v
    check(len(by_id) == len(vevents), f"{path}: one UID per event")
    check(set(by_id) == set(events), f"{path}: holds {sorted(events)}, has {sorted(by_id)}")
    stamp = None
    for eid, v in by_id.items():
        e = events.get(eid)
        if e is None:
            continue
        first, last, coarse = event_dates(e)
        start = v.decoded("DTSTART")
        end = v.decoded("DTEND")
        check(start == first and not isinstance(start, dt.datetime), f"{path} {eid}: DTSTART {start} is the all-day {first}")
        check(end == last + dt.timedelta(days=1), f"{path} {eid}: DTEND {end} is the day after {last}")
        status = str(v.get("STATUS"))
        want = "TENTATIVE" if (coarse or e.get("tentative")) else "CONFIRMED"
        check(status == want, f"{path} {eid}: STATUS {status}, want {want}")
        title = e["title"] if isinstance(e["title"], str) else next(iter(e["title"].values()))
        check(str(v.get("SUMMARY")).startswith(title), f"{path} {eid}: SUMMARY is the title")
        stamp = v.decoded("DTSTAMP")
    return stamp


def check_feed(path, expected_ids, links=None):
    d = feedparser.parse(path.read_bytes())
    check(not d.bozo, f"{path}: parses without errors ({d.get('bozo_exception')})")
    check(d.version == "atom10", f"{path}: is Atom 1.0 (got {d.version!r})")
    check(bool(d.feed.get("id")) and bool(d.feed.get("updated")), f"{path}: feed has id and updated")
    got = {}
    for entry in d.entries:
        check(bool(entry.get("id")) and bool(entry.get("updated")), f"{path}: entry has id and updated")
        got[entry.id.rsplit(":", 1)[-1]] = entry
    if expected_ids is not None:
        check(set(got) == set(expected_ids), f"{path}: holds {sorted(expected_ids)}, has {sorted(got)}")
    for rid, url in (links or {}).items():
        if rid in got:
            check(got[rid].get("link") == url, f"{path} {rid}: links to {url}")


def main():
    dist = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
    data_path = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else dist / "data" / "un-cyber-processes.json"
    data = json.loads(data_path.read_text(encoding="utf-8"))
    events = {e["id"]: e for e in data.get("events", [])}
    processes = [p["id"] for p in data["processes"]]

    icss = sorted(dist.glob("**/*.ics"))
    check(len(icss) == len(processes) + 1, f"one calendar per process and one of upcoming events ({len(icss)} found)")
    for pid in processes:
        path = dist / "calendar" / f"{pid}.ics"
        if path.exists():
            check_calendar(path, {i: e for i, e in events.items() if pid in e["processes"]})
        else:
            check(False, f"{path} is missing")

    # The build day is the calendar's DTSTAMP; upcoming means not over on that day.
    upcoming_path = dist / "calendar" / "upcoming.ics"
    cal = icalendar.Calendar.from_ical(upcoming_path.read_bytes())
    stamps = [v.decoded("DTSTAMP") for v in cal.walk("VEVENT")]
    feed = feedparser.parse((dist / "feeds" / "upcoming.atom").read_bytes())
    today = (stamps[0] if stamps else dt.datetime(*feed.feed.updated_parsed[:6])).date()
    upcoming = {i: e for i, e in events.items() if event_dates(e)[1] >= today}
    check_calendar(upcoming_path, upcoming)

    check_feed(dist / "feeds" / "upcoming.atom", set(upcoming))
    resources = {r["id"]: r["url"] for r in data.get("resources", [])}
    check_feed(dist / "feeds" / "resources.atom", set(resources), resources)

    for other in sorted(dist.glob("**/*.atom")):
        if other.name not in ("upcoming.atom", "resources.atom"):
            check_feed(other, None)

    print(f"{passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
