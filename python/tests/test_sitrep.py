import pytest

import sitrep
from sitrep import pipeline


def test_read_bytes_extracts_articles_and_reports_bad_lines(jsonl_bytes):
    articles, problems = sitrep.read_bytes("feed.jsonl", jsonl_bytes + b"{broken\n")
    assert len(articles) == 9
    assert articles[0]["id"] == "quake-0"
    assert articles[0]["date"] == "2010-04-12"
    assert len(problems) == 1 and ":10" in problems[0]


def test_read_file(jsonl_file):
    articles, problems = sitrep.read([jsonl_file])
    assert [a["id"] for a in articles][:3] == ["quake-0", "spill-0", "flu-0"]
    assert problems == []


def test_clean_and_annotate_keep_spans_into_text(jsonl_bytes):
    articles, _ = sitrep.read_bytes("feed.jsonl", jsonl_bytes)
    cleaned = sitrep.clean(articles)
    assert all("blocks" in a and a["body"] for a in cleaned)
    annotated = sitrep.annotate(cleaned)
    first = annotated[0]
    begin, end = first["sentences"][0]
    assert first["text"][begin:end].startswith("A magnitude 7.0 earthquake")


def test_minhash_and_dedupe_find_a_copy(jsonl_bytes):
    articles, _ = sitrep.read_bytes("feed.jsonl", jsonl_bytes)
    copy = dict(articles[0], id="copy")
    result = sitrep.dedupe(articles + [copy])
    assert result[-1] == 0
    assert result[:-1] == [-1] * 9
    assert len(sitrep.minhash("one two three four five six")) == 128


def test_clusterer_groups_the_three_stories(jsonl_bytes):
    articles, _ = sitrep.read_bytes("feed.jsonl", jsonl_bytes)
    events = pipeline.assign([dict(a, signature=sitrep.sign(a)) for a in articles])
    by_story = {}
    for a, e in zip(articles, events):
        by_story.setdefault(a["id"].split("-")[0], set()).add(e)
    assert all(len(s) == 1 for s in by_story.values())
    assert len({next(iter(s)) for s in by_story.values()}) == 3


def test_clusterer_state_round_trip(jsonl_bytes):
    articles, _ = sitrep.read_bytes("feed.jsonl", jsonl_bytes)
    signatures = [sitrep.sign(a) for a in articles]
    whole = sitrep.Clusterer()
    expected = [whole.add(s)["event"] for s in signatures]
    first = sitrep.Clusterer()
    got = [first.add(s)["event"] for s in signatures[:4]]
    resumed = sitrep.Clusterer.load_state(first.save_state())
    got += [resumed.add(s)["event"] for s in signatures[4:]]
    assert got == expected
    with pytest.raises(sitrep.Error):
        sitrep.Clusterer.load_state(b"junk")
    with pytest.raises(sitrep.Error):
        sitrep.Clusterer().add(b"not a signature")


def test_brief_cites_the_event_articles(jsonl_bytes):
    articles, _ = sitrep.read_bytes("feed.jsonl", jsonl_bytes)
    quake = sitrep.clean([a for a in articles if a["id"].startswith("quake")])
    markdown = sitrep.brief(quake)
    assert "Port-au-Prince" in markdown
    assert sitrep.brief(quake, "json").lstrip().startswith("{")
    with pytest.raises(sitrep.Error):
        sitrep.brief([])


def test_docstrings():
    for fn in (sitrep.read, sitrep.read_bytes, sitrep.clean, sitrep.annotate, sitrep.sign,
               sitrep.dedupe, sitrep.brief, sitrep.Clusterer.add):
        assert fn.__doc__ and len(fn.__doc__) > 30
