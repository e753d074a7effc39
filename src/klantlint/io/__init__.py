"""Reading: files, Markdown and plain-text scripts, and their split into speaker segments."""
