"""``balto console``: the skill in a browser page, like the developer console's Test tab, offline.

Type or pick an utterance and see what Alexa would send and what the skill answers: the intent
and slots with entity resolution, the NLU's reasoning, both JSON envelopes, the screen, the
speech as audio. Modules, one job each:

- ``records``: a simulator turn as the JSON the page shows (pure: no Flask);
- ``screen``: what a screen device shows (the screen preview's SVG, else the card);
- ``skill_log``: the skill's log lines of one turn;
- ``state``: the console's conversation, settings and history, shared by every page load;
- ``app``: the Flask application (JSON API and the one static page in ``static/``);
- ``server``: the loopback-only bind policy and the waitress server.
"""
