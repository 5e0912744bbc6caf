"""The local web app: FastAPI + Jinja2, server-rendered, thin over the services.

::

    app.py        create_app(settings): one Workspace per app, routers, handlers, static files
    security.py   headers (strict CSP, no framing, nosniff), loopback hosts, CSRF in one place
    errors.py     the one place Onward's errors become HTTP statuses and friendly pages
    rendering.py  the Jinja environment and the page chrome (navigation, CSRF token, notices)
    forms.py      reading form fields into service inputs, collecting messages per field
    nav.py        every page of the app, in the order the navigation shows them
    pages/        one routes module per page; its templates live in templates/<page>/
    static/       our own CSS and small JavaScript files (no third-party code, no CDN)
    server.py     `onward serve`: uvicorn on a loopback address
    collector.py  the garbage collector tuned for a long-running server (``settle``)
"""
