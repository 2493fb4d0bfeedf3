"""The one store for an upload kept between an import's preview and its confirm.

Every user has a folder of their own under IMPORT_UPLOAD_DIR, and every upload a token from
`secrets`. The confirm form sends back only the token, and the token is looked up in the
folder of the user who sends it: another user's token, a path or a file name is simply not
found there. An upload is deleted by its owner's confirm or, once older than
IMPORT_UPLOAD_TTL_SECONDS, by the purge that every save runs, so previews never confirmed do
not pile up.

django-import-export gives its temporary storage no request, so `UploadStorage` (the store
in that library's shape) finds its user through `uploads_of(user)`, which RecordAdmin's
import views put around their work.
"""

import os
import re
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.utils.translation import gettext_lazy
from import_export.tmp_storages import BaseStorage

# secrets.token_urlsafe(32): 43 characters of [A-Za-z0-9_-], then the file's own suffix.
# Neither part can hold a separator or "..", so a valid token is one name inside one folder.
TOKEN = re.compile(r"\A[A-Za-z0-9_-]{43}(\.[a-z0-9]{1,5})?\Z")
SUFFIX = re.compile(r"\A(\.[a-z0-9]{1,5})?\Z")


class UploadUnavailable(LookupError):
    """No upload of this user is kept under that token: never made, confirmed, expired, or
    another user's."""

    message = gettext_lazy("The previewed file is no longer available. Upload it again.")

    def __str__(self) -> str:
        return str(self.message)


class UploadStore:
    """Uploads on disk, one folder per user, each file readable by this process only."""

    @property
    def root(self) -> Path:
        return Path(settings.IMPORT_UPLOAD_DIR)

    def save(self, user: AbstractBaseUser, data: bytes, suffix: str = "") -> str:
        """Keeps `data` for `user` and returns the token that reads it back."""
        if not SUFFIX.match(suffix):
            raise ValueError(f"Not a file suffix: {suffix!r}")
        self.purge_expired()
        folder = self._folder(user)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        token = secrets.token_urlsafe(32) + suffix
        # O_EXCL: never write through a file or a link that is already there.
        descriptor = os.open(folder / token, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        return token

    def read(self, user: AbstractBaseUser, token: str) -> bytes:
        """The bytes `user` saved under `token`; UploadUnavailable otherwise."""
        path = self._path(user, token)
        try:
            if self._expired(path):
                path.unlink(missing_ok=True)
                raise UploadUnavailable
            return path.read_bytes()
        except FileNotFoundError:
            raise UploadUnavailable from None

    def remove(self, user: AbstractBaseUser, token: str) -> None:
        self._path(user, token).unlink(missing_ok=True)

    def purge_expired(self) -> int:
        """Deletes every user's uploads older than the TTL; returns how many."""
        purged = 0
        for path in self.root.glob("*/*"):
            try:
                if self._expired(path):
                    path.unlink()
                    purged += 1
            except FileNotFoundError:
                pass  # its owner confirmed it, or another purge took it, meanwhile
        return purged

    def _folder(self, user: AbstractBaseUser) -> Path:
        return self.root / str(user.pk)

    def _path(self, user: AbstractBaseUser, token: str) -> Path:
        if not isinstance(token, str) or not TOKEN.match(token):
            raise UploadUnavailable
        return self._folder(user) / token

    @staticmethod
    def _expired(path: Path) -> bool:
        return time.time() - path.stat().st_mtime > settings.IMPORT_UPLOAD_TTL_SECONDS


upload_store = UploadStore()

_uploader: ContextVar[AbstractBaseUser] = ContextVar("import_uploader")


@contextmanager
def uploads_of(user: AbstractBaseUser) -> Iterator[None]:
    """Makes `user` the owner of what UploadStorage saves, reads and removes meanwhile."""
    bound = _uploader.set(user)
    try:
        yield
    finally:
        _uploader.reset(bound)


class UploadStorage(BaseStorage):
    """django-import-export's temporary storage kept in the upload store; `name` is the token.
    It always reads bytes: RecordAdmin's formats (SafeXLSX, SafeCSV) are all binary."""

    def save(self, data: bytes) -> None:
        self.name = upload_store.save(_uploader.get(), data)

    def read(self) -> bytes:
        return upload_store.read(_uploader.get(), self.name)

    def remove(self) -> None:
        upload_store.remove(_uploader.get(), self.name)
