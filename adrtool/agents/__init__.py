"""What adrtool tells coding agents (and the humans and hooks that ask the same questions).

- `answers`: which decisions govern a path and what that means for a change,
  decisions as JSON, search over titles and bodies; plain data, no SDK.
- `paths`: every path an agent gives is confined to the repository.
- `server`: the Model Context Protocol server (`adrtool mcp`), on the `mcp` SDK,
  which only that module imports.
- `instructions`: the AGENTS.md section `adrtool init --agents` writes.
"""
