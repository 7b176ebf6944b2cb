"""One module per output format (text, JSON, Markdown, HTML) and the templates they share."""
