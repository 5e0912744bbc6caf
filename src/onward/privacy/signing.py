"""Signed buddy files: an Ed25519 key pair derived from the person's passphrase (scrypt, with a
salt kept in the database), so no private key is ever stored. The public key, in a buddy
card, lets the other person check that a weekly summary really comes from you, unchanged."""

from __future__ import annotations

import base64
import json
from typing import Any

from onward.errors import InvalidInput
from onward.privacy.sealing import derive_key


def public_key(passphrase: str, salt: bytes) -> str:
    """The public key (base64) of the pair the passphrase and salt give."""
    from cryptography.hazmat.primitives import serialization

    raw = (
        _private(passphrase, salt)
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )
    return base64.b64encode(raw).decode("ascii")


def sign(document: dict[str, Any], passphrase: str, salt: bytes) -> str:
    """A signature (base64) of ``document`` in canonical JSON."""
    signature = _private(passphrase, salt).sign(canonical(document))
    return base64.b64encode(signature).decode("ascii")


def verify(document: dict[str, Any], signature: str, key: str) -> None:
    """Raise :class:`InvalidInput` unless ``signature`` is ``key``'s, over ``document``."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(key))
        public.verify(base64.b64decode(signature), canonical(document))
    except (InvalidSignature, ValueError):
        raise InvalidInput(
            "the signature does not match: the file was changed, or is not from this buddy",
            field="file",
        ) from None


def canonical(document: dict[str, Any]) -> bytes:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _private(passphrase: str, salt: bytes) -> Any:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.from_private_bytes(derive_key(passphrase, salt))
