"""The cause of a file-system fault in Dutch: the system's own text (`strerror`) is English.

Reading and writing share the causes; a few read differently when reading (a missing file rather than a missing
folder to write into, no access rather than no write permission). Reading a `.gz` file adds gzip's and zlib's own
faults (`describe_read_error`).
"""

from __future__ import annotations

import errno
import gzip
import zlib

_CAUSES = {
    errno.ENOENT: "map bestaat niet",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EACCES: "geen schrijfrechten",
    errno.EPERM: "geen schrijfrechten",
    errno.EROFS: "alleen-lezen bestandssysteem",
    errno.ENOSPC: "schijf vol",
    errno.EDQUOT: "schijfquotum bereikt",
    errno.EFBIG: "bestand te groot",
    errno.EISDIR: "is een map",
    errno.ELOOP: "symbolische koppeling verwijst naar zichzelf (lus)",
    errno.ENAMETOOLONG: "naam te lang",
    errno.EIO: "invoer-/uitvoerfout van het apparaat",
    errno.EPIPE: "de ontvanger is gestopt met lezen",
    errno.EMFILE: "te veel open bestanden",
    errno.ENFILE: "te veel open bestanden op dit systeem",
    errno.EBUSY: "in gebruik door een ander programma",
    errno.ETXTBSY: "in gebruik door een ander programma",
    errno.ESTALE: "de netwerkkoppeling is verouderd (de map is op de server verplaatst of verwijderd)",
    errno.ETIMEDOUT: "de netwerkschijf antwoordt niet (time-out)",
}

_READING_CAUSES = {
    errno.ENOENT: "bestaat niet",
    errno.EACCES: "geen toegang",
    errno.EPERM: "geen toegang",
}


def describe_os_error(error: OSError, *, writing: bool = True) -> str:
    """The cause of a file-system fault in Dutch (the system's own text for rare ones)."""
    if not writing and error.errno in _READING_CAUSES:
        return _READING_CAUSES[error.errno]
    if error.errno in _CAUSES:
        return _CAUSES[error.errno]
    return error.strerror or str(error)


ReadFault = OSError | EOFError | zlib.error
"""What reading a file, plain or gzip, can raise beyond decoding: gzip.BadGzipFile is an OSError."""


def describe_read_error(error: ReadFault, *, partly_read: str = "") -> str:
    """Why reading a file stopped, in Dutch (gzip's and zlib's messages are English); `partly_read` is said after a
    fault in the middle of the data, e.g. that what came before it was read."""
    after = f"; {partly_read}" if partly_read else ""
    if isinstance(error, gzip.BadGzipFile):
        if str(error).startswith("Not a gzipped file"):
            return "geen gzip-bestand: de naam eindigt op .gz, maar de inhoud is niet gecomprimeerd"
        return f"het gzip-bestand is beschadigd (controlesom of lengte klopt niet){after}"
    if isinstance(error, EOFError):
        return f"het gzip-bestand is afgebroken: het houdt op midden in de gegevens{after}"
    if isinstance(error, zlib.error):
        return f"het gzip-bestand is beschadigd en kan vanaf hier niet worden uitgepakt{after}"
    return describe_os_error(error, writing=False)
