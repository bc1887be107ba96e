"""The one safe reader and the one safe writer (scrumcert/files.py), tried on every kind of path a
user can name: regular files, symlinks, read-only and private files, folders, pipes and devices."""

from __future__ import annotations

import os
import stat
import threading
import time
from pathlib import Path

import pytest

from scrumcert.files import FileRefused, read_bytes, write_text

ROOT = os.geteuid() == 0


# --- reading ------------------------------------------------------------------------------------

def test_reader_reads_a_regular_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes(b"role: new\n")
    assert read_bytes(tmp_path / "a.yaml") == b"role: new\n"


def test_reader_refuses_a_file_over_the_limit_before_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as fh:  # sparse: a 2 GB size costs no disk
        fh.truncate(2 * 1024**3)
    with pytest.raises(FileRefused) as err:
        read_bytes(big, "answers file big.yaml", limit=1024)
    assert err.value.message == "answers file big.yaml: is larger than 1,024 bytes"


def test_reader_stops_an_endless_device_at_the_limit() -> None:
    started = time.perf_counter()
    with pytest.raises(FileRefused) as err:
        read_bytes("/dev/zero", "answers file /dev/zero")
    assert err.value.message == "answers file /dev/zero: is larger than 10 MB"
    assert time.perf_counter() - started < 2


def test_reader_does_not_block_on_a_fifo_without_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "answers.yaml"
    os.mkfifo(fifo)
    started = time.perf_counter()
    assert read_bytes(fifo) == b""
    assert time.perf_counter() - started < 1


def test_reader_reads_a_fifo_to_its_end(tmp_path: Path) -> None:
    fifo = tmp_path / "team.csv"
    os.mkfifo(fifo)

    def feed() -> None:
        with open(fifo, "wb") as fh:
            fh.write(b"x" * 200_000)

    writer = threading.Thread(target=feed)
    writer.start()
    time.sleep(0.1)  # let the writer open its end first
    got = read_bytes(fifo)
    writer.join()
    assert got in (b"", b"x" * 200_000)  # empty only if the reader won the race to open


def test_reader_names_a_folder_and_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileRefused, match=r"x: is a folder, not a file$"):
        read_bytes(tmp_path, "x")
    with pytest.raises(FileRefused, match=r"x: no such file$"):
        read_bytes(tmp_path / "nope", "x")


def test_reader_refuses_what_is_not_a_regular_file_where_a_file_is_meant(tmp_path: Path) -> None:
    fifo = tmp_path / "c.yaml"
    os.mkfifo(fifo)
    with pytest.raises(FileRefused, match=r"c.yaml: is not a regular file$"):
        read_bytes(fifo, "c.yaml", regular_only=True)


def test_reader_reports_a_symlink_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    with pytest.raises(FileRefused, match=r"loop.yaml: too many levels of symbolic links$"):
        read_bytes(loop, "loop.yaml")


# --- writing ------------------------------------------------------------------------------------

def test_writer_creates_a_file_with_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text(tmp_path / "new.yaml", "role: new\n")
    finally:
        os.umask(old)
    assert (tmp_path / "new.yaml").read_text() == "role: new\n"
    assert stat.S_IMODE((tmp_path / "new.yaml").stat().st_mode) == 0o644


def test_writer_creates_a_private_file_when_asked(tmp_path: Path) -> None:
    write_text(tmp_path / "entry.json", "{}", mode=0o600)
    assert stat.S_IMODE((tmp_path / "entry.json").stat().st_mode) == 0o600


def test_writer_keeps_the_mode_of_a_private_file(tmp_path: Path) -> None:
    target = tmp_path / "private.yaml"
    target.write_text("secret: 1\n")
    target.chmod(0o600)
    write_text(target, "role: new\n")
    assert target.read_text() == "role: new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_writer_refuses_a_read_only_file_even_for_root(tmp_path: Path) -> None:
    target = tmp_path / "locked.yaml"
    target.write_text("keep\n")
    target.chmod(0o444)
    with pytest.raises(FileRefused) as err:
        write_text(target, "role: new\n", "--save-answers locked.yaml")
    assert err.value.message == "--save-answers locked.yaml: is read-only; not replaced"
    assert target.read_text() == "keep\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["locked.yaml"]


def test_writer_follows_a_symlink_to_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("target\n")
    real.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to("real.md")
    write_text(link, "new\n")
    assert link.is_symlink()
    assert real.read_text() == "new\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_writer_writes_through_a_fifo_without_replacing_it(tmp_path: Path) -> None:
    fifo = tmp_path / "out.yaml"
    os.mkfifo(fifo)
    got: list[bytes] = []

    def drain() -> None:
        with open(fifo, "rb") as fh:
            got.append(fh.read())

    reader = threading.Thread(target=drain)
    reader.start()
    time.sleep(0.1)
    write_text(fifo, "role: new\n")
    reader.join(5)
    assert got == [b"role: new\n"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_writer_refuses_a_fifo_nothing_reads_instead_of_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "out.yaml"
    os.mkfifo(fifo)
    with pytest.raises(FileRefused, match=r"out.yaml: cannot write: is a pipe that nothing reads$"):
        write_text(fifo, "x", "out.yaml")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_writer_writes_through_dev_null_and_never_replaces_it() -> None:
    before = os.stat("/dev/null")
    write_text("/dev/null", "role: new\n")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


@pytest.mark.skipif(not ROOT, reason="mknod needs root")
def test_writer_never_replaces_a_device_node(tmp_path: Path) -> None:
    node = tmp_path / "fakenull"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    write_text(node, "role: new\n")
    assert stat.S_ISCHR(node.lstat().st_mode)


def test_writer_reports_a_full_device_in_one_line() -> None:
    with pytest.raises(FileRefused) as err:
        write_text("/dev/full", "x" * 10, "--save-answers /dev/full")
    assert err.value.message == "--save-answers /dev/full: cannot write: no space left on device"


def test_writer_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(FileRefused, match=r"is a folder, not a file$"):
        write_text(tmp_path, "x")
    assert list(tmp_path.iterdir()) == []


def test_writer_leaves_no_temporary_file_when_interrupted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    target = tmp_path / "report.md"
    target.write_text("old\n")

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_text(target, "new\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]
    assert target.read_text() == "old\n"


def test_writer_writes_text_that_is_not_unicode_as_an_escape(tmp_path: Path) -> None:
    title = "Team plan: team\udcff.csv"  # what os.fsdecode makes of a name that is not UTF-8
    write_text(tmp_path / "plan.md", title)
    assert (tmp_path / "plan.md").read_text() == "Team plan: team\\udcff.csv"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"]


def test_writer_refuses_a_missing_folder_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(FileRefused, match=r"x: cannot write: no such file$"):
        write_text(tmp_path / "no" / "x.md", "x", "x")
