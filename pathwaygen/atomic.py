"""Atomic file writes: a reader sees the old file or the complete new one, never half of one.

The temporary file sits next to the target as ``.<name>.<pid>.<random>.tmp``: hidden, and
named after the process that writes it, so that after a crash or ``kill -9`` the next run
can tell a leftover from a file another live process is still writing
(:func:`remove_stale_temporaries`).
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

# mkstemp creates 0600 files; outputs get the usual 0666 & ~umask (read at import, once,
# because reading the umask means setting it)
_UMASK = os.umask(0)
os.umask(_UMASK)

#: a temporary file of write_atomic: ".<target name>.<pid>.<random>.tmp"
_TEMPORARY = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.tmp")


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and a rename.

    The rename is atomic on POSIX, so an interrupted write leaves either the previous file
    or nothing, and never a truncated one. The data is flushed to disk before the rename, so
    a power cut cannot leave a renamed but empty file either.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, 0o666 & ~_UMASK)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _alive(pid: int) -> bool:
    """True when process `pid` exists (it may be another program that reused the number)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists, owned by someone else (or we cannot tell: keep the file)
    return True


def remove_stale_temporaries(folder: str | os.PathLike[str]) -> list[Path]:
    """Delete the temporary files of write_atomic in `folder` whose writer process is gone.

    A build killed with SIGKILL (or a power cut) can leave one behind; they are hidden and
    never mistaken for outputs, and the next build removes them. Returns the removed paths.
    """
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMPORARY.fullmatch(entry.name)
        if match and entry.is_file(follow_symlinks=False) and not _alive(int(match["pid"])):
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                pass
    return removed
