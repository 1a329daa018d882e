"""Refuse a signed request that has already been received: replay protection in bounded memory.

Why: a signature and a timestamp prove a request came from Alexa recently, not that it is the
first time it arrives. Anyone who captures one (a log, a proxy) could send it again within the
timestamp tolerance and make the skill act twice. Every Alexa request carries a unique
``requestId``, so remembering the ids seen while their timestamps are still acceptable is enough:
once a request's timestamp is out of tolerance, the timestamp check refuses it anyway and its id
can be forgotten.

The guard runs after the signature check (``STAGE_AFTER_SIGNATURE``), so only authenticated
requests are remembered: an unsigned request cannot plant an id to block the real one.

Memory is bounded by ``max_entries``. Alexa's traffic to one host stays far below the default
(50,000 ids in 150 s is 333 requests a second); if the bound is ever reached the id that would
expire soonest is forgotten first and a warning is logged.
"""

from __future__ import annotations

import heapq
import logging
import threading
import time
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from ask_sdk_model import RequestEnvelope

# through verification, which installs the oscrypto fix before the SDK's verifier module loads
from balto.web.verification import (
    STAGE_AFTER_SIGNATURE,
    AbstractVerifier,
    AlexaTimestampVerifier,
    VerificationException,
)

__all__ = ["DEFAULT_MAX_ENTRIES", "ReplayGuard", "ReplayedRequest"]

log = logging.getLogger(__name__)

DEFAULT_MAX_ENTRIES = 50_000
#: Longest requestId accepted (Alexa's are ~70 characters).
MAX_REQUEST_ID_LENGTH = 256
#: Added to every expiry, for clock differences between Alexa and this host.
SLACK_SECONDS = 5.0


class ReplayedRequest(VerificationException):
    """This requestId was already received within the timestamp tolerance."""


class ReplayGuard(AbstractVerifier):
    """Refuses a requestId seen before while its timestamp is still within tolerance.

    Parameters
    ----------
    timestamps:
        The timestamp verifier in use; its tolerance per request type decides how long an id
        must be remembered.
    max_entries:
        The most ids remembered at once.
    clock:
        Seconds since the epoch (``time.time``); injectable for tests.
    """

    STAGE = STAGE_AFTER_SIGNATURE

    def __init__(
        self,
        timestamps: AlexaTimestampVerifier | None = None,
        *,
        max_entries: int = DEFAULT_MAX_ENTRIES,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if max_entries < 1:
            raise ValueError("max_entries must be at least 1")
        self._timestamps = timestamps or AlexaTimestampVerifier()
        self._max_entries = max_entries
        self._clock = clock
        self._expiry: dict[str, float] = {}
        self._queue: list[tuple[float, str]] = []
        self._lock = threading.Lock()
        self._evicted = 0

    def __len__(self) -> int:
        return len(self._expiry)

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str,
        deserialized_request_env: RequestEnvelope,
    ) -> None:
        request = getattr(deserialized_request_env, "request", None)
        request_id = getattr(request, "request_id", None)
        if not isinstance(request_id, str) or not request_id:
            raise VerificationException("Request has no requestId")
        if len(request_id) > MAX_REQUEST_ID_LENGTH:
            raise VerificationException("Request has an over-long requestId")
        now = self._clock()
        expires = self._expires(request, now)
        with self._lock:
            self._forget_expired(now)
            if request_id in self._expiry:
                raise ReplayedRequest("Request was already received")
            if len(self._expiry) >= self._max_entries:
                self._evict_one()
            self._expiry[request_id] = expires
            heapq.heappush(self._queue, (expires, request_id))

    def _expires(self, request: Any, now: float) -> float:
        """When a replay of this request would fail the timestamp check by itself."""
        tolerance = self._timestamps.tolerance_seconds(getattr(request, "object_type", None))
        stamp = getattr(request, "timestamp", None)
        try:
            base = stamp.timestamp() if isinstance(stamp, datetime) else now
        except (OverflowError, ValueError, OSError):
            base = now
        return max(base, now) + tolerance + SLACK_SECONDS

    def _forget_expired(self, now: float) -> None:
        while self._queue and self._queue[0][0] <= now:
            expires, request_id = heapq.heappop(self._queue)
            if self._expiry.get(request_id) == expires:
                del self._expiry[request_id]

    def _evict_one(self) -> None:
        while self._queue:
            expires, request_id = heapq.heappop(self._queue)
            if self._expiry.get(request_id) == expires:
                del self._expiry[request_id]
                break
        self._evicted += 1
        if self._evicted == 1 or self._evicted % 1000 == 0:
            log.warning(
                "replay guard is full (%d request ids within the timestamp window); forgetting "
                "the oldest (%d so far)",
                self._max_entries,
                self._evicted,
            )
