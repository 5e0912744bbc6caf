"""Password hashing for server accounts: Argon2id through ``pwdlib`` (decision 0014).

Imported only when a password is set or checked, so single-user commands never load it.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pwdlib import PasswordHash


#: OWASP's first Argon2id configuration (19 MiB, 2 passes, 1 lane): about 0.1 s per check
#: on one core, so 4 web workers can check sign-ins without starving every other request
#: (decision 0014). Hashes keep their parameters, so raising these later still verifies
#: older ones.
MEMORY_KIB, PASSES, LANES = 19456, 2, 1


@cache
def _hasher() -> PasswordHash:
    from pwdlib import PasswordHash
    from pwdlib.hashers.argon2 import Argon2Hasher

    return PasswordHash(
        (Argon2Hasher(time_cost=PASSES, memory_cost=MEMORY_KIB, parallelism=LANES),)
    )


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password: str, stored: str | None) -> bool:
    """Whether ``password`` matches ``stored``. With no stored hash (an unknown email, an
    invitation not taken up) a hash is still checked, so the answer takes as long."""
    hasher = _hasher()
    if stored is None:
        hasher.verify(password, _decoy())
        return False
    try:
        return bool(hasher.verify(password, stored))
    except Exception:  # a damaged hash never signs anyone in
        return False


@cache
def _decoy() -> str:
    return _hasher().hash("a password nobody has")
