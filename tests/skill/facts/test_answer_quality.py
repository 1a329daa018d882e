"""Every question set the project has used is a regression guard: none may fall below the
figure it reaches today (less a small margin for deliberate trade-offs, never silently).

The sets live in tests/data: heldout_questions*.json (earlier blind sets, keyword answers) and
blind_speaker_*.json (blind sets in the way people talk to a speaker: questions, unanswerable
ones, off-topic requests and conversations). Each is run through the whole skill, one session
per question and per conversation, exactly as ``balto eval-answers`` runs it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from balto.simulator.answer_eval import evaluate_file
from balto.simulator.runtime import conversation
from balto.simulator.session import Conversation

DATA = Path(__file__).parents[2] / "data"

#: (set, section) -> the least share of right answers accepted.
FLOORS: dict[tuple[str, str], float] = {
    ("heldout_questions.json", "questions"): 0.92,
    ("heldout_questions.json", "off_topic"): 0.90,
    ("heldout_questions_2.json", "questions"): 0.88,
    ("heldout_questions_2.json", "off_topic"): 0.88,
    ("heldout_questions_3.json", "questions"): 0.87,
    ("heldout_questions_3.json", "off_topic"): 0.88,
    ("heldout_questions_4.json", "questions"): 0.92,
    ("heldout_questions_4.json", "off_topic"): 0.87,
    ("blind_speaker_a.json", "questions"): 0.85,
    ("blind_speaker_a.json", "unanswerable"): 0.91,
    ("blind_speaker_a.json", "off_topic"): 0.93,
    ("blind_speaker_a.json", "followups"): 0.86,
    ("blind_speaker_b.json", "questions"): 0.89,
    ("blind_speaker_b.json", "unanswerable"): 0.80,
    ("blind_speaker_b.json", "off_topic"): 0.93,
    ("blind_speaker_b.json", "followups"): 0.84,
    # The final set, measured once untouched (83.5%, 71.1%, 20 of 20, 67.8%), then kept here.
    ("blind_speaker_final.json", "questions"): 0.86,
    ("blind_speaker_final.json", "unanswerable"): 0.82,
    ("blind_speaker_final.json", "off_topic"): 0.95,
    ("blind_speaker_final.json", "followups"): 0.91,
    # Fresh set 2, measured once untouched (79.5%, 62.0%, 20 of 20, 76.7%), then kept here.
    ("blind_speaker_fresh2.json", "questions"): 0.84,
    ("blind_speaker_fresh2.json", "unanswerable"): 0.80,
    ("blind_speaker_fresh2.json", "off_topic"): 0.95,
    ("blind_speaker_fresh2.json", "followups"): 0.81,
    # Fresh set 3, measured once untouched (81.5%, 58.0%, 20 of 20, 77.9%).
    ("blind_speaker_fresh3.json", "questions"): 0.84,
    ("blind_speaker_fresh3.json", "unanswerable"): 0.84,
    ("blind_speaker_fresh3.json", "off_topic"): 0.95,
    ("blind_speaker_fresh3.json", "followups"): 0.79,
    # Fresh set 4, measured once untouched (79.5%, 56.0%, 20 of 20, 80.0% on the code its
    # round began with; 81.0%, 72.0%, 20 of 20, 82.0% on that round's first mechanisms).
    ("blind_speaker_fresh4.json", "questions"): 0.88,
    ("blind_speaker_fresh4.json", "unanswerable"): 0.78,
    ("blind_speaker_fresh4.json", "off_topic"): 0.95,
    ("blind_speaker_fresh4.json", "followups"): 0.92,
    # Fresh set 5, sealed until the end of its round and measured once (83.5%, 82.0%, 19 of
    # 20, 82.0%).
    ("blind_speaker_fresh5.json", "questions"): 0.88,
    ("blind_speaker_fresh5.json", "unanswerable"): 0.82,
    ("blind_speaker_fresh5.json", "off_topic"): 0.95,
    ("blind_speaker_fresh5.json", "followups"): 0.84,
    # Fresh set 6, measured once untouched at the start of the fourth round (85.0%, 70.0%,
    # 20 of 20, 86.0%), then studied.
    ("blind_speaker_fresh6.json", "questions"): 0.91,
    ("blind_speaker_fresh6.json", "unanswerable"): 0.84,
    ("blind_speaker_fresh6.json", "off_topic"): 0.95,
    ("blind_speaker_fresh6.json", "followups"): 0.94,
    # Fresh set 7, sealed until the end of the fourth round and measured once (79.0%, 86.0%,
    # 20 of 20, 75.5%).
    ("blind_speaker_fresh7.json", "questions"): 0.84,
    ("blind_speaker_fresh7.json", "unanswerable"): 0.90,
    ("blind_speaker_fresh7.json", "off_topic"): 0.95,
    ("blind_speaker_fresh7.json", "followups"): 0.88,
    # Fresh set 8, measured once untouched at the start of the fifth round (86.5%, 80.0%,
    # 20 of 20, 86.0%), then studied.
    ("blind_speaker_fresh8.json", "questions"): 0.91,
    ("blind_speaker_fresh8.json", "unanswerable"): 0.90,
    ("blind_speaker_fresh8.json", "off_topic"): 0.95,
    ("blind_speaker_fresh8.json", "followups"): 0.90,
    # Fresh set 9, sealed until the end of the fifth round and measured once (84.0%, 78.0%,
    # 19 of 20, 80.8%).
    ("blind_speaker_fresh9.json", "questions"): 0.90,
    ("blind_speaker_fresh9.json", "unanswerable"): 0.84,
    ("blind_speaker_fresh9.json", "off_topic"): 0.95,
    ("blind_speaker_fresh9.json", "followups"): 0.86,
    # Fresh set 10, measured once untouched at the start of the sixth round (90.5%, 86.0%,
    # 20 of 20, 86.5%), then studied.
    ("blind_speaker_fresh10.json", "questions"): 0.93,
    ("blind_speaker_fresh10.json", "unanswerable"): 0.92,
    ("blind_speaker_fresh10.json", "off_topic"): 0.95,
    ("blind_speaker_fresh10.json", "followups"): 0.92,
    # Fresh set 11, sealed until the end of the sixth round and measured once (85.0%, 94.0%,
    # 20 of 20, 86.0%).
    ("blind_speaker_fresh11.json", "questions"): 0.83,
    ("blind_speaker_fresh11.json", "unanswerable"): 0.92,
    ("blind_speaker_fresh11.json", "off_topic"): 0.95,
    ("blind_speaker_fresh11.json", "followups"): 0.84,
    # Fresh set 12, sealed until the end of the sixth round and measured once on its final
    # code (87.5%, 80.0%, 20 of 20, 90.2%).
    ("blind_speaker_fresh12.json", "questions"): 0.85,
    ("blind_speaker_fresh12.json", "unanswerable"): 0.78,
    ("blind_speaker_fresh12.json", "off_topic"): 0.95,
    ("blind_speaker_fresh12.json", "followups"): 0.88,
    # Fresh set 13, measured once untouched at the start of the seventh round (88.0%, 82.0%,
    # 19 of 20, 84.0%), then studied.
    ("blind_speaker_fresh13.json", "questions"): 0.91,
    ("blind_speaker_fresh13.json", "unanswerable"): 0.88,
    ("blind_speaker_fresh13.json", "off_topic"): 0.95,
    ("blind_speaker_fresh13.json", "followups"): 0.84,
    # Fresh set 14, sealed until the end of the seventh round and measured once on its final
    # code (86.0%, 80.0%, 20 of 20, 78.8%).
    ("blind_speaker_fresh14.json", "questions"): 0.85,
    ("blind_speaker_fresh14.json", "unanswerable"): 0.78,
    ("blind_speaker_fresh14.json", "off_topic"): 0.95,
    ("blind_speaker_fresh14.json", "followups"): 0.77,
    # Fresh set 15, measured once untouched at the start of the eighth round, with yes and no
    # as the opening verdict (89.5%, 94.0%, 20 of 20, 92.0%), then studied.
    ("blind_speaker_fresh15.json", "questions"): 0.93,
    ("blind_speaker_fresh15.json", "unanswerable"): 0.92,
    ("blind_speaker_fresh15.json", "off_topic"): 0.95,
    ("blind_speaker_fresh15.json", "followups"): 0.96,
    # Fresh set 16, sealed until the end of the eighth round and measured once on its final
    # code (86.0%, 90.0%, 19 of 20, 88.9%).
    ("blind_speaker_fresh16.json", "questions"): 0.85,
    ("blind_speaker_fresh16.json", "unanswerable"): 0.88,
    ("blind_speaker_fresh16.json", "off_topic"): 0.9,
    ("blind_speaker_fresh16.json", "followups"): 0.87,
    # Fresh set 17, written late in the eighth round, sealed and measured once on its final
    # code (86.5%, 86.0%, 20 of 20, 88.0%).
    ("blind_speaker_fresh17.json", "questions"): 0.85,
    ("blind_speaker_fresh17.json", "unanswerable"): 0.84,
    ("blind_speaker_fresh17.json", "off_topic"): 0.95,
    ("blind_speaker_fresh17.json", "followups"): 0.86,
    # Fresh set 18, written at the start of the ninth round and measured once, untouched, on
    # the code as the round began (89.0%, 88%, 20 of 20, 80.8%); then studied.
    ("blind_speaker_fresh18.json", "questions"): 0.88,
    ("blind_speaker_fresh18.json", "unanswerable"): 0.86,
    ("blind_speaker_fresh18.json", "off_topic"): 0.95,
    ("blind_speaker_fresh18.json", "followups"): 0.80,
    # Fresh set 19, written at the start of the ninth round, sealed, and measured once on its
    # final answering code (88.5%, 94%, 19 of 20, 86.8%).
    ("blind_speaker_fresh19.json", "questions"): 0.87,
    ("blind_speaker_fresh19.json", "unanswerable"): 0.92,
    ("blind_speaker_fresh19.json", "off_topic"): 0.95,
    ("blind_speaker_fresh19.json", "followups"): 0.85,
    # Fresh set 20, written at the start of the tenth round and measured once, untouched, on
    # the code as the round began (91.5%, 75.0%, 20 of 20, 90.4%); then studied.
    ("blind_speaker_fresh20.json", "questions"): 0.93,
    ("blind_speaker_fresh20.json", "unanswerable"): 0.84,
    ("blind_speaker_fresh20.json", "off_topic"): 0.95,
    ("blind_speaker_fresh20.json", "followups"): 0.94,
    # Fresh set 21, written at the start of the tenth round, sealed, and measured once on its
    # final answering code (84.5%, 83.6%, 19 of 20, 98.0%).
    ("blind_speaker_fresh21.json", "questions"): 0.87,
    ("blind_speaker_fresh21.json", "unanswerable"): 0.83,
    ("blind_speaker_fresh21.json", "off_topic"): 0.95,
    ("blind_speaker_fresh21.json", "followups"): 0.96,
    # Fresh set 22, written at the start of the eleventh round and measured once, untouched,
    # on the code as the round began (92.0%, 78.8%, 20 of 20, 96.2%); then studied.
    ("blind_speaker_fresh22.json", "questions"): 0.95,
    ("blind_speaker_fresh22.json", "unanswerable"): 0.84,
    ("blind_speaker_fresh22.json", "off_topic"): 0.95,
    ("blind_speaker_fresh22.json", "followups"): 0.94,
    # Fresh set 23, written at the start of the eleventh round, sealed, and measured once on
    # its final answering code (92.5%, 92.3%, 19 of 20, 84.6%).
    ("blind_speaker_fresh23.json", "questions"): 0.92,
    ("blind_speaker_fresh23.json", "unanswerable"): 0.90,
    ("blind_speaker_fresh23.json", "off_topic"): 0.95,
    ("blind_speaker_fresh23.json", "followups"): 0.82,
    # Fresh set 24, written at the start of the twelfth round and measured once, untouched,
    # on the code as the round began (88.5%, 86.8%, 20 of 20, 88.2%); then studied.
    ("blind_speaker_fresh24.json", "questions"): 0.91,
    ("blind_speaker_fresh24.json", "unanswerable"): 0.88,
    ("blind_speaker_fresh24.json", "off_topic"): 0.95,
    ("blind_speaker_fresh24.json", "followups"): 0.92,
    # Fresh set 25, written at the start of the twelfth round, sealed, and measured once on
    # its final answering code (90.5%, 88.9%, 20 of 20, 88.0%).
    ("blind_speaker_fresh25.json", "questions"): 0.90,
    ("blind_speaker_fresh25.json", "unanswerable"): 0.88,
    ("blind_speaker_fresh25.json", "off_topic"): 0.95,
    ("blind_speaker_fresh25.json", "followups"): 0.88,
    # Fresh set 26, written at the start of the thirteenth round and measured once, untouched,
    # on the code as the round began (89.5%, 92.6%, 20 of 20, 94.3%); then studied.
    ("blind_speaker_fresh26.json", "questions"): 0.93,
    ("blind_speaker_fresh26.json", "unanswerable"): 0.94,
    ("blind_speaker_fresh26.json", "off_topic"): 0.95,
    ("blind_speaker_fresh26.json", "followups"): 0.92,
    # Fresh set 27, written at the start of the thirteenth round, sealed, and measured once on
    # its final answering code (92.5%, 88.9%, 20 of 20, 86.5%).
    ("blind_speaker_fresh27.json", "questions"): 0.92,
    ("blind_speaker_fresh27.json", "unanswerable"): 0.88,
    ("blind_speaker_fresh27.json", "off_topic"): 0.95,
    ("blind_speaker_fresh27.json", "followups"): 0.86,
    # Fresh set 28, written at the start of the fourteenth round and measured once, untouched,
    # on the code as the round began (96.5%, 83.3%, 20 of 20, 90.4%); studied since (99.5%,
    # 92.6%, 20 of 20, 94.2%).
    ("blind_speaker_fresh28.json", "questions"): 0.98,
    ("blind_speaker_fresh28.json", "unanswerable"): 0.90,
    ("blind_speaker_fresh28.json", "off_topic"): 0.95,
    ("blind_speaker_fresh28.json", "followups"): 0.92,
    # Fresh set 29, written at the start of the fourteenth round, sealed, and measured once on
    # its final answering code (93.5%, 92.6%, 20 of 20, 90.4%).
    ("blind_speaker_fresh29.json", "questions"): 0.93,
    ("blind_speaker_fresh29.json", "unanswerable"): 0.92,
    ("blind_speaker_fresh29.json", "off_topic"): 0.95,
    ("blind_speaker_fresh29.json", "followups"): 0.90,
    # Fresh set 30, written in the middle of the fourteenth round, sealed, and measured once on
    # its final answering code (94.5%, 87.0%, 20 of 20, 86.5%).
    ("blind_speaker_fresh30.json", "questions"): 0.94,
    ("blind_speaker_fresh30.json", "unanswerable"): 0.87,
    ("blind_speaker_fresh30.json", "off_topic"): 0.95,
    ("blind_speaker_fresh30.json", "followups"): 0.86,
    ("blind_speaker_fresh31.json", "questions"): 0.91,
    ("blind_speaker_fresh31.json", "unanswerable"): 0.88,
    ("blind_speaker_fresh31.json", "off_topic"): 0.95,
    ("blind_speaker_fresh31.json", "followups"): 0.92,
    ("blind_speaker_fresh32.json", "questions"): 0.91,
    ("blind_speaker_fresh32.json", "unanswerable"): 0.83,
    ("blind_speaker_fresh32.json", "off_topic"): 0.95,
    ("blind_speaker_fresh32.json", "followups"): 0.90,
    ("blind_speaker_fresh33.json", "questions"): 0.92,
    ("blind_speaker_fresh33.json", "unanswerable"): 0.81,
    ("blind_speaker_fresh33.json", "off_topic"): 0.95,
    ("blind_speaker_fresh33.json", "followups"): 0.86,
    ("blind_speaker_fresh34.json", "questions"): 0.95,
    ("blind_speaker_fresh34.json", "unanswerable"): 0.90,
    ("blind_speaker_fresh34.json", "off_topic"): 0.95,
    ("blind_speaker_fresh34.json", "followups"): 0.98,
    ("blind_speaker_fresh35.json", "questions"): 0.93,
    ("blind_speaker_fresh35.json", "unanswerable"): 0.92,
    ("blind_speaker_fresh35.json", "off_topic"): 0.95,
    ("blind_speaker_fresh35.json", "followups"): 0.84,
    ("blind_speaker_fresh36.json", "questions"): 0.94,
    ("blind_speaker_fresh36.json", "unanswerable"): 0.92,
    ("blind_speaker_fresh36.json", "off_topic"): 0.95,
    ("blind_speaker_fresh36.json", "followups"): 0.88,
    ("blind_speaker_fresh37.json", "questions"): 0.95,
    ("blind_speaker_fresh37.json", "unanswerable"): 0.98,
    ("blind_speaker_fresh37.json", "off_topic"): 0.95,
    ("blind_speaker_fresh37.json", "followups"): 0.97,
    ("blind_speaker_fresh38.json", "questions"): 0.93,
    ("blind_speaker_fresh38.json", "unanswerable"): 0.87,
    ("blind_speaker_fresh38.json", "off_topic"): 0.95,
    ("blind_speaker_fresh38.json", "followups"): 0.90,
    ("blind_speaker_fresh39.json", "questions"): 0.95,
    ("blind_speaker_fresh39.json", "unanswerable"): 0.98,
    ("blind_speaker_fresh39.json", "off_topic"): 0.95,
    ("blind_speaker_fresh39.json", "followups"): 0.94,
    ("blind_speaker_fresh40.json", "questions"): 0.96,
    ("blind_speaker_fresh40.json", "unanswerable"): 0.96,
    ("blind_speaker_fresh40.json", "off_topic"): 0.95,
    ("blind_speaker_fresh40.json", "followups"): 0.92,
    ("blind_speaker_fresh41.json", "questions"): 0.92,
    ("blind_speaker_fresh41.json", "unanswerable"): 0.88,
    ("blind_speaker_fresh41.json", "off_topic"): 0.95,
    ("blind_speaker_fresh41.json", "followups"): 0.90,
    ("blind_speaker_fresh42.json", "questions"): 0.94,
    ("blind_speaker_fresh42.json", "unanswerable"): 0.90,
    ("blind_speaker_fresh42.json", "off_topic"): 0.95,
    ("blind_speaker_fresh42.json", "followups"): 0.88,
    ("blind_speaker_fresh43.json", "questions"): 0.96,
    ("blind_speaker_fresh43.json", "unanswerable"): 0.92,
    ("blind_speaker_fresh43.json", "off_topic"): 0.95,
    ("blind_speaker_fresh43.json", "followups"): 0.94,
    ("blind_speaker_fresh44.json", "questions"): 0.97,
    ("blind_speaker_fresh44.json", "unanswerable"): 0.90,
    ("blind_speaker_fresh44.json", "off_topic"): 0.95,
    ("blind_speaker_fresh44.json", "followups"): 0.82,
    ("blind_speaker_fresh45.json", "questions"): 0.96,
    ("blind_speaker_fresh45.json", "unanswerable"): 0.92,
    ("blind_speaker_fresh45.json", "off_topic"): 0.95,
    ("blind_speaker_fresh45.json", "followups"): 0.90,
    ("blind_speaker_fresh46.json", "questions"): 0.97,
    ("blind_speaker_fresh46.json", "unanswerable"): 0.98,
    ("blind_speaker_fresh46.json", "off_topic"): 0.95,
    ("blind_speaker_fresh46.json", "followups"): 0.98,
    ("blind_speaker_fresh47.json", "questions"): 0.96,
    ("blind_speaker_fresh47.json", "unanswerable"): 0.88,
    ("blind_speaker_fresh47.json", "off_topic"): 0.95,
    ("blind_speaker_fresh47.json", "followups"): 0.83,
    ("blind_speaker_fresh48.json", "questions"): 0.94,
    ("blind_speaker_fresh48.json", "unanswerable"): 0.90,
    ("blind_speaker_fresh48.json", "off_topic"): 0.90,
    ("blind_speaker_fresh48.json", "followups"): 0.92,
    ("blind_speaker_fresh49.json", "questions"): 0.92,
    ("blind_speaker_fresh49.json", "unanswerable"): 0.88,
    ("blind_speaker_fresh49.json", "off_topic"): 0.95,
    ("blind_speaker_fresh49.json", "followups"): 0.94,
    # Sets 50 and 51 (sealed in the twenty-first round), at what they reach since: the gains
    # read from their misses afterwards are kept.
    ("blind_speaker_fresh50.json", "questions"): 0.98,
    ("blind_speaker_fresh50.json", "unanswerable"): 0.92,
    ("blind_speaker_fresh50.json", "off_topic"): 0.95,
    ("blind_speaker_fresh50.json", "followups"): 0.88,
    ("blind_speaker_fresh51.json", "questions"): 0.96,
    ("blind_speaker_fresh51.json", "unanswerable"): 0.94,
    ("blind_speaker_fresh51.json", "off_topic"): 0.95,
    ("blind_speaker_fresh51.json", "followups"): 0.94,
    # Fresh set 52, measured once untouched at the start of the twenty-second round (92.5%,
    # 88.9%, 20 of 20, 94.2%), then studied.
    ("blind_speaker_fresh52.json", "questions"): 0.93,
    ("blind_speaker_fresh52.json", "unanswerable"): 0.90,
    ("blind_speaker_fresh52.json", "off_topic"): 0.95,
    ("blind_speaker_fresh52.json", "followups"): 0.94,
    # Fresh sets 53 and 54, sealed until the end of the twenty-second round and measured once
    # (94.0%, 90.7%, 20 of 20, 86.5%; 93.0%, 94.4%, 20 of 20, 84.6%).
    ("blind_speaker_fresh53.json", "questions"): 0.94,
    ("blind_speaker_fresh53.json", "unanswerable"): 0.90,
    ("blind_speaker_fresh53.json", "off_topic"): 0.95,
    ("blind_speaker_fresh53.json", "followups"): 0.86,
    ("blind_speaker_fresh54.json", "questions"): 0.93,
    ("blind_speaker_fresh54.json", "unanswerable"): 0.94,
    ("blind_speaker_fresh54.json", "off_topic"): 0.95,
    ("blind_speaker_fresh54.json", "followups"): 0.84,
    # Fresh set 55, studied in the twenty-third round (first contact 92.5%, 94.4%, 20 of 20,
    # 52 of 52), floors at what it reaches after.
    ("blind_speaker_fresh55.json", "questions"): 0.94,
    ("blind_speaker_fresh55.json", "unanswerable"): 0.94,
    ("blind_speaker_fresh55.json", "off_topic"): 0.95,
    ("blind_speaker_fresh55.json", "followups"): 1.0,
    # Fresh sets 56 and 57, sealed until the end of the twenty-third round and measured once
    # (93.5%, 96.3%, 20 of 20, 96.2%; 94.5%, 94.4%, 20 of 20, 86.5%).
    ("blind_speaker_fresh56.json", "questions"): 0.93,
    ("blind_speaker_fresh56.json", "unanswerable"): 0.96,
    ("blind_speaker_fresh56.json", "off_topic"): 0.95,
    ("blind_speaker_fresh56.json", "followups"): 0.96,
    ("blind_speaker_fresh57.json", "questions"): 0.94,
    ("blind_speaker_fresh57.json", "unanswerable"): 0.94,
    ("blind_speaker_fresh57.json", "off_topic"): 0.95,
    ("blind_speaker_fresh57.json", "followups"): 0.86,
    # Fresh set 58, studied in the twenty-fourth round (first contact 93.0%, 92.6%, 19 of 20,
    # 86.5%), floors at what it reaches after.
    ("blind_speaker_fresh58.json", "questions"): 0.94,
    ("blind_speaker_fresh58.json", "unanswerable"): 0.92,
    ("blind_speaker_fresh58.json", "off_topic"): 0.95,
    ("blind_speaker_fresh58.json", "followups"): 0.94,
    # Fresh sets 59 and 60, sealed until the end of the twenty-fourth round and measured once
    # (93.5%, 96.3%, 20 of 20, 92.3%; 93.5%, 92.6%, 19 of 20, 94.2%).
    ("blind_speaker_fresh59.json", "questions"): 0.93,
    ("blind_speaker_fresh59.json", "unanswerable"): 0.96,
    ("blind_speaker_fresh59.json", "off_topic"): 0.95,
    ("blind_speaker_fresh59.json", "followups"): 0.92,
    ("blind_speaker_fresh60.json", "questions"): 0.93,
    ("blind_speaker_fresh60.json", "unanswerable"): 0.92,
    ("blind_speaker_fresh60.json", "off_topic"): 0.95,
    ("blind_speaker_fresh60.json", "followups"): 0.94,
    # Fresh set 61, studied in the twenty-fifth round (first contact 94.0%, 90.7%, 20 of 20,
    # 90.4%), floors at what it reaches after.
    ("blind_speaker_fresh61.json", "questions"): 0.96,
    ("blind_speaker_fresh61.json", "unanswerable"): 0.92,
    ("blind_speaker_fresh61.json", "off_topic"): 0.95,
    ("blind_speaker_fresh61.json", "followups"): 0.94,
    # Fresh sets 62 and 63, sealed until the end of the twenty-fifth round and measured once
    # (92.5%, 88.9%, 20 of 20, 82.7%; 95.5%, 90.7%, 20 of 20, 92.3%).
    ("blind_speaker_fresh62.json", "questions"): 0.92,
    ("blind_speaker_fresh62.json", "unanswerable"): 0.88,
    ("blind_speaker_fresh62.json", "off_topic"): 0.95,
    ("blind_speaker_fresh62.json", "followups"): 0.82,
    ("blind_speaker_fresh63.json", "questions"): 0.95,
    ("blind_speaker_fresh63.json", "unanswerable"): 0.90,
    ("blind_speaker_fresh63.json", "off_topic"): 0.95,
    ("blind_speaker_fresh63.json", "followups"): 0.92,
    # Fresh set 64, studied in the twenty-sixth round (first contact 93.5%, 96.3%, 20 of 20,
    # 94.2%), floors at what it reaches after.
    ("blind_speaker_fresh64.json", "questions"): 0.95,
    ("blind_speaker_fresh64.json", "unanswerable"): 0.98,
    ("blind_speaker_fresh64.json", "off_topic"): 0.95,
    ("blind_speaker_fresh64.json", "followups"): 0.98,
    # Fresh sets 65 and 66, sealed until the end of the twenty-sixth round and measured once
    # (93.5%, 92.6%, 20 of 20, 82.7%; 93.0%, 94.4%, 20 of 20, 92.3%).
    ("blind_speaker_fresh65.json", "questions"): 0.93,
    ("blind_speaker_fresh65.json", "unanswerable"): 0.92,
    ("blind_speaker_fresh65.json", "off_topic"): 0.95,
    ("blind_speaker_fresh65.json", "followups"): 0.82,
    ("blind_speaker_fresh66.json", "questions"): 0.93,
    ("blind_speaker_fresh66.json", "unanswerable"): 0.94,
    ("blind_speaker_fresh66.json", "off_topic"): 0.95,
    ("blind_speaker_fresh66.json", "followups"): 0.92,
    # Fresh set 67, studied in the twenty-seventh round (first contact 96.0%, 87.0%, 20 of 20,
    # 90.4%), floors at what it reaches after.
    ("blind_speaker_fresh67.json", "questions"): 0.97,
    ("blind_speaker_fresh67.json", "unanswerable"): 0.94,
    ("blind_speaker_fresh67.json", "off_topic"): 0.95,
    ("blind_speaker_fresh67.json", "followups"): 0.90,
    # Fresh sets 68 and 69, sealed until the end of the twenty-seventh round and measured once
    # (94.5%, 88.9%, 19 of 20, 86.5%; 98.5%, 94.4%, 20 of 20, 90.4%).
    ("blind_speaker_fresh68.json", "questions"): 0.94,
    ("blind_speaker_fresh68.json", "unanswerable"): 0.88,
    ("blind_speaker_fresh68.json", "off_topic"): 0.95,
    ("blind_speaker_fresh68.json", "followups"): 0.86,
    ("blind_speaker_fresh69.json", "questions"): 0.98,
    ("blind_speaker_fresh69.json", "unanswerable"): 0.94,
    ("blind_speaker_fresh69.json", "off_topic"): 0.95,
    ("blind_speaker_fresh69.json", "followups"): 0.90,
    # Fresh set 70, studied in the twenty-eighth round (first contact 95.0%, 90.7%, 20 of 20,
    # 86.5%), floors at what it reaches after.
    ("blind_speaker_fresh70.json", "questions"): 0.97,
    ("blind_speaker_fresh70.json", "unanswerable"): 0.92,
    ("blind_speaker_fresh70.json", "off_topic"): 0.95,
    ("blind_speaker_fresh70.json", "followups"): 0.94,
    # Fresh sets 71 and 72, sealed until the end of the twenty-eighth round and measured once
    # (96.5%, 94.4%, 19 of 20, 86.5%; 94.5%, 90.7%, 20 of 20, 92.3%).
    ("blind_speaker_fresh71.json", "questions"): 0.96,
    ("blind_speaker_fresh71.json", "unanswerable"): 0.94,
    ("blind_speaker_fresh71.json", "off_topic"): 0.95,
    ("blind_speaker_fresh71.json", "followups"): 0.86,
    ("blind_speaker_fresh72.json", "questions"): 0.94,
    ("blind_speaker_fresh72.json", "unanswerable"): 0.90,
    ("blind_speaker_fresh72.json", "off_topic"): 0.95,
    ("blind_speaker_fresh72.json", "followups"): 0.92,
    ("blind_speaker_fresh73.json", "questions"): 0.97,
    ("blind_speaker_fresh73.json", "unanswerable"): 0.94,
    ("blind_speaker_fresh73.json", "off_topic"): 0.95,
    ("blind_speaker_fresh73.json", "followups"): 0.98,
    ("blind_speaker_fresh74.json", "questions"): 0.95,
    ("blind_speaker_fresh74.json", "unanswerable"): 0.85,
    ("blind_speaker_fresh74.json", "off_topic"): 0.95,
    ("blind_speaker_fresh74.json", "followups"): 0.80,
    ("blind_speaker_fresh75.json", "questions"): 0.95,
    ("blind_speaker_fresh75.json", "unanswerable"): 0.88,
    ("blind_speaker_fresh75.json", "off_topic"): 0.95,
    ("blind_speaker_fresh75.json", "followups"): 0.90,
}


def _guarded_sets() -> list[str]:
    return sorted(path.name for path in DATA.glob("*.json")
                  if path.name.startswith(("heldout_questions", "blind_speaker_")))


def test_every_guarded_set_is_present() -> None:
    assert {name for name, _ in FLOORS} == set(_guarded_sets())


@pytest.mark.parametrize("name", _guarded_sets())
def test_no_set_falls_below_its_floors(handler: Callable[[dict[str, Any], Any], dict[str, Any]],
                                       name: str) -> None:
    """One test per set, so that each set is asked once, by whichever worker takes it."""
    engine = conversation(handler=handler).engine
    logging.disable(logging.INFO)  # one line per question would drown the test log
    try:
        report = evaluate_file(DATA / name, lambda: Conversation(handler=handler, engine=engine))
    finally:
        logging.disable(logging.NOTSET)
    figures = report.figures()
    below = []
    for (set_name, section), floor in sorted(FLOORS.items()):
        if set_name != name:
            continue
        right, total = figures[section]
        assert total, f"{name} has no {section}"
        if right / total < floor:
            below.append(f"{section}: {right}/{total} below {floor:.0%}")
    assert not below, "\n".join(below) + "\n" + report.render(show_misses=True)
