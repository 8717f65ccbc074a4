"""Tests for kg.inputs: reading articles robustly, with real files in tmp_path."""

from __future__ import annotations

import json
import os
import shutil
import tracemalloc
from pathlib import Path

import pytest

from kg.errors import InputError, KGError
from kg.inputs import (
    DEFAULT_MAX_BYTES,
    document_from_text,
    iter_input_paths,
    max_input_bytes,
    read_document,
    read_documents,
    sidecar_path,
)

ROOT = Path(__file__).resolve().parents[1]
SEED = "000_f11f25e23ec2aca4"
# CI puts a copy of shared/ beside the clone; sessions have it at /work/shared.
SHARED = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.is_dir()),
              ROOT.parent / "shared")
SHARED_SEED = SHARED / "seeds" / f"{SEED}.txt"


def shared_seed() -> Path:
    """The seed article of ``../shared``; skips the test in a plain clone without it."""
    if not SHARED_SEED.is_file():
        pytest.skip(f"the shared seed article is not on this machine ({SHARED_SEED})")
    return SHARED_SEED
HINDI = "रूसी राष्ट्रपति व्लादिमीर पुतिन गुरुवार को वियतनाम पहुंचे।\n"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def message(exc_info: pytest.ExceptionInfo[BaseException]) -> str:
    text = str(exc_info.value)
    assert "\n" not in text
    return text


# -- bad single files -------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.txt", b"")
    with pytest.raises(InputError) as info:
        read_document(path)
    assert message(info) == f"{path.as_posix()}: the file is empty"


@pytest.mark.parametrize("content", [b"\xef\xbb\xbf", b"  \r\n\t\n"])
def test_blank_file_is_empty(tmp_path: Path, content: bytes) -> None:
    with pytest.raises(InputError, match="the file is empty"):
        read_document(write(tmp_path / "blank.txt", content))


def test_binary_png(tmp_path: Path) -> None:
    path = write(tmp_path / "image.txt", PNG_HEADER + bytes(range(256)))
    with pytest.raises(InputError) as info:
        read_document(path)
    assert "binary" in message(info)
    assert path.as_posix() in message(info)


def test_binary_control_characters_without_nul(tmp_path: Path) -> None:
    path = write(tmp_path / "ctl.txt", HINDI.encode() + bytes(range(1, 9)) * 200)
    with pytest.raises(InputError, match="binary"):
        read_document(path)


def test_latin1_file_says_utf8_expected(tmp_path: Path) -> None:
    path = write(tmp_path / "latin1.txt", "Café crème à Hanoï".encode("latin-1"))
    with pytest.raises(InputError) as info:
        read_document(path)
    text = message(info)
    assert "UTF-8" in text
    assert "byte 3" in text  # 'C', 'a', 'f', then the Latin-1 'é'


def test_encoding_error_offset_counts_bom(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + "क".encode() + b"\xff"
    with pytest.raises(InputError, match=r"byte 6\)"):
        read_document(write(tmp_path / "bad.txt", data))


def test_encoding_error_offset_after_first_chunk(tmp_path: Path) -> None:
    good = ("क" * 1_000_000).encode()  # 3 MB: the bad byte is in a later chunk
    with pytest.raises(InputError, match=rf"byte {len(good)}\)"):
        read_document(write(tmp_path / "bad.txt", good + b"\xc0 " + "ख".encode()))


def test_english_only_text(tmp_path: Path) -> None:
    path = write(tmp_path / "english.txt", "Russian President Vladimir Putin arrived in Vietnam.\n")
    with pytest.raises(InputError) as info:
        read_document(path)
    assert "only Hindi is supported" in message(info)


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    with pytest.raises(InputError) as info:
        read_document(path)
    assert message(info) == f"{path.as_posix()}: no such file or directory"


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a regular file"):
        read_document(tmp_path)


def test_too_big(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "big.txt", HINDI * 10)
    size = path.stat().st_size
    with pytest.raises(InputError) as info:
        read_document(path, max_bytes=100)
    assert f"{size} bytes is over the limit of 100 bytes" in message(info)
    monkeypatch.setenv("KG_MAX_BYTES", "1K")
    assert max_input_bytes() == 1024
    with pytest.raises(InputError, match="KG_MAX_BYTES"):
        read_document(path)
    monkeypatch.setenv("KG_MAX_BYTES", str(size))
    assert read_document(path).text == HINDI * 10


def test_bad_size_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_MAX_BYTES", "lots")
    with pytest.raises(InputError, match="KG_MAX_BYTES='lots' is not a size"):
        max_input_bytes()
    monkeypatch.delenv("KG_MAX_BYTES")
    assert max_input_bytes() == DEFAULT_MAX_BYTES == 25 * 1024 * 1024


# -- good files -------------------------------------------------------------


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + HINDI.encode()))
    assert doc.text == HINDI
    assert doc.title == HINDI.strip()


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, codec: str) -> None:
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[codec]
    doc = read_document(write(tmp_path / "u16.txt", bom + HINDI.encode(codec)))
    assert doc.text == HINDI


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read(tmp_path: Path, codec: str) -> None:
    doc = read_document(write(tmp_path / "u16.txt", HINDI.encode(codec)))
    assert doc.text == HINDI


def test_utf16_without_bom_but_broken_says_so(tmp_path: Path) -> None:
    data = HINDI.encode("utf-16-le") + b"\x00\xdc" + HINDI.encode("utf-16-le")  # a lone low surrogate
    with pytest.raises(InputError) as info:
        read_document(write(tmp_path / "u16.txt", data))
    assert "UTF-16 without a byte-order mark" in message(info)


def test_ascii_utf16_is_not_hindi(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="binary"):
        read_document(write(tmp_path / "u16.txt", "plain English".encode("utf-16-le")))


def test_utf16_with_bom_but_broken(tmp_path: Path) -> None:
    data = b"\xff\xfe" + "क".encode("utf-16-le") + b"\x00\xdc"  # a lone low surrogate
    with pytest.raises(InputError, match=r"not valid UTF-16 \(byte 4\).*expects UTF-8"):
        read_document(write(tmp_path / "u16.txt", data))


def test_fifo_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read_document(fifo)


def test_text_is_kept_exactly(tmp_path: Path) -> None:
    text = "शीर्षक\r\n\r\nपुतिन ने कहा।\u200d\r\nअंत"  # CRLF and a ZWJ stay as they are
    doc = read_document(write(tmp_path / "crlf.txt", text))
    assert doc.text == text
    assert doc.title == "शीर्षक"


def test_html_and_js_pass_through_unchanged(tmp_path: Path) -> None:
    text = (
        '<script>alert("x")</script> पुतिन <img src=x onerror="alert(1)"> '
        "&lt;b&gt; ने ' OR 1=1; -- {{7*7}} ${jndi:x}\n"
    )
    doc = read_document(write(tmp_path / "evil.txt", text))
    assert doc.text == text
    assert doc.title == text.strip()


def test_document_without_metadata(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "sub" / "x.txt", "\n\n  " + HINDI * 3))
    assert doc.id == "x"
    assert doc.title == HINDI.strip()
    assert doc.date is None
    assert doc.language == "hi"
    assert doc.source is None
    assert doc.path == (tmp_path / "sub" / "x.txt").as_posix()


def test_long_first_line_title_is_trimmed(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "long.txt", "पुतिन " * 200 + "\nदूसरी"))
    assert doc.title is not None
    assert 100 <= len(doc.title) <= 201
    assert doc.title.endswith("…")
    assert "\n" not in doc.title


def test_ids_keep_devanagari_and_replace_spaces(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "पुतिन की यात्रा (1).txt", HINDI))
    assert doc.id == "पुतिन-की-यात्रा-1"


def test_seed_article_reads_fine() -> None:
    shared_seed()
    doc = read_document(SHARED_SEED)
    assert doc.id == SEED
    assert doc.text == SHARED_SEED.read_bytes().decode("utf-8")
    assert doc.title is not None and doc.title.startswith("Putin वियतनाम यात्रा")


def test_repo_seed_is_exact_copy_and_has_date() -> None:
    shared_seed()
    assert (ROOT / "seeds" / f"{SEED}.txt").read_bytes() == SHARED_SEED.read_bytes()
    docs, errors = read_documents([ROOT / "seeds"])
    assert errors == []
    assert [d.id for d in docs] == [SEED]
    doc = docs[0]
    assert doc.date == "2024-06-20"
    assert doc.language == "hi"
    assert doc.source == "Associated Press (AP), Hindi version"
    assert doc.title == doc.text.split("\n", 1)[0].strip()


# -- metadata sidecar -------------------------------------------------------


def test_sidecar_good(tmp_path: Path) -> None:
    path = write(tmp_path / "article.txt", HINDI)
    meta = {"title": "पुतिन हनोई में", "date": "2024-06-20", "language": "hi-IN",
            "source": "AP", "url": "https://example.org/a", "extra": [1, 2]}
    write(sidecar_path(path), json.dumps(meta, ensure_ascii=False))
    doc = read_document(path)
    assert (doc.title, doc.date, doc.language, doc.source) == ("पुतिन हनोई में", "2024-06-20", "hi", "AP")
    assert doc.meta()["path"] == path.as_posix()


def test_sidecar_partial_falls_back(tmp_path: Path) -> None:
    path = write(tmp_path / "article.txt", HINDI)
    write(sidecar_path(path), '{"date": "2024-06-20"}')
    doc = read_document(path)
    assert doc.title == HINDI.strip()
    assert doc.date == "2024-06-20"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "metadata sidecar is not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('{"date": "20 June 2024"}', "YYYY-MM-DD, got '20 June 2024'"),
        ('{"date": "2024-02-30"}', "YYYY-MM-DD, got '2024-02-30'"),
        ('{"date": 2024}', "YYYY-MM-DD, got 2024"),
        ('{"language": "en"}', "only Hindi"),
        ('{"title": ["a"]}', "metadata field 'title' must be a string"),
    ],
)
def test_sidecar_bad(tmp_path: Path, content: str, expected: str) -> None:
    path = write(tmp_path / "article.txt", HINDI)
    write(sidecar_path(path), content)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert expected in message(info)
    assert "article.meta.json" in message(info)


# -- several inputs ---------------------------------------------------------


def test_directory_without_articles(tmp_path: Path) -> None:
    write(tmp_path / "notes.md", HINDI)
    write(tmp_path / "sub" / "deep.txt", HINDI)  # not read: folders are not recursive
    with pytest.raises(InputError) as info:
        iter_input_paths([tmp_path])
    assert message(info) == f"{tmp_path.as_posix()}: no articles (*.txt) found in this directory"


def test_missing_input_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or directory"):
        iter_input_paths([tmp_path / "missing"])


def test_iter_input_paths_sorted_deduplicated(tmp_path: Path) -> None:
    for name in ("b.txt", "a.TXT", ".hidden.txt", "a.meta.json", "c.md"):
        write(tmp_path / name, HINDI)
    extra = write(tmp_path / "other" / "c.text", HINDI)
    got = iter_input_paths([tmp_path, tmp_path / "b.txt", extra])
    assert [p.name for p in got] == ["a.TXT", "b.txt", "c.text"]
    assert iter_input_paths(tmp_path / "b.txt") == [tmp_path / "b.txt"]


def test_sidecars_given_as_inputs_are_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", HINDI)
    meta = write(sidecar_path(path), json.dumps({"title": "हिंदी शीर्षक"}, ensure_ascii=False))
    docs, errors = read_documents([path, meta])  # as from the shell glob `seeds/*`
    assert [d.id for d in docs] == ["a"] and errors == []
    assert docs[0].title == "हिंदी शीर्षक"
    with pytest.raises(InputError, match="no article given"):
        read_documents([meta])


def test_empty_string_input_is_not_the_current_folder() -> None:
    with pytest.raises(InputError, match="an empty path was given"):
        iter_input_paths([""])


def test_mixed_inputs_skip_and_report(tmp_path: Path) -> None:
    write(tmp_path / "in" / "1-good.txt", HINDI)
    write(tmp_path / "in" / "2-empty.txt", b"")
    write(tmp_path / "in" / "3-image.txt", PNG_HEADER)
    write(tmp_path / "in" / "4-good.txt", "दूसरा लेख")
    single = write(tmp_path / "5-english.txt", "English only")
    docs, errors = read_documents([tmp_path / "in", tmp_path / "missing.txt", single])
    assert [d.id for d in docs] == ["1-good", "4-good"]
    assert len(errors) == 4
    assert all("\n" not in e for e in errors)
    assert "2-empty.txt: the file is empty" in errors[0]
    assert "3-image.txt: looks like a binary file" in errors[1]
    assert "missing.txt: no such file or directory" in errors[2]
    assert "only Hindi is supported" in errors[3]


def test_nothing_usable_raises_no_input(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.txt", b"")
    with pytest.raises(InputError) as info:
        read_documents([empty, tmp_path / "missing.txt"])
    text = message(info)
    assert text.startswith("no usable input")
    assert "the file is empty" in text and "no such file" in text
    with pytest.raises(KGError, match="no usable input"):
        read_documents([])


def test_same_stem_gets_unique_ids(tmp_path: Path) -> None:
    a1 = write(tmp_path / "dir1" / "a.txt", HINDI)
    a2 = write(tmp_path / "dir2" / "a.txt", HINDI)
    a3 = write(tmp_path / "dir3" / "a.txt", HINDI)
    docs, _ = read_documents([a1, a2, a3])
    assert [d.id for d in docs] == ["a", "a-2", "a-3"]
    again, _ = read_documents([a1, a2, a3])
    assert [d.id for d in again] == ["a", "a-2", "a-3"]
    assert [d.path for d in docs] == [p.as_posix() for p in (a1, a2, a3)]


def test_same_file_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", HINDI)
    docs, errors = read_documents([path, tmp_path, str(path)])
    assert [d.id for d in docs] == ["a"] and errors == []


# -- text given directly ----------------------------------------------------


def test_document_from_text() -> None:
    doc = document_from_text(HINDI, doc_id="t1", date="2024-06-20")
    assert (doc.id, doc.text, doc.date, doc.path) == ("t1", HINDI, "2024-06-20", None)


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("", None, "<text>: the file is empty"),
        ("Only English here.", None, "<text>: no Devanagari text found; only Hindi is supported yet"),
        (HINDI, "June 2024", "<text>: date must be"),
    ],
)
def test_document_from_text_errors(text: str, date: str | None, expected: str) -> None:
    with pytest.raises(InputError) as info:
        document_from_text(text, date=date)
    assert message(info).startswith(expected)


def test_document_from_text_rejects_non_text() -> None:
    with pytest.raises(KGError, match="must be Hindi text"):
        document_from_text(b"\xe0\xa4\x95")  # type: ignore[arg-type]


# -- big input --------------------------------------------------------------


@pytest.mark.slow
def test_20_mb_hindi_file_within_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    shared_seed()
    block = SHARED_SEED.read_bytes() + b"\n"
    with open(path, "wb") as handle:
        for _ in range(20 * 1024 * 1024 // len(block) + 1):
            handle.write(block)
    size = path.stat().st_size
    assert size > 20 * 1024 * 1024
    tracemalloc.start()
    try:
        doc = read_document(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert doc.text.startswith("Putin")
    assert len(doc.text) > 7_000_000
    # bytes (1x) + str of mostly BMP characters (2 bytes/char, about 0.75x): no extra copies
    # one 1 MiB chunk + the decoded parts + their join (about 0.75x each): no whole-file copies
    assert peak < 1.8 * size, peak / size
    assert doc.text == path.read_bytes().decode("utf-8")
    shutil.copy(path, tmp_path / "copy.txt")
    with pytest.raises(InputError, match="over the limit"):
        read_document(tmp_path / "copy.txt", max_bytes=size - 1)
