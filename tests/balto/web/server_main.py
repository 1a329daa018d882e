"""Entry point the real-server tests run in a child process.

Without ``--trust-root`` it calls :func:`balto.web.app.serve` exactly as ``balto serve`` does
(``--channel-timeout``/``--request-deadline`` shorten the slow-client limits for tests).
With ``--trust-root``/``--chain`` it builds the same app and waitress server, but with a verifier
that trusts the given test root and serves the given chain for the test certificate URL, so a real
server can be driven with test-signed requests and no network.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from balto.web.app import create_app, make_server, serve
from balto.web.verification import (
    AlexaSignatureVerifier,
    AlexaTimestampVerifier,
    VerificationException,
)
from balto.web.waitress_server import ServerLimits
from tests.balto.web import pki
from tests.balto.web.skills import web_test_skill


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--no-verify", action="store_true")
    parser.add_argument("--skill-id")
    parser.add_argument("--trust-root", type=Path)
    parser.add_argument("--chain", type=Path)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--channel-timeout", type=int)
    parser.add_argument("--request-deadline", type=int)
    args = parser.parse_args(argv)
    overrides = {
        name: getattr(args, name)
        for name in ("channel_timeout", "request_deadline")
        if getattr(args, name) is not None
    }
    limits = ServerLimits(**overrides)
    skill = web_test_skill()
    if args.trust_root is None:
        serve(
            skill,
            "127.0.0.1",
            args.port,
            verify=not args.no_verify,
            skill_id=args.skill_id,
            threads=args.threads,
            limits=limits,
        )
        return
    chain = args.chain.read_bytes()

    def load(url: str) -> bytes:
        if url != pki.CERT_URL:
            raise VerificationException(f"test server only serves {pki.CERT_URL}")
        return chain

    verifier = AlexaSignatureVerifier(trust_roots=[args.trust_root.read_bytes()], load_chain=load)
    app = create_app(skill, verifiers=[verifier, AlexaTimestampVerifier()], skill_id=args.skill_id)
    server = make_server(app, "127.0.0.1", args.port, threads=args.threads, limits=limits)
    print(f"Serving test-signed on http://127.0.0.1:{server.effective_port}/", file=sys.stderr)
    sys.stderr.flush()
    try:
        server.run()
    finally:
        server.close()


if __name__ == "__main__":
    main()
