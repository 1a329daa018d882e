"""The server side of ``benchmarks/load_web.py``: the web host in its own process.

Run by load_web.py, not by hand. It serves either the real skill (``build_skill()``) or the
one-handler floor (``benchmarks/baseline_skill``) on 127.0.0.1 with an OS-chosen port, through the
same ``create_app`` + waitress server that ``balto serve`` uses, and prints the address line
``Serving ... http://127.0.0.1:PORT/`` on stderr once it listens.

Modes:

* ``no-verify`` — ``serve(..., verify=False)``, exactly ``balto serve --no-verify``.
* ``signed`` — full verification (certificate chain, SAN, window, Signature-256, 150 s timestamp)
  against a test root generated here; the chain is served from memory. The bodies the client will
  send are read from ``--bodies`` and their ``Signature-256`` headers written to ``--signatures``,
  so the client itself stays standard-library only.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ask_sdk_core.skill import CustomSkill  # noqa: E402

from balto.web.app import DEFAULT_THREADS, create_app, make_server, serve  # noqa: E402


def floor_skill() -> CustomSkill:
    """The baseline skill's builder, loaded by path (its folder is a Lambda root, not a package)."""
    path = REPO / "benchmarks" / "baseline_skill" / "lambda_function.py"
    spec = importlib.util.spec_from_file_location("baseline_lambda_function", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module._builder.create()


def real_skill() -> CustomSkill:
    from skill.alexa.skill_factory import build_skill

    return build_skill()


def serve_signed(skill: CustomSkill, bodies: Path, signatures: Path, threads: int) -> None:
    from balto.web.verification import AlexaSignatureVerifier, AlexaTimestampVerifier
    from tests.balto.web import pki

    root = pki.make_root("Serum Run Benchmark Root")
    signer = pki.make_signing_cert(root)
    chain = pki.chain_pem(signer)
    texts = json.loads(bodies.read_text(encoding="utf-8"))
    headers = [pki.signed_headers(text, signer) for text in texts]
    signatures.write_text(json.dumps(headers), encoding="utf-8")

    verifier = AlexaSignatureVerifier(trust_roots=[root.pem], load_chain=lambda url: chain)
    # The client cycles through a fixed pool of signed bodies, so the same requestId arrives many
    # times by design; the replay guard (which would refuse the repeats) is left out here.
    app = create_app(skill, verifiers=[verifier, AlexaTimestampVerifier()], reject_replays=False)
    server = make_server(app, "127.0.0.1", 0, threads=threads)
    print(
        f"Serving (signed, verification ON) on http://127.0.0.1:{server.effective_port}/",
        file=sys.stderr,
        flush=True,
    )
    try:
        server.run()
    finally:
        server.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skill", choices=("real", "floor"), default="real")
    parser.add_argument("--mode", choices=("no-verify", "signed"), default="no-verify")
    parser.add_argument("--threads", type=int, default=DEFAULT_THREADS)
    parser.add_argument("--bodies", type=Path)
    parser.add_argument("--signatures", type=Path)
    args = parser.parse_args()
    skill = real_skill() if args.skill == "real" else floor_skill()
    if args.mode == "signed":
        if args.bodies is None or args.signatures is None:
            parser.error("--mode signed needs --bodies and --signatures")
        serve_signed(skill, args.bodies, args.signatures, args.threads)
    else:
        serve(skill, "127.0.0.1", 0, verify=False, threads=args.threads)


if __name__ == "__main__":
    main()
