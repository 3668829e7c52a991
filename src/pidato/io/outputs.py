"""Where a command may write: never over one of its inputs.

Every command that writes files (``pidato tag``, ``preprocess``, ``report``, ``evaluate``,
``lint``, and :func:`pidato.batch.tag_archive`) calls :func:`check_outputs` before it
reads or writes anything. ``--force`` means "replace an old output", never "replace my
data", so the check holds with or without it. Paths are compared after following
symbolic links, and files also by device and inode (a hard link is the same file).

An output is refused when

* it is an input file, or the file an input links to, or the file a link in an input
  folder points at;
* it lies in an input folder where the folder's reader would take it as a document
  (``reads``): ``pidato tag arsip/ -o arsip/out.csv`` is fine, since a folder's ``.csv``
  files other than ``metadata.csv`` are never read as documents, but
  ``-o arsip/metadata.csv`` is not;
* it is a folder the command fills or clears (``OUT.parts/``) and an input file or
  folder lies in it (the files written into a folder, such as ``--csv`` tables, are
  checked as files);
* two outputs are the same file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from ..core.errors import OutputError

__all__ = ["check_outputs", "reads_any_file"]

_Given = str | os.PathLike | None


def reads_any_file(path: Path) -> bool:
    """The reader of a folder that takes every file in it (the most careful assumption)."""
    return True


def _inode(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _read_paths(inputs: Iterable[_Given], reads: Callable[[Path], bool]) -> tuple[dict, dict, dict]:
    """(real file -> as named, real folder -> as named, inode -> as named) of what is read."""
    files: dict[Path, str] = {}
    folders: dict[Path, str] = {}
    inodes: dict[tuple[int, int], str] = {}
    for given in inputs:
        if given is None:
            continue
        path = Path(given)
        if path.is_dir():
            folders[path.resolve()] = str(path)
            found = (f for f in path.rglob("*") if f.is_file() and reads(f))
        elif path.exists():
            found = iter([path])
        else:
            continue  # the reader reports a missing input
        for f in found:
            files.setdefault(f.resolve(), str(f))
            node = _inode(f)
            if node is not None:
                inodes.setdefault(node, str(f))
    return files, folders, inodes


def check_outputs(inputs: Iterable[_Given], files: Iterable[_Given] = (), folders: Iterable[_Given] = (), *,
                  reads: Callable[[Path], bool] = reads_any_file) -> None:
    """Raise :class:`~pidato.core.errors.OutputError` when writing ``files`` or filling or
    clearing ``folders`` could change one of ``inputs``.

    Parameters
    ----------
    inputs
        Files and folders the command reads (None entries are skipped).
    files
        Output files the command writes or replaces.
    folders
        Output folders the command writes into or removes.
    reads
        Whether the reader of an input folder takes a file in it as a document.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "rilis.csv").write_text("doc_id,text\\n1,Pelayanan prima.\\n", encoding="utf-8")
    >>> check_outputs([d / "rilis.csv"], files=[d / "hasil.csv"])      # fine
    >>> try:
    ...     check_outputs([d / "rilis.csv"], files=[d / "." / "rilis.csv"])
    ... except OutputError as err:
    ...     print("over the input file" in str(err))
    True
    """
    outs = [Path(f) for f in files if f is not None]
    dirs = [Path(f) for f in folders if f is not None]
    read_files, read_folders, read_inodes = _read_paths(inputs, reads)
    fix = "--force replaces old outputs, never inputs: choose another output path"
    seen: dict[Path, Path] = {}
    for out in outs:
        real = out.resolve()
        if real in seen:
            raise OutputError(f"{out}: the same file is given for two outputs ({seen[real]} and {out})")
        seen[real] = out
        source = read_files.get(real) or read_inodes.get(_inode(out))  # type: ignore[arg-type]
        if source is not None:
            raise OutputError(f"{out}: the output would be written over the input file {source}; {fix}")
        for folder, named in read_folders.items():
            if _within(real, folder) and reads(real):
                raise OutputError(f"{out}: the output lies in the input folder {named}, whose reading would take "
                                  f"it as a document; {fix}")
    for out in dirs:
        real = out.resolve()
        inside = [named for f, named in [*read_files.items(), *read_folders.items()] if _within(f, real)]
        if inside:
            raise OutputError(f"{out}: this output folder would be filled or cleared, and it holds the input "
                              f"{inside[0]}; {fix}")
