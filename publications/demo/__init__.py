"""Demo content of a fictional institute, loaded by `manage.py load_demo`.

`content.py` holds the institute (regions, themes, centers, experts, series), `catalogue.py` the
publications, `prose.py` the paragraphs their bodies are composed from, `art.py` the Pillow
images and ReportLab PDFs, and `loader.py` the idempotent loader (`demo_load`).
"""
