"""The JSON schemas the model's answers must follow (sent as the API's json_schema output format).

Structured outputs need every object closed (`additionalProperties: false`)
and every property required; the same schemas validate what comes back.
"""

from __future__ import annotations

FINDING_KINDS = [
    "dummy-alternative",
    "missing-option",
    "rationale-does-not-follow",
    "implausible-consequence",
    "missing-consequence",
    "door-mislabelled",
    "choice-mislabelled",
    "other",
]

REVIEW = {
    "type": "object",
    "properties": {
        "quadrant": {"type": "string", "enum": ["deliberate/one-way", "deliberate/two-way",
                                                "arbitrary/one-way", "arbitrary/two-way"]},
        "adequate": {"type": "boolean"},
        "findings": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "kind": {"type": "string", "enum": FINDING_KINDS},
                    "severity": {"type": "string", "enum": ["note", "warning", "error"]},
                    "message": {"type": "string"},
                    "recommendation": {"type": "string"},
                },
                "required": ["kind", "severity", "message", "recommendation"],
                "additionalProperties": False,
            },
        },
    },
    "required": ["quadrant", "adequate", "findings"],
    "additionalProperties": False,
}

TAGS = {
    "type": "object",
    "properties": {
        "choice": {"type": "string", "enum": ["deliberate", "arbitrary"]},
        "choice_reason": {"type": "string"},
        "door": {"type": "string", "enum": ["one-way", "two-way"]},
        "door_reason": {"type": "string"},
    },
    "required": ["choice", "choice_reason", "door", "door_reason"],
    "additionalProperties": False,
}

SUMMARY = {
    "type": "object",
    "properties": {"summary": {"type": "string"}},
    "required": ["summary"],
    "additionalProperties": False,
}

BY_FEATURE = {"review": REVIEW, "tags": TAGS, "summarize": SUMMARY}


def validate(feature: str, data) -> str | None:
    """None when `data` follows the feature's schema, else the first problem in one line."""
    import jsonschema

    try:
        jsonschema.validate(data, BY_FEATURE[feature])
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "top level"
        return f"{where}: {exc.message.splitlines()[0]}"
    return None
