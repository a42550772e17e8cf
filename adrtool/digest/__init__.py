"""The newcomer digest: which decisions are load-bearing and which are free to change.

`content.build(repo, today)` decides what the digest says; `markdown.render`
and `html.render` only format it, so both formats always agree.
"""

from adrtool.digest.content import Digest, build

__all__ = ["Digest", "build", "render"]


def render(digest: Digest, fmt: str) -> str:
    if fmt == "html":
        from adrtool.digest import html

        return html.render(digest)
    from adrtool.digest import markdown

    return markdown.render(digest)
