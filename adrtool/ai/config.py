"""AI settings from `[tool.adrtool.ai]`: opt-in, model, token limits, retry budget.

Every limit a user might need to change is a key here; the defaults are the
documented ones (see the README section "AI review (optional)").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from adrtool.config import Config, ConfigError

# A current Claude model (Sonnet: the speed/quality balance a reviewer needs).
DEFAULT_MODEL = "claude-sonnet-5-5"

# max_tokens per feature: the most the model may write for one item.
# A review is a handful of findings; tags are two words and two reasons;
# a newcomer summary is a paragraph; a paper summary is a page with citations.
DEFAULT_MAX_TOKENS = {"review": 2000, "tags": 400, "summarize": 600, "paper": 4000}

# Typical output per item, used only for cost estimates before sending.
TYPICAL_OUTPUT_TOKENS = {"review": 450, "tags": 90, "summarize": 180, "paper": 1500}

# US dollars per million tokens (input, output), list price.
# Cache writes cost 1.25x input, cache reads 0.1x input; batches cost half.
PRICES = {
    "claude-sonnet-5-5": (2.0, 10.0),
    "claude-sonnet-5": (2.0, 10.0),
    "claude-opus-5-5": (4.0, 20.0),
    "claude-opus-5": (5.0, 25.0),
    "claude-fable-5-1": (10.0, 50.0),
    "claude-haiku-4-5": (1.0, 5.0),
}
CACHE_WRITE_FACTOR = 1.25
CACHE_READ_FACTOR = 0.1
BATCH_FACTOR = 0.5


@dataclass
class AISettings:
    enabled: bool = False
    model: str = DEFAULT_MODEL
    max_tokens: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_MAX_TOKENS))
    results_dir: str = ".adrtool/ai"  # repository-relative; results are reviewed like any text
    timeout: float = 120.0  # seconds for one HTTP request
    max_attempts: int = 4  # per request, first try included
    max_retry_wait: float = 30.0  # cap on any wait between attempts, whatever retry-after says
    deadline: float = 600.0  # seconds for all attempts of one request together
    batch_poll: float = 30.0  # seconds between batch status checks
    max_reference_bytes: int = 200_000  # a larger attached file is not sent

    def price(self) -> tuple[float, float] | None:
        return PRICES.get(self.model)


_NUMBERS = {
    "timeout": "timeout",
    "max-attempts": "max_attempts",
    "max-retry-wait": "max_retry_wait",
    "deadline": "deadline",
    "batch-poll-seconds": "batch_poll",
    "max-reference-bytes": "max_reference_bytes",
}


def load(config: Config) -> AISettings:
    """The AI settings of a repository; a wrong type is a ConfigError naming the file."""
    table = config.ai
    where = str(config.config_file or "[tool.adrtool.ai]")
    out = AISettings()
    if "enabled" in table:
        if not isinstance(table["enabled"], bool):
            raise ConfigError(f"{where}: [tool.adrtool.ai] enabled must be true or false")
        out.enabled = table["enabled"]
    if "model" in table:
        if not isinstance(table["model"], str) or not table["model"].strip():
            raise ConfigError(f"{where}: [tool.adrtool.ai] model must be a model name")
        out.model = table["model"].strip()
    if "results-dir" in table:
        value = table["results-dir"]
        if not isinstance(value, str) or value.startswith("/") or ".." in value.split("/"):
            raise ConfigError(f"{where}: [tool.adrtool.ai] results-dir must be a folder inside the repository")
        out.results_dir = value.strip("/")
    limits = table.get("max-tokens", {})
    if not isinstance(limits, dict):
        raise ConfigError(f"{where}: [tool.adrtool.ai.max-tokens] must be a table of feature = number")
    for feature, value in limits.items():
        if feature not in DEFAULT_MAX_TOKENS or not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ConfigError(f"{where}: [tool.adrtool.ai.max-tokens] {feature} must be one of "
                              f"{', '.join(DEFAULT_MAX_TOKENS)} with a positive whole number")
        out.max_tokens[feature] = value
    for key, attr in _NUMBERS.items():
        if key in table:
            value = table[key]
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise ConfigError(f"{where}: [tool.adrtool.ai] {key} must be a number >= 0")
            setattr(out, attr, int(value) if attr in ("max_attempts", "max_reference_bytes") else float(value))
    out.max_attempts = max(1, out.max_attempts)
    return out
