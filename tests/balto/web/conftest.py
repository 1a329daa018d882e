"""Fixtures for the web host: a skill, a test PKI, verifiers that trust it, apps and clients."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from ask_sdk_core.skill import CustomSkill

from balto.web.app import create_app
from balto.web.verification import (
    AlexaSignatureVerifier,
    AlexaTimestampVerifier,
    VerificationException,
)
from tests.balto.web import pki
from tests.balto.web.skills import web_test_skill


@pytest.fixture(scope="session")
def root() -> pki.Issued:
    return pki.make_root()


@pytest.fixture(scope="session")
def signer(root: pki.Issued) -> pki.Issued:
    """A valid echo-api.amazon.com signing certificate issued by the test root."""
    return pki.make_signing_cert(root)


@pytest.fixture(scope="session")
def skill() -> CustomSkill:
    return web_test_skill()


def chain_loader(chains: dict[str, bytes]) -> Callable[[str], bytes]:
    """A loader that serves chains from memory and records which URLs were fetched.

    Any other URL fails the way a missing S3 object does.
    """

    def load(url: str) -> bytes:
        load.calls.append(url)  # type: ignore[attr-defined]
        if url not in chains:
            raise VerificationException("Certificate chain could not be fetched", "HTTP 404")
        return chains[url]

    load.calls = []  # type: ignore[attr-defined]
    return load


@pytest.fixture
def make_verifier(root: pki.Issued) -> Callable[..., AlexaSignatureVerifier]:
    """``make_verifier(chain_bytes, url=pki.CERT_URL, **kwargs)`` trusting only the test root."""

    def build(chain: bytes, url: str = pki.CERT_URL, **kwargs: object) -> AlexaSignatureVerifier:
        return AlexaSignatureVerifier(
            trust_roots=[root.pem], load_chain=chain_loader({url: chain}), **kwargs
        )

    return build


@pytest.fixture
def verified_client(skill: CustomSkill, signer: pki.Issued, make_verifier):  # type: ignore[no-untyped-def]
    """A Flask test client whose app verifies signatures against the test root."""
    app = create_app(
        skill,
        verifiers=[make_verifier(pki.chain_pem(signer)), AlexaTimestampVerifier()],
    )
    return app.test_client()
