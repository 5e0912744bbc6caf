"""Page contexts: what each page's template receives, shaped here in the web layer from the
domain results services return (linkding's ``views/contexts.py``)."""
