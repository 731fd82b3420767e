"""The Argon2id parameters stored in the non-secret profile header. Apart from vault/keys.py
so that reading a header (to list profiles in the unlock window) does not load hashlib/OpenSSL
and the passphrase rules: start-up time counts (DESIGN: ≤ 1.3 × a bare window)."""

from __future__ import annotations

from dataclasses import dataclass

SALT_LENGTH = 16


@dataclass(frozen=True)
class KdfParameters:
    """Argon2id parameters. Defaults take ~0.1-0.3 s on a laptop (recipes.md: ~130 ms here)."""

    salt: bytes
    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4
    algorithm: str = "argon2id"
    version: int = 19

    def __post_init__(self) -> None:
        if self.algorithm != "argon2id" or self.version != 19:
            raise ValueError("unsupported KDF")
        if len(self.salt) < SALT_LENGTH:
            raise ValueError("salt too short")
        # Refuse parameters an edited header could weaken to make guessing cheap.
        if self.time_cost < 1 or self.memory_kib < 8 * 1024 or self.parallelism < 1:
            raise ValueError("KDF parameters below the minimum")
        if self.memory_kib > 4 * 1024 * 1024 or self.time_cost > 64 or self.parallelism > 64:
            raise ValueError("KDF parameters above the maximum")
