"""Lookups by long lists of slugs or ids, split so that no statement exceeds SQLite's limit of
bound parameters."""

CHUNK = 900


def chunks(values, size=CHUNK):
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


def chunked_values(model, values, *fields, lookup="slug"):
    """`values_list(*fields)` of the rows whose `lookup` is in `values`."""
    for chunk in chunks(sorted(values)):
        yield from model.objects.filter(**{f"{lookup}__in": chunk}).values_list(*fields)
