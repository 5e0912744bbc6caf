"""A real Dovecot IMAP server for tests and benchmarks, run as a child process.

It listens on free loopback ports (IMAPS and IMAP with STARTTLS), with a temporary
configuration, a self-signed certificate made on the spot, Maildirs in a temporary folder
and a password file of its own (no system accounts are used or changed). ``doveadm`` with
the same configuration looks at the mailboxes from outside IMAP, as an independent witness.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

DOVECOT = Path("/usr/sbin/dovecot")
DOVEADM = Path("/usr/bin/doveadm")


def available() -> bool:
    return DOVECOT.exists() and DOVEADM.exists() and shutil.which("openssl") is not None


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for localhost and 127.0.0.1: (cert.pem, key.pem)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-keyout", str(key), "-out", str(cert),
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class DovecotServer:
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="onward-dovecot-")))
    imaps_port: int = field(default_factory=free_port)
    imap_port: int = field(default_factory=free_port)
    host: str = "127.0.0.1"
    process: subprocess.Popen[bytes] | None = None

    @property
    def cert(self) -> Path:
        return self.root / "cert.pem"

    @property
    def config(self) -> Path:
        return self.root / "dovecot.conf"

    def ssl_context(self) -> ssl.SSLContext:
        """A client context that trusts this server's certificate (and verifies it)."""
        return ssl.create_default_context(cafile=str(self.cert))

    # -- life cycle -----------------------------------------------------------------------------
    def start(self) -> DovecotServer:
        os.chmod(self.root, 0o755)
        make_certificate(self.root)
        if os.getuid() == 0:  # Dovecot will not run its processes as root
            mail_user, login_user = "dovecot", "dovenull"
        else:
            mail_user = login_user = pwd.getpwuid(os.getuid()).pw_name
        owner = pwd.getpwnam(mail_user)
        self.uid, self.gid = owner.pw_uid, owner.pw_gid
        (self.root / "home").mkdir()
        os.chown(self.root / "home", self.uid, self.gid)
        (self.root / "users").mkdir()
        self.config.write_text(_CONFIG.format(
            root=self.root, mail_user=mail_user, login_user=login_user, uid=self.uid,
            gid=self.gid, imap_port=self.imap_port, imaps_port=self.imaps_port,
        ))  # fmt: skip
        self.process = subprocess.Popen(
            [str(DOVECOT), "-F", "-c", str(self.config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"dovecot exited: {self.process.stderr.read()!r}")  # type: ignore[union-attr]
            try:
                socket.create_connection((self.host, self.imaps_port), 0.2).close()
                socket.create_connection((self.host, self.imap_port), 0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("dovecot did not start listening within 15 s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        if self.process is not None and self.process.stderr is not None:
            self.process.stderr.close()
        shutil.rmtree(self.root, ignore_errors=True)

    def log(self) -> str:
        path = self.root / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""

    # -- users and mail -------------------------------------------------------------------------
    def add_user(self, name: str | None = None, password: str | None = None) -> tuple[str, str]:
        """A fresh mailbox user; returns (username, password)."""
        name = name or f"user{uuid.uuid4().hex[:8]}"
        password = password or f"pw-{uuid.uuid4().hex}"
        # One password file per user: Dovecot reads it fresh on the user's first login.
        (self.root / "users" / name).write_text(f"{name}:{{PLAIN}}{password}::::::\n")
        return name, password

    def maildir(self, user: str, folder: str = "INBOX") -> Path:
        base = self.root / "home" / user / "Maildir"
        return base if folder == "INBOX" else base / f".{folder}"

    def write_messages(self, user: str, messages: list[bytes], folder: str = "INBOX") -> None:
        """Drop messages straight into the Maildir (fast; Dovecot indexes them on next open)."""
        box = self.maildir(user, folder)
        for sub in ("cur", "new", "tmp"):
            (box / sub).mkdir(parents=True, exist_ok=True)
        stamp = int(time.time())
        for i, raw in enumerate(messages):
            (box / "new" / f"{stamp}.M{i}P{os.getpid()}.onward").write_bytes(raw)
        for path in [self.root / "home" / user, *(self.root / "home" / user).rglob("*")]:
            os.chown(path, self.uid, self.gid)

    def doveadm(self, *args: str) -> str:
        result = subprocess.run(
            [str(DOVEADM), "-c", str(self.config), *args],
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout

    def flags(self, user: str, folder: str = "INBOX") -> dict[int, set[str]]:
        """Each message's UID and flags, read by doveadm (not through IMAP)."""
        out = self.doveadm("-f", "tab", "fetch", "-u", user, "uid flags", "mailbox", folder)
        found: dict[int, set[str]] = {}
        for line in out.splitlines()[1:]:
            uid, _, flags = line.partition("\t")
            found[int(uid)] = set(flags.split()) - {"\\Recent"}  # per session, not stored
        return found

    def uidvalidity(self, user: str, folder: str = "INBOX") -> int:
        out = self.doveadm("-f", "tab", "mailbox", "status", "-u", user, "uidvalidity", folder)
        return int(out.splitlines()[1].split("\t")[-1])

    def set_uidvalidity(self, user: str, value: int, folder: str = "INBOX") -> None:
        self.doveadm("mailbox", "update", "-u", user, "--uid-validity", str(value), folder)

    def create_folder(self, user: str, folder: str) -> None:
        self.doveadm("mailbox", "create", "-u", user, folder)

    def count(self, user: str, folder: str = "INBOX") -> int:
        out = self.doveadm("-f", "tab", "mailbox", "status", "-u", user, "messages", folder)
        return int(out.splitlines()[1].split("\t")[-1])


_CONFIG = """\
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{root}/cert.pem
ssl_key = <{root}/key.pem
disable_plaintext_auth = yes
auth_mechanisms = plain login
default_internal_user = {mail_user}
default_internal_group = {mail_user}
default_login_user = {login_user}
first_valid_uid = 1
mail_location = maildir:~/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/users/%u
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {imap_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Drafts {{
    special_use = \\Drafts
    auto = create
  }}
  mailbox Sent {{
    special_use = \\Sent
    auto = create
  }}
  mailbox "Alle Nachrichten" {{
    special_use = \\All
  }}
}}
"""
