"""sitrep brief on the bundled example: golden Markdown and JSON, schema, citations, and the
rule that every summary sentence is a span of an input article."""
import json
import os
import re
from pathlib import Path

import jsonschema

from conftest import EXAMPLE, SOURCE_DIR, run

GOLDEN = SOURCE_DIR / "tests" / "golden" / "beirut-2020"
UPDATE = os.environ.get("SITREP_UPDATE_GOLDEN") == "1"


def relative(text):
    """Golden files must not depend on where the checkout is."""
    return text.replace(str(EXAMPLE), "examples/beirut-2020")


def check_golden(name, actual):
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual)
    assert path.exists(), f"{path} missing: run with SITREP_UPDATE_GOLDEN=1 and review the diff"
    expected = path.read_text()
    assert actual == expected, (
        f"{name} differs from the golden file; if the change is intended, rerun with "
        "SITREP_UPDATE_GOLDEN=1 and review `git diff tests/golden`")


def brief_json(*extra):
    proc = run("brief", EXAMPLE, "--format", "json", "--include-text", *extra, check_exit=0)
    return json.loads(proc.stdout)


def test_markdown_matches_golden():
    proc = run("brief", EXAMPLE, check_exit=0)
    check_golden("expected.md", relative(proc.stdout))


def test_explain_matches_golden():
    proc = run("brief", EXAMPLE, "--explain", check_exit=0)
    check_golden("expected-explain.md", relative(proc.stdout))


def test_json_matches_golden_and_schema():
    proc = run("brief", EXAMPLE, "--format", "json", check_exit=0)
    doc = json.loads(proc.stdout)
    schema = json.loads((SOURCE_DIR / "docs" / "brief.schema.json").read_text())
    jsonschema.validate(doc, schema)
    check_golden("expected.json", relative(proc.stdout))


def test_explain_json_validates():
    doc = brief_json("--explain")
    schema = json.loads((SOURCE_DIR / "docs" / "brief.schema.json").read_text())
    jsonschema.validate(doc, schema)
    dropped = [b for a in doc["articles"] for b in a["blocks"] if not b["kept"]]
    assert len(dropped) == doc["counts"]["blocks_dropped"]
    assert all(b["reason"] for b in dropped)


def test_every_summary_sentence_is_an_input_span():
    doc = brief_json()
    articles = {a["number"]: a for a in doc["articles"]}
    assert doc["summary"]["sentences"], "empty summary"
    for s in doc["summary"]["sentences"]:
        text = articles[s["article"]]["text"].encode("utf-8")
        span = text[s["begin"]:s["end"]].decode("utf-8")
        # Only whitespace may differ between the shown sentence and the source span.
        assert re.sub(r"\s+", " ", span).strip() == s["text"]
        for c in s["citations"]:
            cited = articles[c["article"]]["text"].encode("utf-8")[c["begin"]:c["end"]]
            assert cited, c


def test_summary_respects_word_budget_and_cites_syndicated_copy():
    doc = brief_json("--words", "60")
    words = sum(len(s["text"].split()) for s in doc["summary"]["sentences"])
    assert 0 < words <= 60 + 40  # the budget may be passed by the last sentence only
    number = {Path(a["path"]).name: a["number"] for a in doc["articles"]}
    wire, copy = number["01-harbour-wire.txt"], number["02-daily-courier-syndicated.txt"]
    assert doc["articles"][copy - 1]["duplicate_of"] == wire
    # A sentence shown from the wire story is cited to its syndicated copy as well.
    shown_from_wire = [s for s in doc["summary"]["sentences"] if s["article"] in (wire, copy)]
    for s in shown_from_wire:
        assert {c["article"] for c in s["citations"]} >= {wire, copy}, s


def test_no_junk_and_off_topic_piece_not_summarized():
    doc = brief_json("--words", "250")
    number = {Path(a["path"]).name: a["number"] for a in doc["articles"]}
    spun = number["06-tripbuzz-spun.txt"]
    assert all(s["article"] != spun for s in doc["summary"]["sentences"])
    junk = ["Share", "Tweet", "Advertisement", "says:", "Photo", "Caption", "References",
            "annual report", "Reply", "400 killed", "Sponsored"]
    for s in doc["summary"]["sentences"]:
        for j in junk:
            assert j not in s["text"], (j, s["text"])


def test_every_article_date_right():
    doc = brief_json()
    dates = {Path(a["path"]).name: (a["date"], a["date_source"]) for a in doc["articles"]}
    assert dates == {
        "01-harbour-wire.txt": ("2020-08-05", "text"),
        "02-daily-courier-syndicated.txt": ("2020-08-05", "text"),
        "03-levant-observer.txt": ("2020-08-06", "text"),
        "04-meridian-analysis.txt": ("2020-08-11", "text"),
        "05-cedar-blog.txt": ("2020-08-07", "text"),
        "06-tripbuzz-spun.txt": ("2023-06-09", "text"),
        "07-gulf-dispatch.txt": ("2020-08-07", "text"),
    }


def test_sentence_budget():
    doc = brief_json("--sentences", "2", "--words", "0")
    assert len(doc["summary"]["sentences"]) == 2


def test_list_of_files_and_stdin_give_the_same_brief():
    files = sorted(str(p) for p in EXAMPLE.glob("*.txt"))
    by_files = run("brief", *files, check_exit=0).stdout
    by_folder = run("brief", EXAMPLE, check_exit=0).stdout
    assert by_files == by_folder
    one = (EXAMPLE / "01-harbour-wire.txt").read_text()
    proc = run("brief", "-", stdin=one, check_exit=0)
    assert "Massive explosion at Beirut port" in proc.stdout
    assert "`-`" in proc.stdout
