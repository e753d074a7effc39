"""`klantlint server`: a Language Server that shows findings while a script writer types (needs klantlint[server]).

`linters` finds the config and Linter per document, `positions` maps offsets to LSP positions, `diagnostics`,
`actions` and `hover` turn findings into LSP answers, and `server` wires them to pygls.
"""
