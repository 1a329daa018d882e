"""The local intent simulator: talk to the skill offline, exactly as a speaker would.

``envelopes`` (real request envelopes), ``session`` (a conversation holding session state),
``runtime`` (model -> engine, skill -> handler), ``render`` (--json records, text display),
``chat`` (the interactive loop), ``speak`` (espeak-ng), ``dialogs`` (YAML dialog scripts),
``nlu_eval`` (accuracy on annotated utterances), ``model_check`` (ASK build rules and
utterance conflicts).  Local-only: the Lambda entry never imports this package.
"""
