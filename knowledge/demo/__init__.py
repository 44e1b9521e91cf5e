"""Demo content for ``manage.py load_demo``.

The content is data, written in the project's own words from the facts in the domain
documents, in Arabic and English: one Markdown file with YAML front matter per page and
language under ``content/<locale>/<type>/`` (the format of ``manage.py import_knowledge``),
and the agencies and FAQ topics in ``reference.yaml``. ``loader.py`` creates what is
missing and never changes what exists. The agencies are fictional demo entities."""
