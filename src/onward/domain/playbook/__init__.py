"""The rejection playbook: pure rules for getting through one rejection and moving on.

::

    log a rejection (rejection)  →  feel it, time-boxed (dwell)
        →  see it in proportion (reframe)  →  decide whether to reply (advice)
        →  a dated task list (tasks)  →  feedback (feedback)  →  reflection (reflection)
        →  a learning plan (learning_plan)
    alongside: weekly goals and streaks (goals), small wins (wins), a mood journal and its
    nudges (journal), and quiet applications (ghosting). Today assembles them in
    services/today.py.

Every function here is pure: it receives the moment (``now``) or the date (``today``) as an
argument and never reads the clock, the configuration, files or the network. Inputs and
outputs are frozen dataclasses and string enums, so storage, services, the CLI and the web
app can share them and serialise them to JSON without translation.
"""
