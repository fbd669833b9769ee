"""scripts/bundle.py on its own: what stays out, entry names, dates, permissions, checksum."""

from __future__ import annotations

import json
import subprocess
import zipfile

import pytest
from bundle import (
    BUNDLE_NAME,
    archive_names,
    left_out_reason,
    lunr_files_needed,
    select_files,
    write_checksum,
    write_zip,
    zip_date_time,
)


def fake_build(root, files: dict[str, str], languages=("en",)):
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "search").mkdir(exist_ok=True)
    (root / "search/search_index.json").write_text(json.dumps({"config": {"lang": list(languages)}}), "utf-8")
    return root


def test_english_needs_no_lunr_file():
    assert lunr_files_needed(["en"]) == set()


def test_other_languages_need_their_file_the_stemmer_and_multi():
    assert lunr_files_needed(["en", "ja"]) == {
        "tinyseg.js",
        "min/lunr.ja.min.js",
        "min/lunr.multi.min.js",
        "min/lunr.stemmer.support.min.js",
    }
    assert lunr_files_needed(["de"]) == {"min/lunr.de.min.js", "min/lunr.stemmer.support.min.js"}


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("assets/javascripts/bundle.1234.min.js.map", "source map"),
        ("assets/javascripts/lunr/min/lunr.de.min.js", "lunr language the search does not use"),
        ("assets/javascripts/lunr/wordcut.js", "lunr language the search does not use"),
        ("sitemap.xml.gz", "gzipped sitemap nothing loads"),
        ("sitemap.xml", None),
        ("index.html", None),
        ("assets/javascripts/bundle.1234.min.js", None),
        ("search/search_index.js", None),
    ],
)
def test_left_out_reason(path, reason):
    assert left_out_reason(path, lunr_needed=set(), drop_gz_sitemap=True) == reason


def test_needed_lunr_files_and_a_used_gz_sitemap_stay():
    assert left_out_reason("assets/javascripts/lunr/min/lunr.de.min.js", {"min/lunr.de.min.js"}, False) is None
    assert left_out_reason("sitemap.xml.gz", set(), drop_gz_sitemap=False) is None


def test_gz_sitemap_stays_when_a_page_names_it(tmp_path):
    build = fake_build(tmp_path, {"index.html": '<a href="sitemap.xml.gz">map</a>', "sitemap.xml.gz": "x"})
    kept, _ = select_files(build)
    assert "sitemap.xml.gz" in kept


def test_select_files_is_sorted_and_says_why(tmp_path):
    build = fake_build(
        tmp_path,
        {"b.html": "", "a/z.js": "", "a/z.js.map": "", "sitemap.xml.gz": "", "assets/javascripts/lunr/tinyseg.js": ""},
    )
    kept, left_out = select_files(build)
    assert kept == ["a/z.js", "b.html", "search/search_index.json"]
    assert left_out == {
        "a/z.js.map": "source map",
        "assets/javascripts/lunr/tinyseg.js": "lunr language the search does not use",
        "sitemap.xml.gz": "gzipped sitemap nothing loads",
    }


def test_archive_names_hold_one_top_folder_and_every_parent():
    assert archive_names(["index.html", "a/b/c.js"]) == [
        f"{BUNDLE_NAME}/",
        f"{BUNDLE_NAME}/a/",
        f"{BUNDLE_NAME}/a/b/",
        f"{BUNDLE_NAME}/a/b/c.js",
        f"{BUNDLE_NAME}/index.html",
    ]


def test_zip_date_time_is_utc_and_clamped_to_1980():
    assert zip_date_time(1_000_000_000) == (2001, 9, 9, 1, 46, 40)
    assert zip_date_time(0) == (1980, 1, 1, 0, 0, 0)


def test_zip_date_time_has_the_two_second_steps_zip_can_store():
    assert zip_date_time(1_000_000_001) == (2001, 9, 9, 1, 46, 40)


def test_zip_entries_have_fixed_dates_and_permissions(tmp_path):
    build = fake_build(tmp_path / "build", {"index.html": "<h1>x</h1>", "a/b.js": "1"})
    (build / "a/b.js").chmod(0o700)
    zip_path = tmp_path / "out.zip"
    write_zip(build, ["a/b.js", "index.html"], zip_path, 1_000_000_000)
    with zipfile.ZipFile(zip_path) as archive:
        infos = archive.infolist()
        assert [i.filename for i in infos] == archive_names(["a/b.js", "index.html"])
        assert {i.date_time for i in infos} == {(2001, 9, 9, 1, 46, 40)}
        modes = {i.filename: i.external_attr >> 16 & 0o777 for i in infos}
        assert archive.read(f"{BUNDLE_NAME}/index.html") == b"<h1>x</h1>"
    assert modes[f"{BUNDLE_NAME}/a/b.js"] == 0o644, "the build's own permissions do not leak in"
    assert modes[f"{BUNDLE_NAME}/a/"] == 0o755
    assert not (tmp_path / "out.zip.partial").exists()


def test_same_input_gives_the_same_bytes(tmp_path):
    build = fake_build(tmp_path / "build", {"index.html": "x" * 1000})
    write_zip(build, ["index.html"], tmp_path / "1.zip", 1_000_000_000)
    (build / "index.html").touch()  # a newer mtime must not matter
    write_zip(build, ["index.html"], tmp_path / "2.zip", 1_000_000_000)
    assert (tmp_path / "1.zip").read_bytes() == (tmp_path / "2.zip").read_bytes()


def test_checksum_file_passes_sha256sum_check(tmp_path):
    zip_path = tmp_path / "bundle.zip"
    zip_path.write_bytes(b"bundle bytes")
    checksum = write_checksum(zip_path)
    assert checksum.name == "bundle.zip.sha256"
    subprocess.run(["sha256sum", "--check", "--strict", checksum.name], cwd=tmp_path, check=True, capture_output=True)
    zip_path.write_bytes(b"changed")
    failed = subprocess.run(["sha256sum", "--check", checksum.name], cwd=tmp_path, capture_output=True)
    assert failed.returncode != 0
