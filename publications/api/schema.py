"""OpenAPI adjustments: every operation documents its error answers."""

ERROR_SCHEMA = {
    "type": "object",
    "description": "Field name to its error messages (400), or a `detail` message (404, 503).",
    "additionalProperties": {
        "oneOf": [{"type": "array", "items": {"type": "string"}}, {"type": "string"}]
    },
}


def document_errors(result, generator, request, public):
    """drf-spectacular postprocessing hook: add 400, 404 and 503 answers to each GET operation."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    reference = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for path in result.get("paths", {}).values():
        operation = path.get("get")
        if not operation:
            continue
        responses = operation.setdefault("responses", {})
        responses.setdefault(
            "400", {"description": "A malformed or unknown parameter.", "content": reference}
        )
        responses.setdefault(
            "404", {"description": "No such item, or a page past the end.", "content": reference}
        )
        responses.setdefault(
            "503",
            {
                "description": "The database is unavailable; retry after the `Retry-After` "
                "seconds.",
                "content": reference,
            },
        )
        for parameter in operation.get("parameters", []):
            name = parameter.get("name")
            if name in ("page", "page_size"):
                parameter["schema"] = {"type": "integer", "minimum": 1}
            elif name in ("year_from", "year_to"):
                parameter["schema"] = {"type": "integer", "minimum": 1000, "maximum": 9999}
            elif name == "sort" and "enum" in parameter.get("schema", {}):
                # As on the list page, an empty value means the default order.
                parameter["schema"]["enum"] = ["", *parameter["schema"]["enum"]]
                parameter["description"] += "\n\nEmpty: newest first, or relevance with `q`."
            elif name in ("region", "theme", "center", "author", "series"):
                parameter["description"] = "Slug; repeatable (OR). Unknown slugs answer 400."
    return result
