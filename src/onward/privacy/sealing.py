"""Sealing text with a passphrase: scrypt derives a 256-bit key from the passphrase and a random
salt, and AES-GCM encrypts each text with its own random nonce (the ``cryptography`` package,
docs/decisions/0013-private-writing-sealed-with-cryptography.md).

A sealed text is ``"v1:" + base64(nonce + ciphertext)``. Nothing else is kept: without the
passphrase the text cannot be read by anyone, Onward included. A forgotten passphrase means the
text is gone.
"""

from __future__ import annotations

import base64
import os

from onward.errors import InvalidInput

PREFIX = "v1:"
#: scrypt cost: 2**15 rounds, 8 blocks, 1 lane (~32 MiB, tens of milliseconds).
N, R, P = 2**15, 8, 1
SALT_BYTES = 16
NONCE_BYTES = 12
#: A known text sealed with the key, to tell a wrong passphrase from a right one.
CHECK = "onward-writing-lock"


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def derive_key(passphrase: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    if len(passphrase) < 8:
        raise InvalidInput("use a passphrase of at least 8 characters", field="passphrase")
    return Scrypt(salt=salt, length=32, n=N, r=R, p=P).derive(passphrase.encode("utf-8"))


def seal(text: str, key: bytes) -> str:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(key).encrypt(nonce, text.encode("utf-8"), None)
    return PREFIX + base64.b64encode(nonce + sealed).decode("ascii")


def unseal(token: str, key: bytes) -> str:
    """The text of ``token``; a wrong key is an :class:`InvalidInput` about the passphrase."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not token.startswith(PREFIX):
        raise InvalidInput("this text is not sealed by Onward", field="passphrase")
    raw = base64.b64decode(token[len(PREFIX) :])
    try:
        plain = AESGCM(key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], None)
    except InvalidTag:
        raise InvalidInput(
            "that passphrase does not open your writing", field="passphrase"
        ) from None
    return plain.decode("utf-8")
