"""The builder of the skill vocabulary (a development tool, not shipped).

``build.py`` merges ``curated/`` (Onward's own synonyms and stop-list) with O*NET, ESCO and a
job-posting gazetteer into ``src/onward/skills/data/``: ``python -m tools.skills.build FOLDER``.
"""
