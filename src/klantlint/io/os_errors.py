"""The cause of a file-system fault in Dutch: the system's own text (`strerror`) is English.

Reading and writing share the causes; a few read differently when reading (a missing file rather than a missing
folder to write into, no access rather than no write permission).
"""

from __future__ import annotations

import errno

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
