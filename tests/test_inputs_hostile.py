"""Inputs that are not what they seem: special files, hostile sidecars, HTML pages, XML-forbidden
characters, link loops. Real files in tmp_path; each bad input is one line, and only that article
is skipped."""

from __future__ import annotations

import json
import os
import signal
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.inputs import document_from_text, iter_input_paths, read_document, read_documents, sidecar_path
from kg.metadata import META_MAX_BYTES

HINDI = "रूसी राष्ट्रपति व्लादिमीर पुतिन गुरुवार को वियतनाम पहुंचे।\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


@pytest.fixture(autouse=True)
def _no_hang() -> Iterator[None]:
    """A read that blocks (a FIFO opened for reading) fails the test instead of hanging it."""
    def hung(*_args: object) -> None:
        raise AssertionError("reading blocked")

    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def one_bad_sidecar(tmp_path: Path, make: object) -> tuple[list[str], list[str]]:
    """Two articles, the first with a bad sidecar made by ``make(path)``: ids built, errors."""
    bad = write(tmp_path / "a.txt", HINDI)
    write(tmp_path / "b.txt", HINDI)
    make(sidecar_path(bad))  # type: ignore[operator]
    docs, errors = read_documents([tmp_path])
    assert all("\n" not in e for e in errors)
    return [d.id for d in docs], errors


def test_fifo_sidecar_does_not_hang(tmp_path: Path) -> None:
    ids, errors = one_bad_sidecar(tmp_path, os.mkfifo)
    assert ids == ["b"]
    assert errors == [f"{tmp_path.as_posix()}/a.meta.json: not a regular file but a FIFO (named pipe)"]


def test_sidecar_linked_to_dev_zero_is_not_read(tmp_path: Path) -> None:
    ids, errors = one_bad_sidecar(tmp_path, lambda p: p.symlink_to("/dev/zero"))
    assert ids == ["b"] and errors[0].endswith("a.meta.json: not a regular file but a character device")


def test_deeply_nested_sidecar_is_one_error(tmp_path: Path) -> None:
    ids, errors = one_bad_sidecar(tmp_path, lambda p: write(p, "[" * 100_000 + "]" * 100_000))
    assert ids == ["b"]
    assert errors[0].endswith("a.meta.json: metadata sidecar is not valid JSON (nested too deeply)")


def test_big_sidecar_is_refused_before_reading(tmp_path: Path) -> None:
    big = '{"title": "' + "क" * META_MAX_BYTES + '"}'
    ids, errors = one_bad_sidecar(tmp_path, lambda p: write(p, big))
    assert ids == ["b"]
    assert f"is over the limit of {META_MAX_BYTES} bytes" in errors[0]


@pytest.mark.parametrize(("content", "reason"), [
    ('{"date": ' + "9" * 5000 + "}", "Exceeds the limit"),
    ('{"title": ["' + "x" * 500 + '"]}', "'title' must be a string"),
    ("\xff\xfe{}", "not valid JSON"),
])
def test_odd_sidecar_values_are_short_one_line_errors(tmp_path: Path, content: str, reason: str) -> None:
    ids, errors = one_bad_sidecar(tmp_path, lambda p: write(p, content.encode("latin-1")))
    assert ids == ["b"] and reason in errors[0] and len(errors[0]) < 400


def test_sidecar_that_is_a_folder_or_a_broken_link(tmp_path: Path) -> None:
    ids, errors = one_bad_sidecar(tmp_path, lambda p: p.mkdir())
    assert ids == ["b"] and errors[0].endswith("a.meta.json: not a regular file but a folder")
    os.rmdir(sidecar_path(tmp_path / "a.txt"))
    sidecar_path(tmp_path / "a.txt").symlink_to(tmp_path / "gone.json")
    with pytest.raises(InputError, match="a.meta.json: a broken symbolic link"):
        read_document(tmp_path / "a.txt")


def test_sidecar_title_loses_xml_forbidden_characters(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", HINDI)
    write(sidecar_path(path), json.dumps({"title": "\uffffभारत\u000b", "source": "AP\x00"}))
    doc = read_document(path)
    assert (doc.title, doc.source) == ("भारत", "AP")


# -- special files and links -----------------------------------------------------------------------


def test_symbolic_link_loop_is_named_as_such(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    with pytest.raises(InputError, match="loop.txt: a symbolic link loop"):
        read_document(loop)
    with pytest.raises(InputError, match="loop.txt: a symbolic link loop"):
        iter_input_paths([loop])


def test_broken_link_is_not_called_missing(tmp_path: Path) -> None:
    link = tmp_path / "a.txt"
    link.symlink_to(tmp_path / "elsewhere.txt")
    with pytest.raises(InputError, match="a.txt: a broken symbolic link"):
        read_document(link)


def test_special_entries_of_a_folder_are_reported_not_hidden(tmp_path: Path) -> None:
    write(tmp_path / "1-good.txt", HINDI)
    os.mkfifo(tmp_path / "2-fifo.txt")
    (tmp_path / "3-folder.txt").mkdir()
    (tmp_path / "4-loop.txt").symlink_to(tmp_path / "4-loop.txt")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(tmp_path / "5-socket.txt"))
        docs, errors = read_documents([tmp_path])
    assert [d.id for d in docs] == ["1-good"]
    assert [e.removeprefix(tmp_path.as_posix() + "/") for e in errors] == [
        "2-fifo.txt: not a regular file but a FIFO (named pipe)",
        "3-folder.txt: not a regular file but a folder",
        "4-loop.txt: a symbolic link loop (too many levels of symbolic links)",
        "5-socket.txt: not a regular file but a socket",
    ]


def test_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb") as handle:
        handle.write(HINDI.encode())
    doc = read_document(os.fsdecode(raw))
    assert doc.path == f"{tmp_path.as_posix()}/caf\\xe9.txt"
    assert doc.path.encode("utf-8")  # writable to documents.jsonl


# -- characters XML cannot hold ------------------------------------------------------------------------


def test_xml_forbidden_characters_become_spaces_in_place(tmp_path: Path) -> None:
    text = "\uffffभारत ने\x0bजापान का\x00 दौरा किया।\x1f\n"
    path = write(tmp_path / "a.txt", text.replace("\x00", ""))  # a NUL byte makes a file binary
    doc = read_document(path)
    expected = " भारत ने जापान का दौरा किया। \n"
    assert doc.text == expected and len(doc.text) == len(path.read_text(encoding="utf-8"))
    assert document_from_text(text).text == expected.replace("का ", "का  ")
    assert doc.title == expected.strip()


# -- HTML -------------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="hi"><head><meta charset="utf-8"><title>पुतिन की यात्रा - समाचार</title>
<style>p { color: red }</style><script>var x = "<p>नहीं</p>";</script></head>
<body><nav><a href="/">होम</a> | <a href="/world">दुनिया</a></nav>
<article><h1>पुतिन वियतनाम पहुंचे</h1>
<p>रूसी राष्ट्रपति &quot;व्लादिमीर पुतिन&quot; गुरुवार को
   वियतनाम पहुंचे।</p><p>उन्होंने हनोई में बात की।<br>बातचीत लंबी चली।</p></article>
<footer>© समाचार</footer></body></html>
"""
PAGE_TEXT = ("पुतिन वियतनाम पहुंचे\nरूसी राष्ट्रपति \"व्लादिमीर पुतिन\" गुरुवार को वियतनाम पहुंचे।\n"
             "उन्होंने हनोई में बात की।\nबातचीत लंबी चली।\n")


@pytest.mark.parametrize("name", ["news.html", "news.txt", "news"])
def test_html_page_is_read_for_its_text(tmp_path: Path, name: str) -> None:
    doc = read_document(write(tmp_path / name, PAGE))
    assert doc.text == PAGE_TEXT
    assert doc.title == "पुतिन की यात्रा - समाचार"
    assert doc.text_from == "html"
    meta = doc.meta()
    assert meta["text_from"] == "html" and meta["text"] == PAGE_TEXT


def test_html_fragment_without_doctype_is_html_too(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "frag.txt", "<p>पहला पैरा।</p>\n<p>दूसरा &amp; अंत।</p>"))
    assert (doc.text, doc.title, doc.text_from) == ("पहला पैरा।\nदूसरा & अंत।\n", "पहला पैरा।", "html")


def test_page_without_hindi_text_is_refused(tmp_path: Path) -> None:
    page = ("<html><head><title>हिंदी शीर्षक</title><script>var s='हिंदी';</script></head>"
            "<body>English</body></html>")
    with pytest.raises(InputError, match="no Devanagari text found"):
        read_document(write(tmp_path / "p.html", page))


def test_plain_text_with_stray_tags_stays_plain(tmp_path: Path) -> None:
    text = "अमेरिका ने <b>ईरान</b> पर <script>alert(1)</script> प्रतिबंध लगाए।\n"
    doc = read_document(write(tmp_path / "x.txt", text))
    assert doc.text == text and doc.text_from is None and "text" not in doc.meta()
