"""The JSON schemas the model's answers must follow (sent as the API's json_schema output format).

Structured outputs need every object closed (`additionalProperties: false`)
and every property required; the same schemas validate what comes back.
"""

from __future__ import annotations

from adrtool.reasoning.ai_verdict import KINDS, QUADRANTS, SEVERITIES, STATES
from adrtool.reasoning.card import ESSENTIALS

FINDING_KINDS = list(KINDS)

# The quote comes first, then the why, then the state: the model looks for the words
# before it judges them (structured output keeps the property order).
_CLAIM = {
    "type": "object",
    "properties": {
        "quote": {"type": "string"},  # verbatim from the record; "" when absent
        "why": {"type": "string"},
        "state": {"type": "string", "enum": list(STATES)},
    },
    "required": ["quote", "why", "state"],
    "additionalProperties": False,
}

REVIEW = {
    "type": "object",
    "properties": {
        "quadrant": {"type": "string", "enum": list(QUADRANTS)},
        "essentials": {
            "type": "object",
            "properties": {name: _CLAIM for name in ESSENTIALS},
            "required": list(ESSENTIALS),
            "additionalProperties": False,
        },
        "findings": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "kind": {"type": "string", "enum": FINDING_KINDS},
                    "quote": {"type": "string"},
                    "severity": {"type": "string", "enum": list(SEVERITIES)},
                    "message": {"type": "string"},
                    "recommendation": {"type": "string"},
                },
                "required": ["kind", "quote", "severity", "message", "recommendation"],
                "additionalProperties": False,
            },
        },
    },
    "required": ["quadrant", "essentials", "findings"],
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
