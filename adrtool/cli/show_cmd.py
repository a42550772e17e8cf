"""`adrtool show ID`: one decision, its metadata and text."""

from __future__ import annotations

from adrtool.cli.common import dump_json, load_repo, tag_text


def add_arguments(p) -> None:
    p.add_argument("id", help="ADR-0012, 0012, 12, a file name, or an inline id such as design#3")
    p.add_argument("--json", action="store_true")


def run(args) -> int:
    repo = load_repo(args, require=True)
    d = repo.resolve(args.id)
    if args.json:
        from adrtool.reasoning.estimate import estimate, json_fields

        data = d.to_json(repo.link_ids(d))
        data.update(json_fields(d, None if d.is_tagged else estimate(d, repo)))
        data["body"] = d.body
        data["decision_makers"] = d.decision_makers
        dump_json(data)
        return 0
    choice, door = tag_text(d)
    where = d.path if d.line is None else f"{d.path}:{d.line}"
    print(f"{d.id}  {d.title}")
    print(f"  status:   {d.status.value}" + (f" ({d.status_raw})" if d.status_raw and d.status_raw.lower() != d.status.value else ""))
    print(f"  choice:   {choice}")
    print(f"  door:     {door}")
    for label, value in (
        ("date", d.date),
        ("revisit", d.revisit),
        ("deciders", ", ".join(d.decision_makers)),
        ("tags", ", ".join(d.tags)),
        ("governs", ", ".join(d.governs)),
        ("refs", ", ".join(d.references)),
    ):
        if value:
            print(f"  {label + ':':<9} {value}")
    for link in d.links:
        target = repo.resolve_link(d, link.target)
        shown = f"{target.id} {target.title}" if target else f"{link.target} (missing)"
        print(f"  {link.relation.value}: {shown}")
    print(f"  file:     {where} ({d.dialect})")
    for p in d.problems:
        print(f"  problem:  {p.message}")
    if not d.is_tagged:
        from adrtool.reasoning import estimate_view
        from adrtool.reasoning.estimate import estimate

        print(f"  estimated, not tags (`adrtool tag {d.id} --suggest --apply` writes them):")
        for line in estimate_view.render(d, estimate(d, repo), indent="    "):
            print(line)
    if d.body.strip():
        print()
        print(d.body.rstrip())
    return 0
