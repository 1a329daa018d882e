"""The local intent simulator: talk to the skill offline, exactly as a speaker would.

``envelopes`` (the one request-envelope builder), ``session`` (a conversation holding session
state, and its turns), ``runtime`` (model -> engine, configuration -> the skill's handler),
``transcript`` (a turn as text or a --json summary), ``chat`` (the interactive loop), ``speak``
(espeak-ng), ``dialogs`` and ``bst`` (dialog scripts), ``nlu_eval`` and ``answer_eval``
(accuracy), ``model_check`` (ASK build rules and utterance conflicts).
"""
