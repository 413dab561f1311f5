"""Character shingles of a masked stream, hashed to 64-bit integers with numpy.

A shingle is `k` consecutive masked codes. Hashes are a polynomial over the codes (wrapping uint64
arithmetic) finished with the MurmurHash3 fmix64 mixer, so every bit depends on every code and the
low bits can be used to sample fingerprints. Hashes depend only on the codes, so two documents (or
a document and an index built yesterday) always agree.
"""

from __future__ import annotations

import numpy as np

BASE = np.uint64(0x100000001B3)
MIX1 = np.uint64(0xFF51AFD7ED558CCD)
MIX2 = np.uint64(0xC4CEB9FE1A85EC53)


def fmix64(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finaliser: a bijection that spreads every input bit."""
    h = h ^ (h >> np.uint64(33))
    h = h * MIX1
    h = h ^ (h >> np.uint64(33))
    h = h * MIX2
    return h ^ (h >> np.uint64(33))


def shingle_hashes(codes: np.ndarray, k: int) -> np.ndarray:
    """Hash of every k-code window: element i hashes `codes[i:i+k]`; empty when fewer than k codes."""
    n = len(codes) - k + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    c = codes.astype(np.uint64)
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * BASE + c[j : j + n]
        return fmix64(h)


def fingerprints(hashes: np.ndarray, rate: int) -> np.ndarray:
    """Distinct hashes whose low bits are zero: about one in `rate` shingles, the same in every text.

    Content-defined sampling (the "0 mod p" scheme) keeps the shared fraction of two texts' shingles
    in their fingerprints, so a 10 % copy still shares about 10 % of the checked text's fingerprints.
    `rate` must be a power of two.
    """
    mask = np.uint64(rate - 1)
    return np.unique(hashes[(hashes & mask) == 0])


def winnowed(hashes: np.ndarray, window: int) -> np.ndarray:
    """Distinct winnowing fingerprints (Schleimer, Wilkerson and Aiken 2003): the smallest hash of every
    `window` consecutive shingles. Two texts sharing a run of `window + k - 1` codes share a
    fingerprint, whatever their hashes, which sampling by hash value cannot promise."""
    if len(hashes) <= window:
        return np.unique(hashes[:1] if len(hashes) == 0 else hashes.min(keepdims=True))
    windows = np.lib.stride_tricks.sliding_window_view(hashes, window)
    return np.unique(windows.min(axis=1))


def minhash_signature(hashes: np.ndarray, num_perm: int = 128, seed: int = 1) -> np.ndarray:
    """MinHash signature of a set of shingle hashes (used by the benchmark's LSH comparison).

    Each permutation is `fmix64(h ^ salt)`, a random-looking bijection of the 64-bit hash space.
    """
    rng = np.random.default_rng(seed)
    salts = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)
    if len(hashes) == 0:
        return np.full(num_perm, np.iinfo(np.uint64).max, dtype=np.uint64)
    values = np.unique(hashes)
    return np.array([fmix64(values ^ s).min() for s in salts], dtype=np.uint64)
