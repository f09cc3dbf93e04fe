"""Issue 14, item 6: import files as real editors save them (Notepad, PowerShell, Excel's
"Unicode text", macOS), and text in one normal form whatever the file held."""

import codecs
import json

import pytest
from django.core.management.base import CommandError

from publications.models import Author, Publication
from tests.publications.interchange.documents import counts, run_export, run_import

pytestmark = pytest.mark.django_db


def write_encoded(tmp_path, document, encoding, bom=b""):
    path = tmp_path / f"import-{encoding}.json"
    path.write_bytes(bom + json.dumps(document, ensure_ascii=False).encode(encoding))
    return path


def titled(example, title):
    example["publications"][0]["title"] = title
    return example


@pytest.mark.parametrize(
    ("encoding", "bom", "editor"),
    [
        ("utf-8", codecs.BOM_UTF8, "Notepad's UTF-8 (the issue's example)"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "Windows PowerShell 5: > and Out-File"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "UTF-16 big-endian"),
        ("utf-32-le", codecs.BOM_UTF32_LE, "UTF-32"),
        ("utf-16-le", b"", "UTF-16 without a byte-order mark"),
    ],
)
def test_files_in_every_unicode_encoding_with_or_without_a_mark_are_read(
    tmp_path, example, encoding, bom, editor
):
    path = write_encoded(tmp_path, titled(example, "Sécurité 😀"), encoding, bom)

    run_import(path)

    assert Publication.objects.get().title == "Sécurité 😀", editor


@pytest.mark.parametrize(
    ("encoding", "byte"), [("cp1252", "0xE9"), ("latin-1", "0xE9"), ("mac-roman", "0x8E")]
)
def test_a_file_in_a_legacy_encoding_is_refused_naming_byte_and_line(
    tmp_path, example, encoding, byte
):
    document = titled(example, "Sécurité")
    path = tmp_path / "ansi.json"
    path.write_bytes(json.dumps(document, ensure_ascii=False, indent=1).encode(encoding))
    line = json.dumps(document, ensure_ascii=False, indent=1).split("Sécurité")[0].count("\n") + 1

    with pytest.raises(CommandError) as excinfo:
        run_import(path)

    message = str(excinfo.value)
    assert f"not UTF-8: byte {byte} on line {line}" in message and "Save it as UTF-8" in message
    assert counts()["Publication"] == 0


def test_decomposed_text_and_odd_whitespace_are_stored_in_one_normal_form(tmp_path, example):
    record = example["publications"][0]
    record.update(
        title="Se\u0301curite\u0301\u00a0: enjeux\u200b\r\n2025",  # NFD, NBSP, ZWSP, CRLF
        summary="First\r\nline\u2028second\u000bthird\u2029Next\ufeff paragraph.\r\rEnd\u00a0!",
        source="Le\u00a0Monde",
    )
    example["authors"][0]["name"] = "Jose\u0301\u00a0Marti\u0301\u200b"
    example["authors"][0]["bio"] = "Bio\r\nline"
    path = tmp_path / "mac.json"
    path.write_text(json.dumps(example), encoding="utf-8")

    run_import(path)

    publication = Publication.objects.get()
    assert publication.title == "Sécurité\u00a0: enjeux 2025"
    assert publication.summary == "First\nline\nsecond\nthird\n\nNext paragraph.\n\nEnd\u00a0!"
    assert publication.source == "Le\u00a0Monde"  # French no-break spaces are kept
    author = Author.objects.get()
    assert (author.name, author.bio) == ("José\u00a0Martí", "Bio\nline")


def test_a_cleaned_import_exports_and_reimports_unchanged(tmp_path, example):
    example["publications"][0]["summary"] = "Line one\u000bline two\r\nthree"
    path = tmp_path / "first.json"
    path.write_text(json.dumps(example), encoding="utf-8")
    run_import(path)

    exported = json.loads(run_export())
    assert exported["publications"][0]["summary"] == "Line one\nline two\nthree"
    again = tmp_path / "again.json"
    again.write_text(json.dumps(exported), encoding="utf-8")
    report = run_import(again)

    assert "publications: 0 new, 0 updated, 1 unchanged" in report
