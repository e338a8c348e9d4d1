"""sitrep brief --events: inputs about several events grouped with the clusterer of `sitrep
cluster`, one brief per event. Inputs: the bundled Beirut example plus two events written for
this test (tests/cli/events/: the 2021 Suez Canal blockage and the 2021 Texas power outages)."""
import json
from pathlib import Path

import pytest

from conftest import EXAMPLE, SOURCE_DIR, run

EVENTS = SOURCE_DIR / "tests" / "cli" / "events"
SUEZ = EVENTS / "suez-2021"
TEXAS = EVENTS / "texas-2021"
# The example's off-topic spun piece (06) may go anywhere; the rest is one story.
BEIRUT_FILES = sorted(p.name for p in EXAMPLE.iterdir() if not p.name.startswith("06-"))
GROUPS = {
    "beirut": [EXAMPLE / n for n in BEIRUT_FILES],
    "suez": sorted(SUEZ.iterdir()),
    "texas": sorted(TEXAS.iterdir()),
}


def story_of(path_text):
    """Which fixture story an article (by its source path or id) belongs to, or None."""
    for story, paths in GROUPS.items():
        for p in paths:
            if path_text == str(p) or path_text == p.name or path_text == p.stem or \
                    str(path_text).endswith("/" + p.name):
                return story
    return None


def check_partition(groups):
    """groups: the articles (ids or paths) of each event. Each story must be exactly one event,
    holding all its articles, and no event may mix two stories."""
    event_of_story = {}
    for n, members in enumerate(groups):
        stories = [story_of(str(m)) for m in members]
        named = set(stories) - {None}
        assert len(named) <= 1, f"an event mixes stories {named}: {members}"
        for story in named:
            assert story not in event_of_story, f"{story} is split over several events"
            event_of_story[story] = stories.count(story)
    assert event_of_story == {s: len(paths) for s, paths in GROUPS.items()}


def test_json_files_and_index(tmp_path):
    out = tmp_path / "briefs"
    run("brief", "--events", EXAMPLE, SUEZ, TEXAS, "--format", "json", "-o", out, check_exit=0)
    index = json.loads((out / "index.json").read_text())
    assert len(index) >= 3
    check_partition([e["articles"] for e in index])
    seen = []
    for entry in index:
        seen += entry["articles"]
        if not entry["file"]:
            continue
        brief = json.loads((out / entry["file"]).read_text())
        # The brief of an event cites exactly that event's articles.
        assert sorted(a["id"] for a in brief["articles"]) == sorted(entry["articles"])
        story = {story_of(a["path"]) for a in brief["articles"]} - {None}
        if story == {"suez"}:
            assert "Ever Given" in json.dumps(brief["summary"]) or "Suez" in brief["headline"]
        if story == {"texas"}:
            assert "Texas" in json.dumps(brief["summary"])
    # Every input article is in exactly one event.
    assert len(seen) == len(set(seen)) == 7 + 4 + 3


def test_one_story_alone_is_one_event(tmp_path):
    """The example folder alone (7 articles): the story is one event. A batch this small once
    split off the report of Macron's visit: the candidate index looks events up by an article's
    rarest words, which in 7 articles are the ones only that report uses."""
    out = tmp_path / "alone"
    run("brief", "--events", EXAMPLE, "--format", "json", "-o", out, check_exit=0)
    index = json.loads((out / "index.json").read_text())
    story_events = [e for e in index if any(story_of(a) == "beirut" for a in e["articles"])]
    assert len(story_events) == 1, [e["articles"] for e in index]
    assert sorted(story_events[0]["articles"]) == sorted(Path(n).stem for n in BEIRUT_FILES)


def test_jsonl_one_brief_per_line():
    proc = run("brief", "--events", EXAMPLE, SUEZ, TEXAS, "--format", "jsonl", check_exit=0)
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(lines) >= 3
    assert len({line["event"] for line in lines}) == len(lines)
    check_partition([[a["path"] for a in line["articles"]] for line in lines])
    for line in lines:
        assert sorted(line["event_articles"]) == sorted(a["id"] for a in line["articles"])


def test_jsonl_input_and_output_file(tmp_path):
    """A JSONL of articles (one per line) in, `-o events.jsonl` out."""
    feed = tmp_path / "feed.jsonl"
    rows = []
    for story, paths in GROUPS.items():
        for p in paths:
            lines = p.read_text().splitlines()
            # outlet, title, date line, byline, then the body
            rows.append({"id": f"{story}-{p.stem}", "title": lines[1], "date": None,
                         "source": lines[0], "text": p.read_text()})
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "events.jsonl"
    run("brief", "--events", feed, "-o", out, check_exit=0)
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    by_story = {}
    for line in lines:
        stories = {i.split("-", 1)[0] for i in line["event_articles"]}
        assert len(stories) == 1, line["event_articles"]
        story = stories.pop()
        assert story not in by_story, f"{story} split over events"
        by_story[story] = sorted(line["event_articles"])
    assert by_story == {s: sorted(f"{s}-{p.stem}" for p in ps) for s, ps in GROUPS.items()}


def test_markdown_directory(tmp_path):
    out = tmp_path / "md"
    run("brief", "--events", EXAMPLE, SUEZ, TEXAS, "-o", out, "--quiet", check_exit=0)
    index_md = (out / "index.md").read_text()
    files = sorted(out.glob("event-*.md"))
    assert len(files) >= 3
    for f in files:
        assert f"({f.name})" in index_md
        text = f.read_text()
        assert text.startswith("# ")
        sources = text.split("## Sources", 1)[1]
        stories = {s for s, paths in GROUPS.items() for p in paths if f"/{p.name}`" in sources}
        assert len(stories) <= 1, (f.name, stories)


def test_min_articles_leaves_small_events_unbriefed(tmp_path):
    out = tmp_path / "big"
    run("brief", "--events", EXAMPLE, SUEZ, TEXAS, "--format", "json", "-o", out,
        "--min-articles", "4", check_exit=0)
    index = json.loads((out / "index.json").read_text())
    for entry in index:
        assert bool(entry["file"]) == (len(entry["articles"]) >= 4), entry


@pytest.mark.parametrize("args", [
    ["--format", "jsonl"],                       # jsonl is one brief per event: needs --events
    ["--events", "--format", "html"],            # one file per event: needs -o DIR
    ["--events", "--event", "D0601A"],
])
def test_usage_errors(args):
    proc = run("brief", EXAMPLE, *args)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
