"""Reading input safely: YAML with line numbers, and the limits that keep any file cheap."""
