"""OpenAPI post-processing: every operation documents the errors the API can really answer with,
all in the one error format, so generated clients and schema checks see no surprises."""

ERROR_REF = {"$ref": "#/components/schemas/Error"}
ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "error": {
            "type": "object",
            "properties": {
                "code": {"type": "string"},
                "message": {"type": "string"},
                "fields": {"type": "object", "additionalProperties": True},
            },
            "required": ["code", "message"],
            "additionalProperties": True,
        }
    },
    "required": ["error"],
}
COMMON = {
    "400": "Invalid input (query parameters or body)",
    "403": "Not allowed for this user or API key",
    "405": "Method not allowed",
    "406": "Cannot answer in the requested format",
    "429": "Too many requests (throttled)",
}
WITH_BODY = {"413": "Request body too large", "415": "Unsupported media type"}


def add_error_responses(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            extra = dict(COMMON)
            if "{" in path:
                extra["404"] = "Not found (or not published)"
            if any(parameter.get("name") == "cursor" for parameter in operation.get("parameters", [])):
                extra["404"] = "Invalid cursor"
            if method in ("post", "put", "patch"):
                extra.update(WITH_BODY)
            for status, description in extra.items():
                responses.setdefault(
                    status, {"description": description, "content": {"application/json": {"schema": ERROR_REF}}}
                )
    return result
