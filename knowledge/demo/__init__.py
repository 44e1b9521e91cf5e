"""Demo content for ``manage.py load_demo``.

The content lives as data, one module per kind (``content_*.py``), written in the
project's own words from the facts in the domain documents, in Arabic and English.
``loader.py`` applies it idempotently. The agencies are fictional demo entities."""
