"""Pack the offline build into a lean, reproducible zip with a checksum beside it.

    python scripts/bundle.py BUILD_DIR DIST_DIR

`make offline` runs it through `scripts/build.sh offline` after building into build/offline/.
Reproducible: the same build gives the same bytes, because entries are sorted, every entry gets
the time of SOURCE_DATE_EPOCH (the last commit, not the clock) and fixed permissions, and the
compression level is fixed. Lean: files a reader of the bundle never loads stay out.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import time
import zipfile
from pathlib import Path

BUNDLE_NAME = "spine-cancer-guide-offline"
ZIP_NAME = f"{BUNDLE_NAME}.zip"
CHECKSUM_NAME = f"{ZIP_NAME}.sha256"
# A zip entry stores local date and time from 1980 on; earlier epochs are clamped to that.
ZIP_EPOCH_MIN = 315532800
FILE_ATTR = (stat.S_IFREG | 0o644) << 16
DIR_ATTR = (stat.S_IFDIR | 0o755) << 16 | 0x10  # 0x10: the MS-DOS directory flag
UNIX = 3  # ZipInfo.create_system: tells unzip to apply the permissions above
LUNR_DIR = "assets/javascripts/lunr/"
GZ_SITEMAP = "sitemap.xml.gz"
TEXT_SUFFIXES = (".html", ".js", ".css", ".json", ".xml")


def search_languages(build_dir: Path) -> list[str]:
    """The languages Material's search worker is configured for, as the build wrote them."""
    index = json.loads((build_dir / "search/search_index.json").read_text(encoding="utf-8"))
    return list(index["config"]["lang"])


def lunr_files_needed(languages: list[str]) -> set[str]:
    """The lunr files (relative to LUNR_DIR) the search worker imports for these languages.

    Mirrors Material's worker: English is built in; any other language needs its file plus the
    stemmer support, several languages need lunr.multi, and ja/hi/th need a word segmenter.
    """
    needed = set()
    for language in languages:
        if language == "ja":
            needed.add("tinyseg.js")
        elif language in ("hi", "th"):
            needed.add("wordcut.js")
        if language != "en":
            needed.add(f"min/lunr.{language}.min.js")
    if len(languages) > 1:
        needed.add("min/lunr.multi.min.js")
    if needed:
        needed.add("min/lunr.stemmer.support.min.js")
    return needed


def gz_sitemap_is_used(build_dir: Path) -> bool:
    """True if any page, script or stylesheet names the gzipped sitemap (Material's do not)."""
    name = GZ_SITEMAP.encode()
    return any(
        name in path.read_bytes() for path in build_dir.rglob("*") if path.suffix in TEXT_SUFFIXES and path.is_file()
    )


def left_out_reason(rel_path: str, lunr_needed: set[str], drop_gz_sitemap: bool) -> str | None:
    """Why a built file stays out of the bundle, or None to keep it. ``rel_path`` is POSIX."""
    if rel_path.endswith(".map"):
        return "source map"
    if rel_path == GZ_SITEMAP and drop_gz_sitemap:
        return "gzipped sitemap nothing loads"
    if rel_path.startswith(LUNR_DIR) and rel_path[len(LUNR_DIR) :] not in lunr_needed:
        return "lunr language the search does not use"
    return None


def select_files(build_dir: Path) -> tuple[list[str], dict[str, str]]:
    """(kept files, {left-out file: reason}), both as sorted POSIX paths relative to build_dir."""
    lunr_needed = lunr_files_needed(search_languages(build_dir))
    drop_gz_sitemap = not gz_sitemap_is_used(build_dir)
    kept, left_out = [], {}
    for path in sorted(p for p in build_dir.rglob("*") if p.is_file()):
        rel_path = path.relative_to(build_dir).as_posix()
        reason = left_out_reason(rel_path, lunr_needed, drop_gz_sitemap)
        if reason:
            left_out[rel_path] = reason
        else:
            kept.append(rel_path)
    return kept, left_out


def archive_names(files: list[str]) -> list[str]:
    """Every entry of the zip, sorted: the files under BUNDLE_NAME/ and each folder that holds them."""
    folders = {f"{BUNDLE_NAME}/"}
    for rel_path in files:
        parts = rel_path.split("/")[:-1]
        folders.update(f"{BUNDLE_NAME}/{'/'.join(parts[: i + 1])}/" for i in range(len(parts)))
    return sorted(folders | {f"{BUNDLE_NAME}/{rel_path}" for rel_path in files})


def zip_date_time(epoch: int) -> tuple[int, int, int, int, int, int]:
    """SOURCE_DATE_EPOCH as a zip entry's (UTC) date and time.

    Zip stores seconds in steps of two, so round down to what the archive will really hold.
    """
    year, month, day, hour, minute, second = time.gmtime(max(epoch, ZIP_EPOCH_MIN))[:6]
    return year, month, day, hour, minute, second - second % 2


def write_zip(build_dir: Path, files: list[str], zip_path: Path, epoch: int) -> None:
    """Write the zip to a temporary name first, so a failure never leaves half a zip behind."""
    date_time = zip_date_time(epoch)
    partial = zip_path.with_name(zip_path.name + ".partial")
    with zipfile.ZipFile(partial, "w") as archive:
        for name in archive_names(files):
            info = zipfile.ZipInfo(name, date_time)
            info.create_system = UNIX
            if name.endswith("/"):
                info.external_attr = DIR_ATTR
                archive.writestr(info, b"")
            else:
                info.external_attr = FILE_ATTR
                info.compress_type = zipfile.ZIP_DEFLATED
                data = (build_dir / name[len(BUNDLE_NAME) + 1 :]).read_bytes()
                archive.writestr(info, data, compresslevel=9)
    partial.replace(zip_path)


def write_checksum(zip_path: Path) -> Path:
    """``<sha256>  <name>`` beside the zip, the format `sha256sum -c` checks."""
    digest = hashlib.sha256(zip_path.read_bytes()).hexdigest()
    checksum = zip_path.with_name(zip_path.name + ".sha256")
    checksum.write_text(f"{digest}  {zip_path.name}\n", encoding="utf-8")
    return checksum


def source_date_epoch() -> int:
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not value.isdigit():
        sys.exit(f"bundle.py: SOURCE_DATE_EPOCH must be set to a Unix time (got {value!r}); `make offline` sets it")
    return int(value)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        sys.exit(__doc__)
    build_dir, dist_dir = Path(argv[0]), Path(argv[1])
    if not (build_dir / "index.html").is_file():
        sys.exit(f"bundle.py: {build_dir}/index.html is missing; build first (`make offline` does both)")
    epoch = source_date_epoch()
    files, left_out = select_files(build_dir)
    dist_dir.mkdir(parents=True, exist_ok=True)
    zip_path = dist_dir / ZIP_NAME
    write_zip(build_dir, files, zip_path, epoch)
    checksum = write_checksum(zip_path)
    size_kb = zip_path.stat().st_size / 1024
    print(f"Wrote {zip_path} ({len(files)} files, {size_kb:.0f} KB; {len(left_out)} left out) and {checksum}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
