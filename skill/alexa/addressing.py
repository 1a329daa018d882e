"""Which skill a request is addressed to: the one skill-id check every front door makes.

The Lambda handler (:class:`skill.alexa.skill_factory.SkillHandler`) and the web host's verifier
(``balto.web.verification.SkillIdVerifier``, which answers 403 before any certificate is fetched)
both ask :func:`addressed_to`. ask-sdk's own check (``CustomSkill.skill_id``) is not used: it runs
after dispatch has begun and raises a generic error.
"""

from __future__ import annotations

from ask_sdk_model import RequestEnvelope


def application_id(envelope: RequestEnvelope) -> str | None:
    """The skill id the request names: context.System.application, else session.application."""
    system = getattr(getattr(envelope, "context", None), "system", None)
    application = getattr(system, "application", None)
    if application is None:
        application = getattr(getattr(envelope, "session", None), "application", None)
    value = getattr(application, "application_id", None)
    return value if isinstance(value, str) else None


def addressed_to(envelope: RequestEnvelope, skill_id: str) -> bool:
    """True when the request names ``skill_id``."""
    return application_id(envelope) == skill_id
