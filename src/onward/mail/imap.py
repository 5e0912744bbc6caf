"""Read the person's mailbox over IMAP, strictly read-only, and append drafts to it.

Reading never changes server mail: folders are opened with EXAMINE (read-only) and bodies
fetched with ``BODY.PEEK[]``, so nothing is marked seen, moved or deleted. Reading is
incremental: a folder's UIDVALIDITY and the last UID read are kept; the next read asks only
for higher UIDs, and when UIDVALIDITY changes (the server renumbered the folder) the whole
folder is read again. Bodies are fetched in batches bounded by count and bytes, and yielded
one at a time, so memory stays small whatever the folder's size.

Connections always use TLS, from the first byte (``Security.TLS``) or upgraded with
STARTTLS before the login (``Security.STARTTLS``); the server's certificate is verified
against the system's CAs (``SSL_CERT_FILE`` names another bundle). Passwords are never put
in messages, logs or reprs, and whatever the server answers is shown with the credentials
hidden (``credentials.hide_credentials``: some servers echo the login line). A username or
password with non-ASCII characters logs in with AUTHENTICATE PLAIN (UTF-8), since the LOGIN
command carries ASCII only; a server without it gets a clear refusal.

IMAPClient is imported inside ``connect`` so that the CLI starts fast.
"""

from __future__ import annotations

import re
import socket
import ssl
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from onward.domain.mail_accounts import GMAIL_ALL_MAIL, FolderState, Security, Server
from onward.errors import InvalidInput, NotFound, SetupError
from onward.mail.credentials import hide_credentials, needs_utf8
from onward.mail.sources import MAX_MESSAGE_BYTES, arrived

#: A batch of bodies fetched at once: at most this many messages ...
BATCH_MESSAGES = 200
#: ... and about this many bytes (a larger message comes alone).
BATCH_BYTES = 8 * 1024 * 1024
DEFAULT_TIMEOUT = 30.0
_DRAFT_FLAG = b"\\Draft"


@dataclass(frozen=True)
class Login:
    """Where and as whom to log in. The password never shows in a repr or a message."""

    server: Server
    username: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class FolderStatus:
    folder: str
    uidvalidity: int
    uidnext: int | None
    exists: int


class FolderRead:
    """The new messages of one folder, as ``(key, raw bytes)``; ``state()`` after reading.

    The key is ``UIDVALIDITY/UID`` (stable while the folder is not renumbered). ``rescan``
    is true when the folder was renumbered since ``known`` and is read from the start.
    """

    def __init__(
        self,
        session: ImapSession,
        status: FolderStatus,
        known: FolderState | None,
        *,
        batch_messages: int = BATCH_MESSAGES,
        batch_bytes: int = BATCH_BYTES,
        max_bytes: int = MAX_MESSAGE_BYTES,
    ) -> None:
        self.session = session
        self.status = status
        self.rescan = known is not None and known.uidvalidity != status.uidvalidity
        same = known is not None and not self.rescan
        self.after_uid = known.last_uid if same and known else 0
        self.last_uid = self.after_uid
        self.fetched = 0
        self._uids: list[int] | None = None
        self._seen_before = known.messages_seen if same and known else 0
        self.batch_messages, self.batch_bytes, self.max_bytes = (
            batch_messages,
            batch_bytes,
            max_bytes,
        )

    @property
    def folder(self) -> str:
        return self.status.folder

    def uids(self) -> list[int]:
        """UIDs above the last one read (none asked for when UIDNEXT says nothing is new)."""
        if self._uids is None:
            start = self.after_uid + 1
            if self.status.exists == 0 or (
                self.status.uidnext is not None and start >= self.status.uidnext
            ):
                self._uids = []
            else:
                found = self.session.call(self.session.client.search, ["UID", f"{start}:*"])
                self._uids = sorted(uid for uid in found if uid >= start)  # n:* matches the last
        return self._uids

    def __iter__(self) -> Iterator[tuple[str, bytes]]:
        client = self.session.client
        uids = self.uids()
        for at in range(0, len(uids), 1000):
            chunk = uids[at : at + 1000]
            sizes = self.session.call(client.fetch, chunk, ["RFC822.SIZE"])
            for batch in _batches(chunk, sizes, self.batch_messages, self.batch_bytes):
                yield from self._bodies(batch, sizes)

    def _bodies(self, batch: list[int], sizes: dict[int, Any]) -> Iterator[tuple[str, bytes]]:
        client = self.session.client
        whole = [uid for uid in batch if _size(sizes, uid) <= self.max_bytes]
        parts = ["BODY.PEEK[]", "INTERNALDATE"]
        found = self.session.call(client.fetch, whole, parts) if whole else {}
        for uid in batch:
            if uid in found:
                data = found[uid]
            elif uid in sizes:  # larger than we read: only its first max_bytes
                part = [f"BODY.PEEK[]<0.{self.max_bytes}>", "INTERNALDATE"]
                data = self.session.call(client.fetch, [uid], part).get(uid, {})
            else:
                data = {}  # expunged meanwhile: nothing to read
            self.last_uid = max(self.last_uid, uid)
            raw = _body(data)
            if raw is None:
                continue
            self.fetched += 1
            yield f"{self.status.uidvalidity}/{uid}", arrived(bytes(raw), data.get(b"INTERNALDATE"))

    def state(self, now: datetime) -> FolderState:
        """Where the next read starts: every UID up to the highest one read is done."""
        return FolderState(
            self.folder,
            self.status.uidvalidity,
            self.last_uid,
            now,
            self._seen_before + self.fetched,
        )


class ImapSession:
    """A logged-in connection. Server mail is only ever read through ``read_folder``."""

    def __init__(self, client: Any, login: Login) -> None:
        self.client = client
        self.login = login

    def call(self, method: Any, *args: Any) -> Any:
        """Run one IMAP command, turning failures into Onward's errors."""
        from imapclient.exceptions import IMAPClientError

        try:
            return method(*args)
        except IMAPClientError as exc:
            raise SetupError(
                f"{self.login.server.host} answered: {_text(exc, self.login)}",
                hint="try again later",
            ) from None
        except (OSError, ssl.SSLError) as exc:
            raise SetupError(
                f"the connection to {self.login.server.host} failed: {_text(exc, self.login)}",
                hint="check your network and try again",
            ) from None

    def folders(self) -> list[str]:
        """The server's folder names, made safe to show."""
        return [printable(str(name)) for _flags, _sep, name in self.call(self.client.list_folders)]

    def examine(self, folder: str) -> FolderStatus:
        """Open ``folder`` read-only (EXAMINE) and say what is in it."""
        from imapclient.exceptions import IMAPClientError

        try:
            info = self.client.select_folder(folder, readonly=True)
        except IMAPClientError:
            raise NotFound(
                f"there is no folder {folder!r} on {self.login.server.host}",
                hint=f"folders there: {', '.join(self.folders()) or 'none'}",
            ) from None
        if b"READ-ONLY" not in info:  # never go on with a folder opened for writing
            self.client.unselect_folder()
            raise SetupError(f"{self.login.server.host} did not open {folder!r} read-only")
        uidnext = info.get(b"UIDNEXT")
        return FolderStatus(
            folder=folder,
            uidvalidity=int(info[b"UIDVALIDITY"]),
            uidnext=int(uidnext) if uidnext is not None else None,
            exists=int(info.get(b"EXISTS", 0)),
        )

    def read_folder(self, folder: str, known: FolderState | None, **limits: int) -> FolderRead:
        """The new messages of ``folder`` since ``known`` (everything when None or renumbered).

        Gmail names All Mail in the language of its web interface; when ``[Gmail]/All Mail``
        is not there, the folder the server marks ``\\All`` is read instead.
        """
        try:
            status = self.examine(folder)
        except NotFound:
            special = (
                self.call(self.client.find_special_folder, b"\\All")
                if folder == GMAIL_ALL_MAIL
                else None
            )
            if not special:
                raise
            status = replace(self.examine(str(special)), folder=folder)
        return FolderRead(self, status, known, **limits)

    def drafts_folder(self, configured: str) -> str:
        """The configured Drafts folder, else the one the server marks ``\\Drafts``."""
        if self.call(self.client.folder_exists, configured):
            return configured
        special = self.call(self.client.find_special_folder, b"\\Drafts")
        if special:
            return str(special)
        raise NotFound(
            f"there is no Drafts folder {configured!r} on {self.login.server.host}",
            hint=f"set the account's drafts folder to one of: {', '.join(self.folders())}",
        )

    def append_draft(self, folder: str, raw: bytes, when: datetime) -> None:
        """Add a message to ``folder`` flagged ``\\Draft`` (and not ``\\Seen``-dependent)."""
        self.call(self.client.append, folder, raw, (_DRAFT_FLAG,), when)


@contextmanager
def connect(
    login: Login,
    *,
    ssl_context: ssl.SSLContext | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Iterator[ImapSession]:
    """A logged-in IMAP session over TLS; logs out when the block ends."""
    from imapclient import IMAPClient
    from imapclient.exceptions import IMAPClientError, LoginError

    server = login.server
    context = ssl_context or ssl.create_default_context()
    try:
        if server.security == Security.TLS:
            client = IMAPClient(
                server.host, port=server.port, ssl=True, ssl_context=context, timeout=timeout
            )
        else:
            client = IMAPClient(server.host, port=server.port, ssl=False, timeout=timeout)
            if b"STARTTLS" not in client.capabilities():
                client.shutdown()
                raise SetupError(
                    f"{server.host}:{server.port} does not offer STARTTLS, and Onward never "
                    "sends a password unencrypted",
                    hint="use --imap-security tls (usually port 993)",
                )
            client.starttls(context)
    except (OSError, ssl.SSLError, IMAPClientError) as exc:
        raise _connection_problem(server, exc) from None
    client.normalise_times = False  # arrival dates (INTERNALDATE) keep their time zone
    try:
        try:
            _log_in(client, login)
        except LoginError as exc:
            raise InvalidInput(
                f"{server.host} refused the login for {login.username}: {_text(exc, login)}",
                field="password",
                hint="check the username and password; Gmail and others need an app password",
            ) from None
        except (OSError, IMAPClientError) as exc:
            raise SetupError(f"logging in to {server.host} failed: {_text(exc, login)}") from None
        yield ImapSession(client, login)
    finally:
        _close(client)


def _connection_problem(server: Server, exc: BaseException) -> SetupError:
    """Why a connection could not be made, in words a person can act on, with the input it is
    about: the server's name, its port, or the security mode."""
    if isinstance(exc, ssl.SSLCertVerificationError):
        return SetupError(
            f"the certificate of {server.host} could not be verified: {exc.verify_message}",
            field="imap_host",
            hint="check the host name; for a private CA point SSL_CERT_FILE at its certificate",
        )
    if isinstance(exc, socket.gaierror):
        return SetupError(
            f"could not connect to {server}: no mail server called {server.host} was found",
            field="imap_host",
            hint="check the server's name for typing mistakes, and that you are online",
        )
    if isinstance(exc, ssl.SSLError):
        return SetupError(
            f"could not connect to {server}: the secure (TLS) connection failed ({_text(exc)})",
            field="imap_security",
            hint="the port and security must match: tls is usually port 993, starttls 143",
        )
    if isinstance(exc, ConnectionRefusedError | TimeoutError | socket.timeout):
        return SetupError(
            f"could not connect to {server}: nothing answered on port {server.port} ({_text(exc)})",
            field="imap_port",
            hint="check the server's name and port (993 for tls, 143 for starttls), and "
            "your network",
        )
    return SetupError(
        f"could not connect to {server}: {_text(exc)}",
        field="imap_host",
        hint="check the host, port and security (tls is usually port 993, starttls 143)",
    )


def _log_in(client: Any, login: Login) -> None:
    """LOGIN for ASCII credentials; AUTHENTICATE PLAIN (UTF-8) for any others."""
    if not needs_utf8(login.username, login.password):
        client.login(login.username, login.password)
        return
    if not client.has_capability("AUTH=PLAIN"):
        raise InvalidInput(
            f"{login.server.host} cannot take a username or password with non-ASCII "
            "characters (it does not offer AUTHENTICATE PLAIN)",
            hint="use an app password, or a password of ASCII letters, digits and signs",
        )
    client.plain_login(login.username, login.password)


def _close(client: Any) -> None:
    try:
        client.logout()
    except Exception:
        with suppress(Exception):  # already gone
            client.shutdown()


def _size(sizes: dict[int, Any], uid: int) -> int:
    return int(sizes.get(uid, {}).get(b"RFC822.SIZE", 0))


def _body(data: dict[bytes, Any]) -> bytes | None:
    for key, value in data.items():
        if key.startswith(b"BODY[") and isinstance(value, bytes):
            return value
    return None


def _batches(
    uids: Sequence[int], sizes: dict[int, Any], most: int, budget: int
) -> Iterator[list[int]]:
    batch: list[int] = []
    total = 0
    for uid in uids:
        size = _size(sizes, uid)
        if batch and (len(batch) >= most or total + size > budget):
            yield batch
            batch, total = [], 0
        batch.append(uid)
        total += size
    if batch:
        yield batch


def _text(exc: BaseException, login: Login | None = None) -> str:
    """An exception as one short line (bytes from the server decoded), with the credentials
    of ``login`` hidden before it is shortened (so no part of a password survives a cut)."""
    if isinstance(exc, OSError) and exc.strerror:  # "Connection refused", not "111 ..."
        return exc.strerror
    parts = [a.decode(errors="replace") if isinstance(a, bytes) else str(a) for a in exc.args]
    line = " ".join(p for p in parts if p) or type(exc).__name__
    if isinstance(exc, socket.timeout):
        line = "timed out"
    if login is not None:
        line = hide_credentials(line, login.username, login.password)
    line = re.sub(r"""\bb(['"])(.*?)\1""", r"\2", line)  # a server's bytes, as text
    return printable(" ".join(line.split())[:300])


def printable(text: str) -> str:
    """Text from a server, safe to show: control characters (terminal escapes) become '?'."""
    return "".join(c if c.isprintable() else "?" for c in text)
