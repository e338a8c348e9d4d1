"""Bad input: each case names the file (and line) and the problem on stderr; every other input
is still read and counted; exit codes are 0 (brief written), 1 (nothing usable), 2 (usage)."""
import gzip
import json

import pytest

from conftest import EXAMPLE, run

GOOD = (EXAMPLE / "01-harbour-wire.txt").read_text()


@pytest.fixture
def good(tmp_path):
    p = tmp_path / "good.txt"
    p.write_text(GOOD)
    return p


def test_missing_path_is_named_and_others_still_read(tmp_path, good):
    missing = tmp_path / "nope.txt"
    proc = run("brief", good, missing, check_exit=0)
    assert f"{missing}: error: no such file or folder" in proc.stderr
    assert "Read 1 article from 2 inputs; 1 skipped" in proc.stdout


def test_only_missing_path_exits_1(tmp_path):
    proc = run("brief", tmp_path / "nope.txt", check_exit=1)
    assert "no such file or folder" in proc.stderr
    assert "no usable article" in proc.stderr


def test_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    proc = run("brief", tmp_path / "empty", check_exit=1)
    assert "the folder holds no files" in proc.stderr


def test_empty_and_blank_files(tmp_path, good):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("\n   \n")
    proc = run("brief", good, tmp_path / "empty.txt", tmp_path / "blank.txt", check_exit=0)
    assert "empty.txt: error: the file is empty" in proc.stderr
    assert "blank.txt: error: the file holds no text" in proc.stderr
    assert "2 skipped" in proc.stdout


def test_binary_file(tmp_path, good):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8)
    proc = run("brief", good, tmp_path / "photo.jpg", check_exit=0)
    assert "photo.jpg: error: binary data" in proc.stderr


def test_invalid_utf8_is_repaired_with_a_warning(tmp_path):
    data = GOOD.encode().replace(b"Lebanese capital", b"Lebanese \xff\xfe capital")
    (tmp_path / "bad.txt").write_bytes(data)
    proc = run("brief", tmp_path / "bad.txt", "--format", "json", "--include-text", check_exit=0)
    assert "bad.txt: warning: invalid UTF-8: 2 sequence(s) replaced with U+FFFD" in proc.stderr
    doc = json.loads(proc.stdout)
    assert "\ufffd" in doc["articles"][0]["text"]


def test_latin1_file_is_transcoded(tmp_path):
    (tmp_path / "latin1.txt").write_bytes(
        "Caf\u00e9 owners in Gemmayzeh swept glass from the street on Wednesday morning, "
        "residents said.".encode("latin-1"))
    proc = run("brief", tmp_path / "latin1.txt", check_exit=0)
    assert "read as Windows-1252" in proc.stderr
    assert "Caf\u00e9 owners" in proc.stdout


def test_fifty_megabyte_file_is_cut_with_a_message(tmp_path, good):
    big = tmp_path / "huge.txt"
    line = "Rescue teams searched the flattened warehouses of the port through the night. "
    with open(big, "w") as f:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            f.write(line + "\n")
    proc = run("brief", good, big, check_exit=0)
    assert "huge.txt: warning: article text is" in proc.stderr
    assert "Read 2 articles from 2 inputs" in proc.stdout


def test_file_over_the_byte_limit_is_rejected(tmp_path, good):
    (tmp_path / "big.txt").write_text(GOOD * 10)
    proc = run("brief", good, tmp_path / "big.txt", "--max-file-bytes", "10000", check_exit=0)
    assert "big.txt: error: the file is" in proc.stderr
    assert "over the 10000-byte limit" in proc.stderr


def test_article_with_no_sentences(tmp_path, good):
    (tmp_path / "junk.txt").write_text("Share this\nTweet\nSubscribe\nAdvertisement\n")
    proc = run("brief", good, tmp_path / "junk.txt", check_exit=0)
    assert "junk.txt: warning: no sentences left after cleaning" in proc.stderr
    proc = run("brief", tmp_path / "junk.txt", check_exit=1)
    assert "no article has a sentence left" in proc.stderr


def test_jsonl_bad_line_named_with_line_number(tmp_path):
    lines = [json.dumps({"id": "a", "title": "Blast", "date": "2020-08-05", "text": GOOD}),
             '{"id": "b", "text": broken',
             json.dumps({"id": "c", "title": "No text"}),
             json.dumps({"id": "d", "date": "2020-08-06", "text": GOOD.replace("78", "100")})]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n")
    proc = run("brief", tmp_path / "in.jsonl", check_exit=0)
    assert "in.jsonl:2 (byte" in proc.stderr and "not valid JSON" in proc.stderr
    assert "in.jsonl:3 (byte" in proc.stderr and 'has no "text"' in proc.stderr
    assert "Read 2 articles from 1 input; 2 skipped" in proc.stdout


def test_truncated_jsonl_and_gzip(tmp_path, good):
    line = json.dumps({"id": "a", "text": GOOD})
    (tmp_path / "cut.jsonl").write_text(line + "\n" + line[: len(line) // 2])
    proc = run("brief", tmp_path / "cut.jsonl", check_exit=0)
    assert "cut.jsonl:2" in proc.stderr
    data = gzip.compress(GOOD.encode())
    (tmp_path / "cut.txt.gz").write_bytes(data[: len(data) // 2])
    proc = run("brief", good, tmp_path / "cut.txt.gz", check_exit=0)
    assert "cut.txt.gz" in proc.stderr and "truncated" in proc.stderr


def test_gzip_text_is_read(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(GOOD.encode()))
    proc = run("brief", tmp_path / "a.txt.gz", check_exit=0)
    assert "Massive explosion at Beirut port" in proc.stdout


def test_cluster_file_with_several_events_needs_event(tmp_path):
    ev = lambda i: json.dumps({"id": f"E{i}", "documents": [{"id": "x", "text": GOOD}]})
    (tmp_path / "c.jsonl").write_text(ev(1) + "\n" + ev(2) + "\n")
    proc = run("brief", tmp_path / "c.jsonl", check_exit=2)
    assert "holds 2 events (E1, E2); choose one with --event ID" in proc.stderr
    run("brief", tmp_path / "c.jsonl", "--event", "E2", check_exit=0)
    proc = run("brief", tmp_path / "c.jsonl", "--event", "E9", check_exit=2)
    assert "no event 'E9'" in proc.stderr


def test_unknown_date_is_reported_not_guessed(tmp_path):
    (tmp_path / "nodate.txt").write_text(
        "The port reopened to grain ships on Monday, officials said, after weeks of repairs.\n")
    doc = json.loads(run("brief", tmp_path / "nodate.txt", "--format", "json", check_exit=0).stdout)
    assert doc["articles"][0]["date"] is None
    assert doc["articles"][0]["date_source"] == "unknown"
    assert "date unknown" in run("brief", tmp_path / "nodate.txt", check_exit=0).stdout
    doc = json.loads(run("brief", tmp_path / "nodate.txt", "--format", "json", "--date",
                         "2020-09-01", check_exit=0).stdout)
    assert doc["articles"][0]["date"] == "2020-09-01"
    assert doc["articles"][0]["date_source"] == "option"


@pytest.mark.parametrize("args", [[], ["brief"], ["brief", "x", "--format", "pdf"],
                                  ["brief", "x", "--date", "someday"], ["nosuchcommand"],
                                  ["brief", "x", "--words", "many"]])
def test_usage_errors_exit_2(args):
    proc = run(*args)
    assert proc.returncode == 2, (args, proc.stdout, proc.stderr)
    assert proc.stderr.strip()
