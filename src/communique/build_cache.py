"""Tables built from data files (the gazetteer), pickled once into the user's cache folder so a
new process loads them in a fraction of the build time.

The file name carries a hash of everything the build reads (communique's version, the source
files of the build, the data files, the versions of the packages it draws on), so an edited
data file, a changed build or an upgrade builds afresh; a cache that cannot be read or written is ignored and the table is built in memory.
$COMMUNIQUE_CACHE_DIR chooses the folder ("off" turns the cache off); the default is
$XDG_CACHE_HOME/communique, else ~/.cache/communique.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from importlib import metadata, resources
from pathlib import Path
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")
OFF = ("off", "0", "none", "no")


def cache_dir() -> Path | None:
    """The folder cached tables go to, or None when the cache is off."""
    chosen = os.environ.get("COMMUNIQUE_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in OFF else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "communique"


def fingerprint(sources: Iterable[str], data_files: Iterable[str], packages: Iterable[str]) -> str:
    """A hash of communique's version, the given source files, the named files of
    communique/data and the installed versions of the named packages."""
    from communique import __version__

    h = hashlib.sha256(f"{__version__}\0{pickle.HIGHEST_PROTOCOL}\0".encode())
    for src in sources:
        h.update(Path(src).read_bytes() + b"\0")
    data = resources.files("communique.data")
    for name in sorted(data_files):
        h.update(name.encode() + b"\0" + data.joinpath(name).read_bytes() + b"\0")
    for pkg in sorted(packages):
        try:
            version = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            version = "-"
        h.update(f"{pkg}={version}\0".encode())
    return h.hexdigest()[:20]


def cached(name: str, build: Callable[[], T], *, sources: Iterable[str] = (), data_files: Iterable[str] = (),
           packages: Iterable[str] = ()) -> T:
    """`build()`'s result, loaded from the cache when a build from the same inputs is there;
    else built and written there (atomically: a rename, so concurrent processes never read half
    a file)."""
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        path = folder / f"{name}-{fingerprint(sources, data_files, packages)}.pickle"
    except OSError:
        return build()
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        pass  # absent, unreadable or from another layout: build it again
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError:
        pass  # a read-only home: the table lives in memory only
    return value
