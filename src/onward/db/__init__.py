"""Storage: the only package that imports SQLAlchemy and Alembic.

Services receive a ``Store`` (see ``store.py``) and use its transactions; rows come back as
domain dataclasses, never as SQLAlchemy objects.
"""
