"""Per-request outcome metrics, written as CloudWatch embedded-metric-format (EMF) log lines.

On Lambda, a JSON object printed to stdout that carries an ``_aws`` member becomes CloudWatch
metrics with no API call, agent or library: CloudWatch Logs extracts them from the function's log
group (in either log format; printed lines are not wrapped by Lambda's JSON logging). One line per
request that has an outcome worth counting, in namespace ``SerumRun``:

* ``Answered``: a fact was spoken (a question answered, or "tell me more" found another fact);
* ``NoRecord``: a question the fact store had no answer for; the line also carries the question
  (its intent and slot words, at most 200 characters) so ``balto unanswered`` can list them;
* ``Fallback``: ``AMAZON.FallbackIntent``, speech that matched nothing in the model;
* ``ChapterReached`` (dimension ``Chapter``): the listener's story position moved forward to a
  chapter (a first listen in the session, "next", a jump ahead); repeats and going back do not.

Lines never carry a user, device, session or request id. Everything here is standard library plus
what the skill already imports, so the Lambda cold start pays only for this module itself
(measured in docs/operations.md). The front door decides where lines go: the Lambda entry prints
them; the simulator and the web host do not register the interceptor at all.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from typing import Any

from ask_sdk_core.dispatch_components import AbstractResponseInterceptor
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Intent, IntentRequest, Response

from skill.alexa import state

NAMESPACE = "SerumRun"
ANSWERED = "Answered"
NO_RECORD = "NoRecord"
FALLBACK = "Fallback"
CHAPTER_REACHED = "ChapterReached"
MAX_QUESTION_CHARS = 200

#: Custom intents that are not questions about the serum run (story navigation, follow-ups,
#: small talk).
NOT_QUESTIONS = frozenset({
    "StoryIntent", "ChapterIntent", "WhichChapterIntent", "ResumeStoryIntent", "TellMeMoreIntent",
    "SourceIntent", "RepeatChapterIntent", "HelloIntent", "ThanksIntent", "WhatCanIAskIntent",
    "AreYouARobotIntent",
})
#: "AskWhoIntent" -> "who": the question word the carrier phrase kept out of the slot.
_ASK_INTENT = r"Ask(Who|What|When|Where|Why|How)Intent"

Emit = Callable[[str], None]


def print_line(line: str) -> None:
    """Write one EMF line to stdout, where Lambda picks it up."""
    print(line, flush=True)


class OutcomeMetricsInterceptor(AbstractResponseInterceptor):
    """Classify each response and emit its metric line (nothing for launch, help, stop...)."""

    def __init__(self, emit: Emit = print_line, clock: Callable[[], float] = time.time) -> None:
        self.emit = emit
        self.clock = clock

    def process(self, handler_input: HandlerInput, response: Response | None) -> None:
        record = outcome(handler_input)
        if record is not None:
            self.emit(emf_line(record, int(self.clock() * 1000)))


def outcome(handler_input: HandlerInput) -> dict[str, Any] | None:
    """The metric record for this request, or None when nothing is counted."""
    request = handler_input.request_envelope.request
    locale = getattr(request, "locale", None)
    intent = request.intent if isinstance(request, IntentRequest) else None
    name = intent.name if intent is not None else None
    chapter = _chapter_reached(handler_input)
    if chapter is not None:
        return {"metric": CHAPTER_REACHED, "Chapter": str(chapter), "locale": locale}
    if handler_input.attributes_manager.request_attributes.get(state.FACT_SPOKEN):
        return {"metric": ANSWERED, "locale": locale, "intent": name}
    if name == "AMAZON.FallbackIntent":
        return {"metric": FALLBACK, "locale": locale}
    if intent is not None and name and not name.startswith("AMAZON.") and (
        name not in NOT_QUESTIONS
    ):
        return {"metric": NO_RECORD, "locale": locale, "intent": name,
                "question": _question(intent)}
    return None


def emf_line(record: dict[str, Any], timestamp_ms: int) -> str:
    """One EMF document on one line: the metric (value 1) plus the record's other fields."""
    metric = record["metric"]
    dimensions = [["Chapter"]] if metric == CHAPTER_REACHED else [[]]
    document = {
        "_aws": {
            "Timestamp": timestamp_ms,
            "CloudWatchMetrics": [{
                "Namespace": NAMESPACE,
                "Dimensions": dimensions,
                "Metrics": [{"Name": metric, "Unit": "Count"}],
            }],
        },
        metric: 1,
        **{key: value for key, value in record.items() if key != "metric" and value is not None},
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def _chapter_reached(handler_input: HandlerInput) -> int | None:
    """The chapter the story position moved forward to in this request, if it did."""
    after = _chapter(state.session(handler_input).get(state.STORY))
    if after is None:
        return None
    session = handler_input.request_envelope.session
    before = _chapter((getattr(session, "attributes", None) or {}).get(state.STORY))
    if isinstance(handler_input.request_envelope.request, IntentRequest) and (
        before is None or after > before
    ):
        return after
    return None  # a launch only offers to resume; repeats and moves back are not progress


def _chapter(value: Any) -> int | None:
    chapter = value.get("chapter") if isinstance(value, dict) else None
    return chapter if isinstance(chapter, int) and not isinstance(chapter, bool) else None


def _question(intent: Intent) -> str:
    """The words of an unanswered question: the question word, then the slot values."""
    words = [str(slot.value) for slot in (intent.slots or {}).values()
             if getattr(slot, "value", None)]
    asked = re.fullmatch(_ASK_INTENT, intent.name or "")
    if asked:
        words.insert(0, asked.group(1).lower())
    return " ".join(" ".join(words).split())[:MAX_QUESTION_CHARS]
