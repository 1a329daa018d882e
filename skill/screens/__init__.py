"""Screens for devices that show APL: documents as data, data sources built from the story,
the route and the answers (PURE: standard library, facts and story)."""
